// Property tests: the set-based evaluator against a per-packet brute force over small universes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { azureDefaultRules, evaluateFlow } from '../../../src/core/nsg/index';
import { evaluateFlowBoxes } from '../../../src/core/nsg/flow';
import { pieceHolds } from '../../../src/core/nsg/addressPiece';
import { has } from '../../../src/core/nsg/intervals';
import type { EvaluatedBox } from '../../../src/core/nsg/evaluate';
import type { SecurityRule } from '../../../src/core/model';
import type { EvaluationContext, FlowQuery } from '../../../src/core/nsg/types';
import { NSG_ID, rule } from './rules';
import { Packet, TagModel, addressMatches, ip, portMatches, protocolMatches, referenceOrder, tabulatedMultiplicity, tabulatedReference } from './reference';

const DESTINATION_PORTS = [0, 1, 2, 3, 4, 5, 100];
const SOURCE_PORTS = [1, 50, 100];
const PROTOCOL_BITS = [0, 1, 2, 3, 4, 5];
const VIP = ip('168.63.129.16');
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];
const isPublic = (a: number) => !NON_PUBLIC.some((c) => addressMatches(c, a, () => false));

interface World {
  addresses: number[];
  context: EvaluationContext;
  tags: TagModel;
}

/** A packet's position in the universe, so answers can be kept in plain arrays. */
function packetIndex(world: World, s: number, d: number, sp: number, dp: number, protocol: number): number {
  return (((s * world.addresses.length + d) * SOURCE_PORTS.length + sp) * DESTINATION_PORTS.length + dp) * PROTOCOL_BITS.length + protocol;
}

/** Every packet each evaluated box holds, with the box: the evaluator's answer packet by packet. */
function packetsOf(results: readonly EvaluatedBox[], world: World): EvaluatedBox[][] {
  const byPacket: EvaluatedBox[][] = [];
  const inTag = (tag: { key: string }, a: number) => world.tags(tag.key, a);
  const indices = (values: number[], keep: (v: number) => boolean) => values.flatMap((v, i) => (keep(v) ? [i] : []));
  for (const result of results) {
    const { box } = result;
    const sources = indices(world.addresses, (a) => pieceHolds(box.sources, a, inTag));
    const destinations = indices(world.addresses, (a) => pieceHolds(box.destinations, a, inTag));
    const sourcePorts = indices(SOURCE_PORTS, (p) => has(box.sourcePorts, p));
    const destinationPorts = indices(DESTINATION_PORTS, (p) => has(box.destinationPorts, p));
    const protocols = PROTOCOL_BITS.filter((b) => box.protocols & (1 << b));
    for (const s of sources) for (const d of destinations) for (const sp of sourcePorts) for (const dp of destinationPorts) for (const protocol of protocols) {
      (byPacket[packetIndex(world, s, d, sp, dp, protocol)] ??= []).push(result);
    }
  }
  return byPacket;
}

/** The packets of the query (each once), with their index. */
function* queryPackets(world: World, query: FlowQuery): Generator<[number, Packet]> {
  const inSome = (items: string[], a: number) => items.some((x) => addressMatches(x, a, world.tags));
  const sources = world.addresses.flatMap((a, i) => (inSome(query.sources, a) ? [i] : []));
  const destinations = world.addresses.flatMap((a, i) => (inSome(query.destinations, a) ? [i] : []));
  const ports = DESTINATION_PORTS.flatMap((port, i) => (query.destinationPorts.some((r) => portMatches(r, port)) ? [i] : []));
  const protocols = PROTOCOL_BITS.filter((b) => protocolMatches(query.protocol, b));
  for (const s of sources) for (const d of destinations) for (const sp of SOURCE_PORTS.keys()) for (const dp of ports) for (const protocol of protocols) {
    const p = { source: world.addresses[s], destination: world.addresses[d], sourcePort: SOURCE_PORTS[sp], destinationPort: DESTINATION_PORTS[dp], protocol };
    yield [packetIndex(world, s, d, sp, dp, protocol), p];
  }
}

