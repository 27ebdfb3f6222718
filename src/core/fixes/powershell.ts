// Azure PowerShell (Az module) snippets. Objects are read, changed and written back, so
// properties a cmdlet has no parameter for survive (Set-AzVirtualNetworkSubnetConfig would reset them).
import { AUDIT_LOG, BASTION_PUBLIC_IP, publicIpName } from './bodies';
import type { BastionSettableProperty, NewSecurityRule, Remedy } from '../findings';
import { hashComment, powershellQuote } from './quote';
import { Script, type ShellDialect } from './script';
import {
  DIAGNOSTIC_SETTING_NAME,
  PREFIX_INPUT,
  WORKSPACE_INPUT,
  bastionIdValue,
  peeringDirections,
  peeringName,
  resourceGroupValue,
  targetOf,
  vnetIdValue,
  type Target,
  type Value,
} from './target';

const POWERSHELL: ShellDialect = {
  quote: powershellQuote,
  reference: (input) => `$${input.powershell}`,
  guard: (input) => `if (-not $${input.powershell}) { throw ${powershellQuote(`Set $${input.powershell} to ${input.hint}`)} }`,
  continuation: ' `\n  ',
};

/** Set-AzBastion parameters; enableFileCopy has none, so it goes through Set-AzResource. */
const BASTION_PARAMETERS: Partial<Record<BastionSettableProperty, string>> = {
  enableTunneling: '-EnableTunneling',
  enableIpConnect: '-EnableIpConnect',
  enableShareableLink: '-EnableShareableLink',
  disableCopyPaste: '-DisableCopyPaste',
  enableKerberos: '-EnableKerberos',
  enableSessionRecording: '-EnableSessionRecording',
  scaleUnits: '-ScaleUnit',
};

export function renderPowerShell(remedy: Remedy): string | undefined {
  const script = new Script(POWERSHELL);
  switch (remedy.kind) {
    case 'add-security-rules': {
      const nsg = targetOf(remedy.nsg);
      selectSubscription(script, nsg);
      const adds = remedy.rules.map((rule) => `  ${addRule(rule)} |`);
      script.line(`${getCommand(script, 'Get-AzNetworkSecurityGroup', nsg, 'the NSG')} |`);
      for (const add of adds) script.line(add);
      script.line('  Set-AzNetworkSecurityGroup');
      break;
    }
    case 'set-rule-priority': {
      const nsg = targetOf(remedy.nsg);
      selectSubscription(script, nsg);
      script.line(`$nsg = ${getCommand(script, 'Get-AzNetworkSecurityGroup', nsg, 'the NSG')}`);
      script.line(`($nsg.SecurityRules | Where-Object Name -eq ${powershellQuote(remedy.ruleName)}).Priority = ${remedy.toPriority}`);
      script.line('$nsg | Set-AzNetworkSecurityGroup');
      break;
    }
    case 'dissociate-route-table': {
      const subnet = targetOf(remedy.subnet);
      selectSubscription(script, subnet);
      getSubnet(script, subnet);
      script.line('$subnet.RouteTable = $null');
      script.line('$vnet | Set-AzVirtualNetwork');
      break;
    }
    case 'set-bastion-property':
      renderBastionProperty(script, remedy);
      break;
    case 'upgrade-bastion-sku': {
      const bastion = targetOf(remedy.bastion);
      selectSubscription(script, bastion);
      script.line(`$bastion = ${getCommand(script, 'Get-AzBastion', bastion, 'the Bastion host')}`);
      script.line(`Set-AzBastion -InputObject $bastion -Sku ${powershellQuote(remedy.toSku)}`);
      break;
    }
    case 'reapply-bastion': {
      const bastion = targetOf(remedy.bastion);
      selectSubscription(script, bastion);
      script.line(hashComment('Get first: Set without Get would overwrite the host with default settings.'));
      script.line(`$bastion = ${getCommand(script, 'Get-AzBastion', bastion, 'the Bastion host')}`);
      script.line('Set-AzBastion -InputObject $bastion');
      break;
    }
    case 'enable-bastion-diagnostics': {
      const bastion = targetOf(remedy.bastion);
      script.line(`$log = New-AzDiagnosticSettingLogSettingsObject -Enabled $true -Category ${powershellQuote(AUDIT_LOG.category)}`);
      script.line(
        `New-AzDiagnosticSetting -Name ${powershellQuote(DIAGNOSTIC_SETTING_NAME)} -ResourceId ${script.value(bastionIdValue(bastion))} ` +
          `-WorkspaceId ${script.value({ input: WORKSPACE_INPUT })} -Log $log`,
      );
      break;
    }
    case 'start-vm': {
      const vm = targetOf(remedy.vm);
      selectSubscription(script, vm);
      script.line(getCommand(script, 'Start-AzVM', vm, 'the virtual machine'));
      break;
    }
    case 'resize-bastion-subnet':
      renderResize(script, remedy);
      break;
    case 'create-vnet-peering': {
      const local = targetOf(remedy.localVnet);
      const remote = targetOf(remedy.remoteVnet);
      for (const { from, to } of peeringDirections(local, remote, remedy.missingDirection)) {
        selectSubscription(script, from);
        script.line(`$vnet = ${getCommand(script, 'Get-AzVirtualNetwork', from, `virtual network ${from.name}`)}`);
        script.line(
          `Add-AzVirtualNetworkPeering -Name ${powershellQuote(peeringName(from, to))} -VirtualNetwork $vnet ` +
            `-RemoteVirtualNetworkId ${script.value(vnetIdValue(to, from === local ? 'REMOTE' : 'LOCAL'))}`,
        );
        script.blank();
      }
      break;
    }
    case 'unlink-private-dns-zone': {
      const link = targetOf(remedy.link);
      selectSubscription(script, link);
      const group = script.value(resourceGroupValue(link, `the private DNS zone ${remedy.zoneName}`));
      script.line(`Remove-AzPrivateDnsVirtualNetworkLink -ResourceGroupName ${group} -ZoneName ${powershellQuote(remedy.zoneName)} -Name ${powershellQuote(link.name)}`);
      break;
    }
    case 'use-public-ip': {
      const bastion = targetOf(remedy.bastion);
      selectSubscription(script, bastion);
      const group = script.value(resourceGroupValue(bastion, 'the Bastion host'));
      script.line(hashComment('Bastion needs a Standard SKU, Static public IP in its own region.'));
      script.line(`$bastion = Get-AzBastion -ResourceGroupName ${group} -Name ${powershellQuote(bastion.name)}`);
      script.line(
        `New-AzPublicIpAddress -ResourceGroupName ${group} -Name ${powershellQuote(publicIpName(bastion))} ` +
          `-Location $bastion.Location -Sku ${BASTION_PUBLIC_IP.sku} -AllocationMethod ${BASTION_PUBLIC_IP.allocationMethod}`,
      );
      break;
    }
    case 'set-api-version':
    case 'manual':
      return undefined;
  }
  return script.render();
}

