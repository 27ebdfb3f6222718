// The names a snippet needs (subscription, resource group, resource and parent names),
// read from the ARM ids carried by a remedy.
import type { ResourceRef } from '../findings';
import { parseResourceId } from '../resourceId';

export interface Target {
  id: string;
  subscriptionId?: string;
  resourceGroup: string;
  /** The resource's own name (last id segment, or the ref's name for partial ids). */
  name: string;
  /** For a child resource (subnet, rule, link): its parent's name. */
  parentName?: string;
}

/** Resource group and names of a referenced resource. Missing pieces become readable markers. */
export function targetOf(ref: ResourceRef): Target {
  const parsed = parseResourceId(ref.id);
  const name = parsed.name || ref.name;
  const target: Target = {
    id: ref.id,
    resourceGroup: parsed.resourceGroup ?? '',
    name,
  };
  if (parsed.subscriptionId) target.subscriptionId = parsed.subscriptionId;
  if (parsed.names.length >= 2) target.parentName = parsed.names[parsed.names.length - 2];
  return target;
}

/**
 * Something a snippet needs that the remedy does not carry (a template resource's group, a
 * workspace id). Each language renders it as a named variable the user sets, never a made-up value.
 */
export interface UserInput {
  /** bash variable, e.g. RESOURCE_GROUP */
  shell: string;
  /** PowerShell variable without `$`, e.g. ResourceGroupName */
  powershell: string;
  /** Terraform variable / Bicep and ARM parameter, e.g. resource_group_name */
  terraform: string;
  bicep: string;
  /** What to set it to, shown in the guard message. */
  hint: string;
}

export type Value = { literal: string } | { input: UserInput };

export function resourceGroupValue(target: Target, what: string): Value {
  if (target.resourceGroup !== '') return { literal: target.resourceGroup };
  return {
    input: {
      shell: 'RESOURCE_GROUP',
      powershell: 'ResourceGroupName',
      terraform: 'resource_group_name',
      bicep: 'resourceGroupName',
      hint: `the resource group of ${what}`,
    },
  };
}

/** The full ARM id when the remedy has one; template ids lack subscription and group. */
export function idValue(target: Target, input: Omit<UserInput, 'hint'>, what: string): Value {
  if (target.subscriptionId !== undefined && target.resourceGroup !== '') return { literal: target.id };
  return { input: { ...input, hint: `the resource id of ${what}` } };
}

export const WORKSPACE_INPUT: UserInput = {
  shell: 'WORKSPACE_ID',
  powershell: 'WorkspaceId',
  terraform: 'log_analytics_workspace_id',
  bicep: 'logAnalyticsWorkspaceId',
  hint: 'the resource id of the Log Analytics workspace that should receive the logs',
};

export const PREFIX_INPUT: UserInput = {
  shell: 'NEW_PREFIX',
  powershell: 'NewPrefix',
  terraform: 'bastion_subnet_prefix',
  bicep: 'bastionSubnetPrefix',
  hint: 'a free /26 (or larger) prefix inside the virtual network',
};

export const LOCATION_INPUT: UserInput = {
  shell: 'LOCATION',
  powershell: 'Location',
  terraform: 'location',
  bicep: 'location',
  hint: 'the region of the Bastion host',
};

/** A peering's conventional name: `<from>-to-<to>`. */
export function peeringName(from: Target, to: Target): string {
  return `${from.name}-to-${to.name}`;
}

/** The diagnostic setting name the generators create for Bastion audit logs. */
export const DIAGNOSTIC_SETTING_NAME = 'bastion-audit-logs';

/** The API version network snippets pin: every Bastion property, including Premium ones, exists in it. */
export const NETWORK_API_VERSION = '2024-05-01';

export const DIAGNOSTIC_SETTINGS_API_VERSION = '2021-05-01-preview';

/** Which VNet holds the peering(s) a create-vnet-peering remedy asks for. */
export function peeringDirections(
  local: Target,
  remote: Target,
  missing: 'local-to-remote' | 'remote-to-local' | 'both',
): { from: Target; to: Target }[] {
  const pairs: { from: Target; to: Target }[] = [];
  if (missing !== 'remote-to-local') pairs.push({ from: local, to: remote });
  if (missing !== 'local-to-remote') pairs.push({ from: remote, to: local });
  return pairs;
}

export function bastionIdValue(bastion: Target): Value {
  return idValue(
    bastion,
    { shell: 'BASTION_ID', powershell: 'BastionId', terraform: 'bastion_host_id', bicep: 'bastionHostId' },
    `Bastion host ${bastion.name}`,
  );
}

export function vnetIdValue(vnet: Target, role: 'LOCAL' | 'REMOTE'): Value {
  const lower = role.toLowerCase();
  const title = role === 'LOCAL' ? 'Local' : 'Remote';
  return idValue(
    vnet,
    { shell: `${role}_VNET_ID`, powershell: `${title}VnetId`, terraform: `${lower}_vnet_id`, bicep: `${lower}VnetId` },
    `virtual network ${vnet.name}`,
  );
}
