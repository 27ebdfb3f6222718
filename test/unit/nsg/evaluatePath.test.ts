import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePath } from '../../../src/core/nsg/index';
import type { PathHop } from '../../../src/core/nsg/types';
import { flow, rule } from './rules';
import { partLines } from './summary';

const CONTEXT = { virtualNetworkPrefixes: ['10.0.0.0/16'] };
const fromBastion = flow({ from: ['10.0.254.0/26'], to: ['10.0.1.4'], ports: ['22', '3389'] });
const denyAll = rule({ priority: 4096, access: 'Deny', name: 'DenyAll' });
const allowSsh = rule({ priority: 100, access: 'Allow', from: ['10.0.254.0/26'], ports: ['22'], name: 'AllowBastionSsh' });
const allowBoth = rule({ priority: 100, access: 'Allow', from: ['10.0.254.0/26'], ports: ['22', '3389'], name: 'AllowBastion' });
const asgDeny = rule({ priority: 90, access: 'Deny', from: [], sourceAsgs: ['asg-x'], name: 'DenyAsg' });

describe('evaluatePath', () => {
  const cases: { name: string; hops: PathHop[]; verdict: string; hopParts: (string[] | undefined)[] }[] = [
    {
      name: 'no NSG at either hop passes everything',
      hops: [{ label: 'subnet', rules: undefined }, { label: 'nic', rules: undefined }],
      verdict: 'allow',
      hopParts: [undefined, undefined],
    },
    {
      name: 'both hops must allow: the NIC NSG denies what the subnet allowed',
      hops: [{ label: 'subnet', rules: [] }, { label: 'nic', rules: [allowSsh, denyAll] }],
      verdict: 'partial',
      hopParts: [
        ['allow 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by AllowVnetInBound'],
        ['allow 10.0.254.0/26 -> 10.0.1.4 22 Tcp by AllowBastionSsh', 'deny 10.0.254.0/26 -> 10.0.1.4 3389 Tcp by DenyAll'],
      ],
    },
    {
      name: 'a part denied at the subnet does not reach the NIC',
      hops: [{ label: 'subnet', rules: [allowSsh, denyAll] }, { label: 'nic', rules: [allowBoth, denyAll] }],
      verdict: 'partial',
      hopParts: [
        ['allow 10.0.254.0/26 -> 10.0.1.4 22 Tcp by AllowBastionSsh', 'deny 10.0.254.0/26 -> 10.0.1.4 3389 Tcp by DenyAll'],
        ['allow 10.0.254.0/26 -> 10.0.1.4 22 Tcp by AllowBastion'],
      ],
    },
    {
      name: 'nothing reaches the second hop when the first denies all',
      hops: [{ label: 'subnet', rules: [denyAll] }, { label: 'nic', rules: [allowBoth] }],
      verdict: 'deny',
      hopParts: [['deny 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by DenyAll'], []],
    },
    {
      name: 'a missing NSG hop passes the flow to the next',
      hops: [{ label: 'subnet', rules: undefined }, { label: 'nic', rules: [denyAll] }],
      verdict: 'deny',
      hopParts: [undefined, ['deny 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by DenyAll']],
    },
    {
      name: 'unknown at the first hop, denied at the second: denied',
      hops: [{ label: 'subnet', rules: [asgDeny] }, { label: 'nic', rules: [denyAll] }],
      verdict: 'deny',
      hopParts: [['unknown 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by DenyAsg'], ['deny 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by DenyAll']],
    },
    {
      name: 'unknown at the first hop, allowed at the second: unknown',
      hops: [{ label: 'subnet', rules: [asgDeny] }, { label: 'nic', rules: [allowBoth] }],
      verdict: 'unknown',
      hopParts: [['unknown 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by DenyAsg'], ['allow 10.0.254.0/26 -> 10.0.1.4 22,3389 Tcp by AllowBastion']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = evaluatePath(c.hops, fromBastion, CONTEXT);
      assert.equal(result.verdict, c.verdict);
      assert.deepEqual(result.hops.map((h) => h.label), c.hops.map((h) => h.label));
      assert.deepEqual(result.hops.map((h) => (h.evaluation ? partLines(h.evaluation) : undefined)), c.hopParts.map((p) => (p ? [...p].sort() : undefined)));
    });
  }
});