/** The evaluator's boxes partition the query, and each box agrees with the brute force. */
function assertAgrees(rules: SecurityRule[], query: FlowQuery, world: World): void {
  const { results, evaluation } = evaluateFlowBoxes(rules, query, world.context);
  const byPacket = packetsOf(results, world);
  const ordered = referenceOrder(rules, query.direction);
  const universe = { addresses: world.addresses, sourcePorts: SOURCE_PORTS, destinationPorts: DESTINATION_PORTS };
  const decide = tabulatedReference(ordered, universe, world.tags);
  const multiplicity = tabulatedMultiplicity(query, universe, world.tags);
  let covered = 0;
  for (const [key, p] of queryPackets(world, query)) {
    const boxes = byPacket[key] ?? [];
    assert.equal(boxes.length, multiplicity(p), `packet ${key} is in ${boxes.length} parts`);
    covered += boxes.length;
    const truth = decide(p);
    for (const box of boxes) {
      if (box.verdict === 'unknown') {
        // Rules before the undecided one certainly do not match the packet.
        assert.ok(truth && ordered.indexOf(truth) >= ordered.indexOf(box.rule!.ref.rule), `packet ${key}: unknown at ${box.rule?.ref.name} but ${truth?.name} decides`);
      } else {
        assert.equal(box.rule?.ref.rule, truth, `packet ${key}: decided by ${box.rule?.ref.name}, reference says ${truth?.name}`);
        assert.equal(box.verdict, truth!.access === 'Allow' ? 'allow' : 'deny');
      }
    }
  }
  // No part holds a packet outside the query.
  assert.equal(byPacket.reduce((sum, boxes) => sum + (boxes?.length ?? 0), 0), covered);
  assert.ok(evaluation.parts.length <= results.length);
  const verdicts = new Set(evaluation.parts.map((part) => part.verdict));
  const expected = verdicts.has('unknown') ? 'unknown' : verdicts.size === 2 ? 'partial' : verdicts.has('deny') ? 'deny' : 'allow';
  assert.equal(evaluation.verdict, evaluation.parts.length === 0 ? 'allow' : expected);
}

// ---------- plain addresses: CIDRs, '*', and tags whose extent the context fixes ----------

const CONCRETE: World = (() => {
  const vnet = ['10.0.0.0/30'];
  const addresses = [...Array.from({ length: 8 }, (_, i) => ip('10.0.0.0') + i), ip('10.0.1.5'), ip('8.8.8.8'), VIP];
  const inVnet = (a: number) => a === VIP || vnet.some((c) => addressMatches(c, a, () => false));
  const tags: TagModel = (tag, a) => (tag === 'virtualnetwork' ? inVnet(a) : tag === 'internet' ? isPublic(a) && !inVnet(a) : tag === 'azureloadbalancer' ? a === VIP : false);
  return { addresses, context: { virtualNetworkPrefixes: vnet }, tags };
})();

const cidrInside = fc.tuple(fc.integer({ min: 29, max: 32 }), fc.integer({ min: 0, max: 7 })).map(([bits, offset]) => {
  const size = 2 ** (32 - bits);
  return `10.0.0.${Math.floor(offset / size) * size}${bits === 32 ? '' : `/${bits}`}`;
});
const concreteAddress = fc.oneof(cidrInside, fc.constantFrom('*', '0.0.0.0/0', '10.0.1.0/24', '8.0.0.0/7', '10.0.0.0/8', 'VirtualNetwork', 'Internet', 'AzureLoadBalancer', 'internet'));
const portItem = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  fc.constantFrom('*', '100', '50-200'),
);
const ruleProtocol = fc.constantFrom('*', 'Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', 'All', 'tcp', 'UDP');
const sourcePorts = fc.oneof({ weight: 3, arbitrary: fc.constant(['*']) }, { weight: 1, arbitrary: fc.constantFrom(['0-49'], ['50'], ['60-200'], ['1', '100']) });

function rulesArbitrary(address: fc.Arbitrary<string>): fc.Arbitrary<SecurityRule[]> {
  const one = fc.record({
    priority: fc.integer({ min: 100, max: 130 }),
    access: fc.constantFrom('Allow' as const, 'Deny' as const),
    protocol: ruleProtocol,
    from: fc.array(address, { minLength: 1, maxLength: 2 }),
    to: fc.array(address, { minLength: 1, maxLength: 2 }),
    ports: fc.array(portItem, { minLength: 1, maxLength: 2 }),
    sourcePorts,
  });
  return fc.array(one, { maxLength: 7 }).map((specs) => [...specs.map((s, i) => rule({ ...s, sourcePorts: [...s.sourcePorts], name: `r${i}` })), ...azureDefaultRules(NSG_ID)]);
}

function queryArbitrary(address: fc.Arbitrary<string>): fc.Arbitrary<FlowQuery> {
  return fc.record({
    direction: fc.constant('Inbound' as const),
    protocol: fc.constantFrom('Tcp' as const, 'Udp' as const, 'Icmp' as const, '*' as const),
    sources: fc.array(address, { minLength: 1, maxLength: 2 }),
    destinations: fc.array(address, { minLength: 1, maxLength: 2 }),
    destinationPorts: fc.array(portItem, { minLength: 1, maxLength: 2 }),
  });
}

