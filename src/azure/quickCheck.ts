// The tree's quick check of each Bastion host: its AzureBastionSubnet (size, route table), the
// NSG on it (the eight flows), its public IP and its SKU features, from rows Resource Graph
// returns, evaluated by the same checks as a diagnosis. The inventory query holds hosts and VNets;
// one more query fetches the NSGs, route tables and public IPs those name, wherever they are
// (quickCheckRead.ts). VMs are left to Diagnose, which reads everything fresh.
import { mapArmResources } from '../core/arm';
import { diagnose } from '../core/diagnose';
import type { RuleId } from '../core/catalog';
import type { Severity } from '../core/findings';
import type { Finding } from '../core/findings';
import { idKey, parentId } from '../core/resourceId';
import { vnetOfSubnet } from './diagnosisPlan';
import type { InventoryRow } from './inventoryTree';
import { idOf, list, props } from './rawJson';
import { withoutUnreadReferences } from './topology';

export interface QuickFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
}


export const QUICK_CHECK_TYPES = ['microsoft.network/networksecuritygroups', 'microsoft.network/routetables', 'microsoft.network/publicipaddresses', 'microsoft.network/virtualnetworks'];

/**
 * The host's public IP ids, and through its VNet row the subnet's NSG and route table; the VNet's
 * own id when its row is not there (a VNet outside the inventory's subscriptions).
 */
function referencedIds(host: InventoryRow, vnets: ReadonlyMap<string, InventoryRow>): string[] {
  const ids: string[] = [];
  for (const config of list(props(host).ipConfigurations).map(props)) {
    const publicIp = idOf(config.publicIPAddress);
    if (publicIp) ids.push(publicIp);
    const subnetId = idOf(config.subnet);
    if (!subnetId) continue;
    const vnet = vnets.get(idKey(vnetOfSubnet(subnetId)));
    if (!vnet) {
      ids.push(vnetOfSubnet(subnetId));
      continue;
    }
    const subnet = list(props(vnet).subnets).find((s) => typeof s.id === 'string' && idKey(s.id) === idKey(subnetId));
    for (const ref of [idOf(props(subnet).networkSecurityGroup), idOf(props(subnet).routeTable)]) if (ref) ids.push(ref);
  }
  return ids;
}

/** Every NSG, route table, public IP and missing VNet the hosts' quick checks need, for the next query. */
export function quickCheckIds(rows: readonly InventoryRow[]): string[] {
  const vnets = new Map(rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/virtualnetworks').map((r) => [idKey(r.id), r]));
  const ids = rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/bastionhosts').flatMap((host) => referencedIds(host, vnets));
  return [...new Map(ids.map((id) => [idKey(id), id])).values()];
}

/** The rows of both queries, indexed once for all hosts. */
export class QuickCheckRows {
  private readonly byId: Map<string, InventoryRow>;
  private readonly vnets: Map<string, InventoryRow>;

  /** `unread`: why a resource the checks need was not read (quickCheckRead), by id key. */
  constructor(rows: readonly InventoryRow[], private readonly unread: ReadonlyMap<string, string> = new Map()) {
    this.byId = new Map(rows.map((r) => [idKey(r.id), r]));
    this.vnets = new Map(rows.filter((r) => r.type.toLowerCase() === 'microsoft.network/virtualnetworks').map((r) => [idKey(r.id), r]));
  }

  /**
   * The findings of the host-level checks for one host, check-incomplete ones included (a VNet or
   * NSG Resource Graph did not return), each saying where that resource is and why it was not read.
   */
  findingsFor(host: InventoryRow): QuickFinding[] {
    const related = referencedIds(host, this.vnets).flatMap((id) => this.byId.get(idKey(id)) ?? []);
    const ownVnets = list(props(host).ipConfigurations).map((c) => idOf(props(c).subnet)).filter((id): id is string => id !== undefined).flatMap((id) => this.vnets.get(idKey(vnetOfSubnet(id))) ?? []);
    const topology = withoutUnreadReferences(mapArmResources([host, ...ownVnets, ...related], { sourceLabel: 'inventory', coverage: { diagnosticSettings: false, privateDnsZoneLinks: false, instanceView: false } }));
    return diagnose(topology, { bastion: host.id }).findings.map((finding) => {
      const why = finding.rule === 'check-incomplete' ? this.whyUnread(finding) : undefined;
      return { rule: finding.rule, severity: finding.severity, message: why === undefined ? finding.message : `${finding.message} ${why}` };
    });
  }

  /** The reason for the resource a check-incomplete finding is about (or a parent of an id in its evidence: a subnet's VNet). */
  private whyUnread(finding: Finding): string | undefined {
    for (const candidate of [finding.resource?.id, ...finding.evidence.map((e) => e.value)]) {
      for (let id: string | undefined = candidate; id !== undefined; id = parentId(id)) {
        const why = this.unread.get(idKey(id));
        if (why !== undefined) return why;
      }
    }
    return undefined;
  }
}
