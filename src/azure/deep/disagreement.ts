// The platform's verdict (IP flow verify) beside the static evaluation of the same packet through
// the VM's subnet and NIC NSGs. When they differ something the static view cannot see decides:
// an Azure Virtual Network Manager security admin rule, a change since the read, or a gap.
import type { Finding } from '../../core/findings';
import type { IpFlowVerifyResult, NetworkSecurityGroup } from '../../core/model';
import { evaluatePath, rulesOf, type PathHop } from '../../core/nsg/index';
import { armRef, deepFinding, type DeepContext } from './findings';
import type { ResolvedTarget } from './target';

export interface StaticVerdict {
  verdict: 'allow' | 'deny' | 'partial' | 'unknown';
  /** "subnet NSG nsg-app: DenySshInbound (priority 200)" for the hop and rule that decided a deny. */
  decidedBy?: string;
}

export function staticVerdict(target: ResolvedTarget, result: IpFlowVerifyResult): StaticVerdict {
  const hops: { label: string; nsgId?: string }[] = [
    { label: 'subnet NSG', nsgId: target.vmSubnet?.networkSecurityGroupId },
    { label: 'NIC NSG', nsgId: target.nic?.networkSecurityGroupId },
  ];
  const pathHops: PathHop[] = [];
  for (const hop of hops) {
    if (!hop.nsgId) continue;
    const nsg: NetworkSecurityGroup | undefined = target.index.networkSecurityGroup(hop.nsgId);
    if (!nsg) return { verdict: 'unknown' };
    pathHops.push({ label: `${hop.label} ${nsg.name}`, rules: rulesOf(nsg) });
  }
  if (pathHops.length === 0) return { verdict: 'allow', decidedBy: 'no NSG on the subnet or the NIC' };
  const vnet = target.index.virtualNetwork(target.vmSubnet ? target.index.virtualNetworkIdOfSubnet(target.vmSubnet.id) : undefined);
  const path = evaluatePath(pathHops, {
    direction: 'Inbound', protocol: 'Tcp', sources: [result.remoteIpAddress], destinations: [result.localIpAddress], destinationPorts: [result.localPort],
  }, { virtualNetworkPrefixes: vnet ? [...vnet.addressPrefixes, ...vnet.peerings.flatMap((peering) => peering.remoteAddressPrefixes)] : undefined });
  for (const hop of path.hops) {
    const denied = hop.evaluation?.parts.find((part) => part.verdict === 'deny' && part.decidedBy);
    if (denied?.decidedBy) return { verdict: path.verdict, decidedBy: `${hop.label}: ${denied.decidedBy.name} (priority ${denied.decidedBy.priority})` };
  }
  const allowedBy = path.hops.map((hop) => {
    const part = hop.evaluation?.parts.find((candidate) => candidate.decidedBy);
    return part?.decidedBy ? `${hop.label}: ${part.decidedBy.name} (priority ${part.decidedBy.priority})` : undefined;
  }).filter((text): text is string => text !== undefined);
  return { verdict: path.verdict, decidedBy: allowedBy.join('; ') || undefined };
}

export function disagreementFindings(context: DeepContext, target: ResolvedTarget, results: readonly IpFlowVerifyResult[]): Finding[] {
  const vm = target.vm;
  if (!vm) return [];
  return results.flatMap((result) => {
    const local = staticVerdict(target, result);
    if (local.verdict !== 'allow' && local.verdict !== 'deny') return [];
    const platform = result.access === 'Allow' ? 'allow' : 'deny';
    if (platform === local.verdict) return [];
    const adminRule = /admin|networkmanager|avnm/i.test(result.ruleName);
    const flow = `inbound TCP ${result.remoteIpAddress} -> ${result.localIpAddress}:${result.localPort}`;
    const explanation = platform === 'deny'
      ? `Something the NSGs do not show denies it${adminRule ? `: ${result.ruleName} looks like an Azure Virtual Network Manager security admin rule` : ' (an Azure Virtual Network Manager security admin rule, or a change since the NSGs were read)'}; the platform's verdict is what connections get.`
      : `The platform allows what the NSGs as read deny (an Azure Virtual Network Manager "Always allow" admin rule, or a change since the NSGs were read); the platform's verdict is what connections get.`;
    return [deepFinding(context, {
      rule: 'vm-ip-flow-disagreement',
      resource: armRef(vm.id, 'Microsoft.Compute/virtualMachines', vm.name),
      message: `For ${flow} to ${vm.name}, IP flow verify says ${platform.toUpperCase()} (rule ${result.ruleName}) but the NSGs as read ${local.verdict.toUpperCase()} it${local.decidedBy ? ` (${local.decidedBy})` : ''}. ${explanation}`,
      evidence: [
        { label: 'Platform verdict (IP flow verify)', value: `${result.access} by ${result.ruleName}` },
        { label: 'Static verdict (NSGs as read)', value: `${local.verdict}${local.decidedBy ? ` by ${local.decidedBy}` : ''}` },
        { label: 'Flow', value: flow },
      ],
    })];
  });
}
