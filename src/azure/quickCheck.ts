// The tree's quick check of each Bastion host: its AzureBastionSubnet (size, route table), the
// NSG on it (the eight flows), its public IP and its SKU features, from rows Resource Graph
// returns, evaluated by the same checks as a diagnosis. The inventory query holds hosts and VNets;
// one more query fetches the NSGs, route tables and public IPs those name. VMs are left to
// Diagnose, which reads everything fresh.
import { mapArmResources } from '../core/arm';
import { diagnose } from '../core/diagnose';
import type { RuleId } from '../core/catalog';
import type { Severity } from '../core/findings';
import { idKey } from '../core/resourceId';
import { vnetOfSubnet } from './diagnosisPlan';
import type { InventoryRow } from './inventoryTree';
import { idOf, list, props } from './rawJson';
import { withoutUnreadReferences } from './topology';

export interface QuickFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
}


export const QUICK_CHECK_TYPES = ['microsoft.network/networksecuritygroups', 'microsoft.network/routetables', 'microsoft.network/publicipaddresses'];

/** The host's subnet and public IP ids, and through its VNet row the subnet's NSG and route table. */
function referencedIds(host: InventoryRow, vnets: ReadonlyMap<string, InventoryRow>): string[] {
  const ids: string[] = [];
  for (const config of list(props(host).ipConfigurations).map(props)) {
    const publicIp = idOf(config.publicIPAddress);
    if (publicIp) ids.push(publicIp);
    const subnetId = idOf(config.subnet);
    if (!subnetId) continue;
    const subnet = list(props(vnets.get(idKey(vnetOfSubnet(subnetId)))).subnets).find((s) => typeof s.id === 'string' && idKey(s.id) === idKey(subnetId));
    for (const ref of [idOf(props(subnet).networkSecurityGroup), idOf(props(subnet).routeTable)]) if (ref) ids.push(ref);
  }
  return ids;
}

/** Every NSG, route table and public IP the hosts' quick checks need, for the second query. */
export function quickCheckIds(rows: readonly InventoryRow[]): string[] {
  const vnets = new Map(rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/virtualnetworks').map((r) => [idKey(r.id), r]));
  const ids = rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/bastionhosts').flatMap((host) => referencedIds(host, vnets));
  return [...new Map(ids.map((id) => [idKey(id), id])).values()];
}

/** The rows of both queries, indexed once for all hosts. */
export class QuickCheckRows {
  private readonly byId: Map<string, InventoryRow>;
  private readonly vnets: Map<string, InventoryRow>;

  constructor(rows: readonly InventoryRow[]) {
    this.byId = new Map(rows.map((r) => [idKey(r.id), r]));
    this.vnets = new Map(rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/virtualnetworks').map((r) => [idKey(r.id), r]));
  }

  /**
   * The findings of the host-level checks for one host, check-incomplete ones included (a VNet or
   * NSG outside the selected subscriptions).
   */
  findingsFor(host: InventoryRow): QuickFinding[] {
    const related = referencedIds(host, this.vnets).flatMap((id) => this.byId.get(idKey(id)) ?? []);
    const ownVnets = list(props(host).ipConfigurations).map((c) => idOf(props(c).subnet)).filter((id): id is string => id !== undefined).flatMap((id) => this.vnets.get(idKey(vnetOfSubnet(id))) ?? []);
    const topology = withoutUnreadReferences(mapArmResources([host, ...ownVnets, ...related], { sourceLabel: 'inventory', coverage: { diagnosticSettings: false, privateDnsZoneLinks: false, instanceView: false } }));
    return diagnose(topology, { bastion: host.id }).findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, message: finding.message }));
  }
}
