// The one description of each resource a fix creates, which every language renders: the
// diagnostic setting for Bastion's audit logs, a VNet peering, Bastion's public IP. ARM and Bicep
// take the JSON bodies; az CLI, PowerShell and Terraform take the values.
import type { Target } from './target';

/** The one log category the diagnostic setting sends to Log Analytics. */
export const AUDIT_LOG = { category: 'BastionAuditLogs', enabled: true } as const;

/** What Bastion requires of its public IP. */
export const BASTION_PUBLIC_IP = { sku: 'Standard', allocationMethod: 'Static' } as const;

/** A new peering lets the two networks reach each other; nothing else (no gateway transit) is needed. */
export const PEERING_ACCESS = { allowVirtualNetworkAccess: true } as const;

export function publicIpName(bastion: Target): string {
  return `${bastion.name}-pip`;
}

/** The properties of the diagnostic setting, as ARM and Bicep declare it. */
export function diagnosticSettingProperties<V>(workspaceId: V): { workspaceId: V; logs: { category: string; enabled: boolean }[] } {
  return { workspaceId, logs: [{ ...AUDIT_LOG }] };
}

/** The properties of a peering towards the network `remoteId` names. */
export function peeringProperties<V>(remoteId: V): { remoteVirtualNetwork: { id: V }; allowVirtualNetworkAccess: boolean } {
  return { remoteVirtualNetwork: { id: remoteId }, ...PEERING_ACCESS };
}

/** The public IP's name, location, SKU and allocation, as ARM and Bicep declare it. */
export function publicIpBody<N, L>(name: N, location: L): { name: N; location: L; sku: { name: string }; properties: { publicIPAllocationMethod: string } } {
  return { name, location, sku: { name: BASTION_PUBLIC_IP.sku }, properties: { publicIPAllocationMethod: BASTION_PUBLIC_IP.allocationMethod } };
}
