// The eight flows an NSG on AzureBastionSubnet must allow (checks.md, bastion-reference.md §1.1).
import type { BastionFlowId, NewSecurityRule } from '../findings';
import type { Direction } from '../model';
import type { FlowQuery } from '../nsg/types';

export interface RequiredFlow {
  id: BastionFlowId;
  direction: Direction;
  /** Readable tuple for messages, e.g. "inbound TCP 443 from GatewayManager". */
  description: string;
  /** What the evaluator is asked. Any-protocol flows are asked for TCP: see checks.md Decisions. */
  query: FlowQuery;
  /** The rule a fix adds: bastion-nsg.md's name, source, destination, ports and protocol. */
  template: Omit<NewSecurityRule, 'priority'>;
}

function flow(
  id: BastionFlowId,
  direction: Direction,
  docRuleName: string,
  source: string,
  destination: string,
  ports: string[],
  protocol: 'Tcp' | '*',
  purpose: string,
): RequiredFlow {
  const protocolText = protocol === 'Tcp' ? 'TCP' : 'any protocol';
  const way = direction === 'Inbound' ? `inbound from ${source}` : `outbound to ${destination}`;
  return {
    id,
    direction,
    description: `${way}, ${protocolText} port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`,
    query: { direction, protocol: 'Tcp', sources: [source], destinations: [destination], destinationPorts: ports },
    template: {
      name: docRuleName,
      direction,
      access: 'Allow',
      protocol,
      sourceAddressPrefix: source,
      destinationAddressPrefix: destination,
      destinationPortRanges: ports,
      description: purpose,
    },
  };
}

/** The required flows; `extraOutboundPorts` are custom ports (Standard/Premium) for out-vnet-22-3389. */
export function requiredFlows(extraOutboundPorts: readonly string[] = []): RequiredFlow[] {
  return [
    flow('in-internet-443', 'Inbound', 'AllowHttpsInbound', 'Internet', '*', ['443'], 'Tcp',
      'Azure Bastion: users reach the Bastion public IP over HTTPS'),
    flow('in-gatewaymanager-443', 'Inbound', 'AllowGatewayManagerInbound', 'GatewayManager', '*', ['443'], 'Tcp',
      'Azure Bastion: control plane (Gateway Manager)'),
    flow('in-azureloadbalancer-443', 'Inbound', 'AllowAzureLoadBalancerInbound', 'AzureLoadBalancer', '*', ['443'], 'Tcp',
      'Azure Bastion: Azure Load Balancer health probes'),
    flow('in-vnet-8080-5701', 'Inbound', 'AllowBastionHostCommunication', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701'], '*',
      'Azure Bastion: data plane between Bastion components'),
    flow('out-vnet-22-3389', 'Outbound', 'AllowSshRdpOutbound', '*', 'VirtualNetwork', ['22', '3389', ...extraOutboundPorts], '*',
      'Azure Bastion: SSH and RDP to target VMs'),
    flow('out-vnet-8080-5701', 'Outbound', 'AllowBastionCommunication', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701'], '*',
      'Azure Bastion: data plane between Bastion components'),
    flow('out-azurecloud-443', 'Outbound', 'AllowAzureCloudOutbound', '*', 'AzureCloud', ['443'], 'Tcp',
      'Azure Bastion: Azure public endpoints (diagnostics, metering)'),
    flow('out-internet-80', 'Outbound', 'AllowHttpOutbound', '*', 'Internet', ['80'], '*',
      'Azure Bastion: session validation, shareable links and certificate validation'),
  ];
}
