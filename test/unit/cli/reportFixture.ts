// A hand-built diagnosis report with findings of both origin kinds, for formatter tests.
import type { DiagnosisReport } from '../../../src/core/diagnose';
import type { Finding } from '../../../src/core/findings';

const SUB = '/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg-net/providers';
export const HOST_ID = `${SUB}/Microsoft.Network/bastionHosts/bas-hub`;
export const NSG_ID = `${SUB}/Microsoft.Network/networkSecurityGroups/nsg-bastion`;
export const VM_A = `${SUB}/Microsoft.Compute/virtualMachines/vm-alpha`;
export const VM_B = `${SUB}/Microsoft.Compute/virtualMachines/vm-beta`;
export const VM_OK = `${SUB}/Microsoft.Compute/virtualMachines/vm-healthy`;

export const nsgFinding: Finding = {
  rule: 'bastion-nsg-rule-shadowed',
  severity: 'error',
  layer: 'bastion-subnet',
  message: "NSG nsg-bastion: AllowGatewayManagerInbound (130) is shadowed by DenyInternet (110) for GatewayManager 443",
  evidence: [{ label: 'Deny rule', value: 'DenyInternet (priority 110, Deny, Inbound)' }],
  resource: { id: NSG_ID, name: 'nsg-bastion', type: 'Microsoft.Network/networkSecurityGroups', origin: { kind: 'arm', id: NSG_ID } },
  flow: 'in-gatewaymanager-443',
  context: { bastionHostId: HOST_ID },
  fixes: [
    {
      title: 'Move AllowGatewayManagerInbound before DenyInternet',
      remedy: { kind: 'set-rule-priority', nsg: { id: NSG_ID, name: 'nsg-bastion' }, ruleName: 'AllowGatewayManagerInbound', direction: 'Inbound', fromPriority: 130, toPriority: 105 },
      snippets: { azcli: 'az network nsg rule update --nsg-name nsg-bastion --name AllowGatewayManagerInbound --priority 105', bicep: '// bicep' },
    },
  ],
};

export const vmNotRunning: Finding = {
  rule: 'vm-not-running',
  severity: 'error',
  layer: 'vm',
  message: 'VM vm-beta is deallocated',
  evidence: [{ label: 'Power state', value: 'deallocated' }],
  resource: { id: VM_B, name: 'vm-beta', origin: { kind: 'arm', id: VM_B } },
  context: { bastionHostId: HOST_ID, virtualMachineId: VM_B },
  fixes: [{ title: 'Start vm-beta', remedy: { kind: 'start-vm', vm: { id: VM_B, name: 'vm-beta' } }, snippets: { azcli: 'az vm start --ids x' } }],
};

export const vmNsgWarning: Finding = {
  rule: 'vm-nsg-blocks-bastion',
  severity: 'warning',
  layer: 'target-nsg',
  message: 'NSG nsg-app denies 3389 from AzureBastionSubnet to vm-alpha',
  evidence: [],
  resource: { id: VM_A, name: 'vm-alpha' },
  context: { bastionHostId: HOST_ID, virtualMachineId: VM_A },
  fixes: [],
};

export const diagnosticsInfo: Finding = {
  rule: 'bastion-diagnostics-disabled',
  severity: 'info',
  layer: 'logs',
  message: 'Bastion bas-hub sends BastionAuditLogs nowhere',
  evidence: [],
  resource: { id: HOST_ID, name: 'bas-hub' },
  context: { bastionHostId: HOST_ID },
  fixes: [{ title: 'Collect audit logs', remedy: { kind: 'manual', steps: ['Create a Log Analytics workspace', 'Add a diagnostic setting'] }, snippets: {} }],
};

/** A template finding: zero-based range line 11 chars 4..30 → SARIF 12:5–12:31. */
export const templateFinding: Finding = {
  rule: 'bastion-subnet-route-table',
  severity: 'warning',
  layer: 'route',
  message: 'Route table rt-egress is associated with AzureBastionSubnet',
  evidence: [{ label: 'Route', value: '0.0.0.0/0 → VirtualAppliance' }],
  resource: {
    id: '/subscriptions/{subscription}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/AzureBastionSubnet',
    name: 'AzureBastionSubnet',
    origin: { kind: 'file', file: 'infra/network main.bicep', range: { start: { line: 11, character: 4 }, end: { line: 11, character: 30 } } },
  },
  fixes: [],
  related: [{ message: 'route table declared here', origin: { kind: 'file', file: 'infra/routes.bicep', range: { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } } } }],
};

export function sampleReport(findings: Finding[] = [vmNotRunning, diagnosticsInfo, vmNsgWarning, nsgFinding]): DiagnosisReport {
  return {
    generatedAt: '2026-03-01T10:00:00.000Z',
    sourceLabel: 'snapshot contoso.json',
    isDemo: false,
    targets: [
      { bastionHostId: HOST_ID, bastionHostName: 'bas-hub', virtualMachineId: VM_A, virtualMachineName: 'vm-alpha' },
      { bastionHostId: HOST_ID, bastionHostName: 'bas-hub', virtualMachineId: VM_B, virtualMachineName: 'vm-beta' },
      { bastionHostId: HOST_ID, bastionHostName: 'bas-hub', virtualMachineId: VM_OK, virtualMachineName: 'vm-healthy' },
    ],
    findings,
  };
}