describe('evaluator properties (plain addresses)', () => {
  it('every packet of the query is in exactly its parts, with the brute force verdict and rule', () => {
    fc.assert(fc.property(rulesArbitrary(concreteAddress), queryArbitrary(concreteAddress), (rules, query) => assertAgrees(rules, query, CONCRETE)), { numRuns: 200 });
  });

  it('rule order in the array does not matter when priorities differ', () => {
    fc.assert(
      fc.property(rulesArbitrary(concreteAddress), queryArbitrary(concreteAddress), (rules, query) => {
        const unique = rules.filter((r, i) => rules.findIndex((o) => o.priority === r.priority && o.direction === r.direction) === i);
        const lines = (rs: SecurityRule[]) => evaluateFlow(rs, query, CONCRETE.context).parts.map((p) => JSON.stringify({ ...p, decidedBy: p.decidedBy?.name, shadowedAllows: p.shadowedAllows.map((r) => r.name) })).sort();
        assert.deepEqual(lines([...unique].reverse()), lines(unique));
      }),
      { numRuns: 150 },
    );
  });

  it('adding a lower-priority rule never changes a part a custom rule decided', () => {
    const extra = fc.record({ access: fc.constantFrom('Allow' as const, 'Deny' as const), protocol: ruleProtocol, from: fc.array(concreteAddress, { minLength: 1, maxLength: 2 }), ports: fc.array(portItem, { minLength: 1, maxLength: 2 }) });
    fc.assert(
      fc.property(rulesArbitrary(concreteAddress), queryArbitrary(concreteAddress), extra, (rules, query, spec) => {
        const before = packetsOf(evaluateFlowBoxes(rules, query, CONCRETE.context).results, CONCRETE);
        const after = packetsOf(evaluateFlowBoxes([...rules, rule({ ...spec, priority: 4000, name: 'late' })], query, CONCRETE.context).results, CONCRETE);
        for (const [key, boxes] of before.entries()) {
          for (const [i, box] of (boxes ?? []).entries()) {
            if (box.rule?.ref.isDefault !== false) continue;
            const later = after[key]?.[i];
            assert.equal(later?.rule?.ref.rule, box.rule.ref.rule, `packet ${key}`);
            assert.equal(later?.verdict, box.verdict, `packet ${key}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---------- service tags: a concrete model consistent with what the evaluator knows ----------

const TAG_ADDRESSES = ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.1.5', '8.8.8.8', '20.0.0.1', '52.0.0.1', '52.0.0.2', '52.1.0.1', '168.63.129.16'].map(ip);
const tagAddress = fc.constantFrom(
  '*', '10.0.0.0/31', '10.0.0.0/30', '10.0.0.2', '52.0.0.0/8', '52.0.0.0/16', '20.0.0.0/8', '8.8.8.8', '168.63.129.16',
  'Internet', 'VirtualNetwork', 'AzureLoadBalancer', 'AzureCloud', 'GatewayManager', 'AzureCloud.westeurope', 'Storage',
);

/** A random world: VirtualNetwork, then Internet = public minus it, then the Azure tags inside. */
const worldArbitrary: fc.Arbitrary<World> = fc
  .record({
    knownVnet: fc.boolean(),
    vnetExtra: fc.subarray([ip('10.0.0.0'), ip('10.0.0.1'), ip('10.0.1.5'), ip('52.1.0.1')]),
    azureCloud: fc.subarray(TAG_ADDRESSES),
    gatewayManager: fc.subarray(TAG_ADDRESSES),
    westEurope: fc.subarray(TAG_ADDRESSES),
    storage: fc.subarray(TAG_ADDRESSES),
  })
  .map((w) => {
    const vnet = new Set(w.knownVnet ? [ip('10.0.0.0'), ip('10.0.0.1'), VIP] : [...w.vnetExtra, VIP]);
    const internet = new Set(TAG_ADDRESSES.filter((a) => isPublic(a) && !vnet.has(a)));
    const azureCloud = new Set(w.azureCloud.filter((a) => internet.has(a)));
    const sets: Record<string, Set<number>> = {
      virtualnetwork: vnet,
      internet,
      azureloadbalancer: new Set([VIP]),
      azurecloud: azureCloud,
      gatewaymanager: new Set(w.gatewayManager.filter((a) => azureCloud.has(a))),
      'azurecloud.westeurope': new Set(w.westEurope.filter((a) => azureCloud.has(a))),
      storage: new Set(w.storage),
    };
    return {
      addresses: TAG_ADDRESSES,
      context: w.knownVnet ? { virtualNetworkPrefixes: ['10.0.0.0/31'] } : {},
      tags: (tag: string, a: number) => sets[tag]?.has(a) ?? false,
    };
  });

describe('evaluator properties (service tags)', () => {
  it('decided parts agree with every world consistent with the tag hierarchy; unknown parts never skip a match', () => {
    fc.assert(fc.property(rulesArbitrary(tagAddress), queryArbitrary(tagAddress), worldArbitrary, (rules, query, world) => assertAgrees(rules, query, world)), { numRuns: 250 });
  });
});