function addRule(rule: NewSecurityRule): string {
  return [
    'Add-AzNetworkSecurityRuleConfig',
    `-Name ${powershellQuote(rule.name)}`,
    `-Description ${powershellQuote(rule.description)}`,
    `-Priority ${rule.priority}`,
    `-Direction ${rule.direction}`,
    `-Access ${rule.access}`,
    `-Protocol ${powershellQuote(rule.protocol)}`,
    `-SourceAddressPrefix ${powershellQuote(rule.sourceAddressPrefix)}`,
    "-SourcePortRange '*'",
    `-DestinationAddressPrefix ${powershellQuote(rule.destinationAddressPrefix)}`,
    `-DestinationPortRange ${rule.destinationPortRanges.map(powershellQuote).join(',')}`,
  ].join(' ');
}

function renderBastionProperty(script: Script, remedy: Extract<Remedy, { kind: 'set-bastion-property' }>): void {
  const bastion = targetOf(remedy.bastion);
  selectSubscription(script, bastion);
  const parameter = BASTION_PARAMETERS[remedy.property];
  const value = typeof remedy.value === 'boolean' ? (remedy.value ? '$true' : '$false') : String(remedy.value);
  if (parameter === undefined) {
    script.line(hashComment(`Set-AzBastion has no parameter for ${remedy.property}: change the resource generically (GET, then PUT).`));
    script.line(`$resource = Get-AzResource -ResourceId ${script.value(bastionIdValue(bastion))}`);
    script.line(`$resource.Properties | Add-Member -NotePropertyName ${remedy.property} -NotePropertyValue ${value} -Force`);
    script.line('$resource | Set-AzResource');
    return;
  }
  script.line(`$bastion = ${getCommand(script, 'Get-AzBastion', bastion, 'the Bastion host')}`);
  script.line(`Set-AzBastion -InputObject $bastion ${parameter} ${value}`);
}

function renderResize(script: Script, remedy: Extract<Remedy, { kind: 'resize-bastion-subnet' }>): void {
  const subnet = targetOf(remedy.subnet);
  const bastion = targetOf(remedy.bastion);
  const prefix: Value = remedy.suggestedPrefix ? { literal: remedy.suggestedPrefix } : { input: PREFIX_INPUT };
  selectSubscription(script, bastion);
  script.line(hashComment('1. Record the host settings (SKU, public IP, features), then delete the Bastion host.'));
  script.line(`$bastion = ${getCommand(script, 'Get-AzBastion', bastion, 'the Bastion host')}`);
  script.line('$bastion | ConvertTo-Json -Depth 10');
  script.line('Remove-AzBastion -InputObject $bastion');
  script.blank();
  script.line(hashComment(`2. Resize AzureBastionSubnet (now ${remedy.currentPrefix}).`));
  getSubnet(script, subnet);
  script.line(`$subnet.AddressPrefix = @(${script.value(prefix)})`);
  script.line('$vnet | Set-AzVirtualNetwork');
  script.blank();
  script.line(hashComment('3. Redeploy the Bastion host with the recorded settings (New-AzBastion).'));
}

function selectSubscription(script: Script, target: Target): void {
  if (target.subscriptionId) script.line(`Set-AzContext -Subscription ${powershellQuote(target.subscriptionId)} | Out-Null`);
}

function getCommand(script: Script, cmdlet: string, target: Target, what: string): string {
  const group = script.value(resourceGroupValue(target, what));
  return `${cmdlet} -ResourceGroupName ${group} -Name ${powershellQuote(target.name)}`;
}

function getSubnet(script: Script, subnet: Target): void {
  const vnet: Target = { ...subnet, name: subnet.parentName ?? '' };
  script.line(`$vnet = ${getCommand(script, 'Get-AzVirtualNetwork', vnet, 'the virtual network')}`);
  script.line(`$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name ${powershellQuote(subnet.name)}`);
}
