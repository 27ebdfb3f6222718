// Raw ARM resource JSON (GET responses, snapshots, evaluated templates) → the normalized Topology.
import type { Topology, TopologyCoverage } from '../model';
import { idKey } from '../resourceId';
import { mapBastionHost } from './bastion';
import { mapNetworkInterface, mapVirtualMachine } from './compute';
import { MapContext, type ArmInput } from './context';
import { describeJsonType, isJsonObject } from './fields';
import { resolveIdentity } from './identity';
import { mapDiagnosticSetting, mapPrivateDnsZoneLink } from './monitoring';
import { mapPeeringResource, mapSubnetResource, mapVirtualNetwork } from './network';
import { mapNetworkSecurityGroup, mapSecurityRuleResource } from './nsg';
import type { MapOptions } from './options';
import { mapPublicIpAddress } from './publicIp';
import { reportDanglingReferences } from './references';
import { Registry } from './registry';
import { mapRouteResource, mapRouteTable } from './routeTables';
import { ARM_TYPES, armTypeKey, KIND_LABELS, type ArmTypeKey } from './types';

type Mapper = (input: ArmInput, ctx: MapContext, registry: Registry) => void;

const MAPPERS: Record<ArmTypeKey, Mapper> = {
  [ARM_TYPES.bastionHost]: mapBastionHost,
  [ARM_TYPES.virtualNetwork]: mapVirtualNetwork,
  [ARM_TYPES.subnet]: mapSubnetResource,
  [ARM_TYPES.peering]: mapPeeringResource,
  [ARM_TYPES.networkSecurityGroup]: mapNetworkSecurityGroup,
  [ARM_TYPES.securityRule]: mapSecurityRuleResource,
  [ARM_TYPES.defaultSecurityRule]: mapSecurityRuleResource,
  [ARM_TYPES.routeTable]: mapRouteTable,
  [ARM_TYPES.route]: mapRouteResource,
  [ARM_TYPES.networkInterface]: mapNetworkInterface,
  [ARM_TYPES.virtualMachine]: mapVirtualMachine,
  [ARM_TYPES.publicIpAddress]: mapPublicIpAddress,
  [ARM_TYPES.diagnosticSetting]: mapDiagnosticSetting,
  [ARM_TYPES.privateDnsZoneLink]: mapPrivateDnsZoneLink,
};

/** Mapped after every parent, so a child listed before its VNet/NSG/route table still finds it. */
const CHILD_TYPES = new Set<ArmTypeKey>([
  ARM_TYPES.subnet,
  ARM_TYPES.peering,
  ARM_TYPES.securityRule,
  ARM_TYPES.defaultSecurityRule,
  ARM_TYPES.route,
]);

export function mapArmResources(resources: readonly unknown[], options: MapOptions = {}): Topology {
  const ctx = new MapContext(options);
  const registry = new Registry();
  const seen = new Set<string>();
  const children: ArmInput[] = [];
  let instanceViewRead = false;

  if (!Array.isArray(resources)) {
    ctx.problem('resources', `Expected a list of ARM resources but got ${describeJsonType(resources)}`);
  }
  const list: readonly unknown[] = Array.isArray(resources) ? resources : [];
  list.forEach((resource, index) => {
    const input = readInput(resource, index, ctx, options, seen);
    if (input === undefined) return;
    if (input.typeKey === ARM_TYPES.virtualMachine && carriesInstanceView(input.raw)) instanceViewRead = true;
    if (CHILD_TYPES.has(input.typeKey)) children.push(input);
    else mapGuarded(input, ctx, registry);
  });
  for (const child of children) mapGuarded(child, ctx, registry);
  reportDanglingReferences(ctx, registry);

  const topology = registry.topology;
  topology.coverage = coverageOf(topology, instanceViewRead, options.coverage);
  topology.problems = ctx.problems;
  if (options.isDemo !== undefined) topology.isDemo = options.isDemo;
  if (options.sourceLabel !== undefined) topology.sourceLabel = options.sourceLabel;
  return topology;
}

function readInput(
  resource: unknown,
  index: number,
  ctx: MapContext,
  options: MapOptions,
  seen: Set<string>,
): ArmInput | undefined {
  const where = `resource #${index}`;
  if (!isJsonObject(resource)) {
    ctx.problem(where, `Resource #${index} is ${describeJsonType(resource)}, not an ARM resource object; ignored`);
    return undefined;
  }
  const typeKey = typeof resource.type === 'string' ? armTypeKey(resource.type) : undefined;
  // Types the diagnosis does not use are skipped quietly: snapshots hold whole resource groups.
  if (typeof resource.type === 'string' && typeKey === undefined) return undefined;
  const identity = resolveIdentity(resource);
  const originOnProblem = () => options.originOf?.(resource, index);
  if (!identity.ok || typeKey === undefined) {
    const reason = identity.ok ? 'has no usable "type"' : identity.reason;
    ctx.problem(where, `Resource #${index} ${reason}; ignored`, originOnProblem());
    return undefined;
  }
  const key = idKey(identity.id);
  if (seen.has(key)) {
    ctx.problem(identity.id, `${KIND_LABELS[typeKey]} '${identity.name}' (${identity.id}) appears more than once; the first one is used`, originOnProblem());
    return undefined;
  }
  seen.add(key);
  return ctx.input(resource, index, identity.id, identity.name, typeKey);
}

function carriesInstanceView(vm: Record<string, unknown>): boolean {
  return isJsonObject(vm.properties) && isJsonObject(vm.properties.instanceView);
}

/** A defect in one mapper must not cost the user the rest of the diagnosis. */
function mapGuarded(input: ArmInput, ctx: MapContext, registry: Registry): void {
  try {
    MAPPERS[input.typeKey](input, ctx, registry);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    ctx.problem(input.id, `${KIND_LABELS[input.typeKey]} '${input.name}' could not be read (internal error: ${detail}); ignored`, input.origin);
  }
}

function coverageOf(topology: Topology, instanceViewRead: boolean, declared: Partial<TopologyCoverage> | undefined): TopologyCoverage {
  const coverage: TopologyCoverage = {
    diagnosticSettings: topology.diagnosticSettings.length > 0,
    privateDnsZoneLinks: topology.privateDnsZoneLinks.length > 0,
    instanceView: instanceViewRead,
  };
  for (const key of Object.keys(declared ?? {}) as (keyof TopologyCoverage)[]) {
    const value = declared?.[key];
    if (typeof value === 'boolean') coverage[key] = value;
  }
  return coverage;
}
