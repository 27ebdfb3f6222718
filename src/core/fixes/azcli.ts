// Azure CLI (bash) snippets. Parameter names follow the az reference and the `bastion`
// extension's generated commands (azext_bastion/aaz/latest/network/bastion/_update.py).
import { AUDIT_LOG, BASTION_PUBLIC_IP, publicIpName } from './bodies';
import type { BastionSettableProperty, NewSecurityRule, Remedy } from '../findings';
import { bashQuote, hashComment } from './quote';
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

const BASH: ShellDialect = {
  quote: bashQuote,
  reference: (input) => `"$${input.shell}"`,
  // The message is single-quoted and outside double quotes, where an interactive shell's history
  // expansion (`!`) cannot reach it; the value is tested first, so it is never expanded unquoted.
  guard: (input) => `[ -n "\${${input.shell}-}" ] || : \${${input.shell}:?${bashQuote(`set ${input.shell} to ${input.hint}`.replace(/[\r\n]+/g, ' '))}}`,
  continuation: ' \\\n  ',
};

const BASTION_FLAGS: Record<BastionSettableProperty, string> = {
  enableTunneling: '--enable-tunneling',
  enableIpConnect: '--enable-ip-connect',
  enableShareableLink: '--enable-shareable-link',
  enableFileCopy: '--enable-file-copy',
  disableCopyPaste: '--disable-copy-paste',
  enableKerberos: '--enable-kerberos',
  enableSessionRecording: '--enable-session-recording',
  scaleUnits: '--scale-units',
};

const BASTION_EXTENSION_NOTE = hashComment('az network bastion commands come from the bastion extension: az extension add --upgrade --name bastion');

type Arg = readonly [string, ...string[]];

export function renderAzCli(remedy: Remedy): string | undefined {
  const script = new Script(BASH);
  switch (remedy.kind) {
    case 'add-security-rules': {
      const nsg = targetOf(remedy.nsg);
      for (const rule of remedy.rules) {
        script.blank();
        script.command('az network nsg rule create', [...scope(script, nsg, 'the NSG'), ['--nsg-name', bashQuote(nsg.name)], ...ruleArgs(rule)]);
      }
      break;
    }
    case 'set-rule-priority': {
      const nsg = targetOf(remedy.nsg);
      script.command('az network nsg rule update', [
        ...scope(script, nsg, 'the NSG'),
        ['--nsg-name', bashQuote(nsg.name)],
        ['--name', bashQuote(remedy.ruleName)],
        ['--priority', String(remedy.toPriority)],
      ]);
      break;
    }
    case 'dissociate-route-table': {
      const subnet = targetOf(remedy.subnet);
      script.command('az network vnet subnet update', [...subnetArgs(script, subnet), ['--remove', 'routeTable']]);
      break;
    }
    case 'set-bastion-property': {
      const bastion = targetOf(remedy.bastion);
      script.line(BASTION_EXTENSION_NOTE);
      script.command('az network bastion update', [...named(script, bastion, 'the Bastion host'), [BASTION_FLAGS[remedy.property], String(remedy.value)]]);
      break;
    }
    case 'upgrade-bastion-sku': {
      const bastion = targetOf(remedy.bastion);
      script.line(BASTION_EXTENSION_NOTE);
      script.command('az network bastion update', [...named(script, bastion, 'the Bastion host'), ['--sku', `name=${remedy.toSku}`]]);
      break;
    }
    case 'reapply-bastion': {
      const bastion = targetOf(remedy.bastion);
      script.line(hashComment('Writes the current configuration back (GET, then PUT with the latest API version), like Get-AzBastion | Set-AzBastion.'));
      script.command('az resource update', [['--ids', script.value(bastionIdValue(bastion))]]);
      break;
    }
    case 'enable-bastion-diagnostics': {
      const bastion = targetOf(remedy.bastion);
      script.command('az monitor diagnostic-settings create', [
        ['--name', DIAGNOSTIC_SETTING_NAME],
        ['--resource', script.value(bastionIdValue(bastion))],
        ['--workspace', script.value({ input: WORKSPACE_INPUT })],
        ['--logs', bashQuote(JSON.stringify([AUDIT_LOG]))],
      ]);
      break;
    }
    case 'start-vm': {
      const vm = targetOf(remedy.vm);
      script.command('az vm start', named(script, vm, 'the virtual machine'));
      break;
    }
    case 'resize-bastion-subnet':
      renderResize(script, remedy);
      break;
    case 'create-vnet-peering': {
      const local = targetOf(remedy.localVnet);
      const remote = targetOf(remedy.remoteVnet);
      for (const { from, to } of peeringDirections(local, remote, remedy.missingDirection)) {
        script.blank();
        const remoteId = vnetIdValue(to, from === local ? 'REMOTE' : 'LOCAL');
        script.command('az network vnet peering create', [
          ...scope(script, from, `virtual network ${from.name}`),
          ['--vnet-name', bashQuote(from.name)],
          ['--name', bashQuote(peeringName(from, to))],
          ['--remote-vnet', script.value(remoteId)],
          ['--allow-vnet-access'],
        ]);
      }
      break;
    }
    case 'unlink-private-dns-zone': {
      const link = targetOf(remedy.link);
      script.command('az network private-dns link vnet delete', [
        ...scope(script, link, `the private DNS zone ${remedy.zoneName}`),
        ['--zone-name', bashQuote(remedy.zoneName)],
        ['--name', bashQuote(link.name)],
      ]);
      break;
    }
    case 'use-public-ip': {
      const bastion = targetOf(remedy.bastion);
      const group = script.value(resourceGroupValue(bastion, 'the Bastion host'));
      script.line(hashComment('Bastion needs a Standard SKU, Static public IP in its own region.'));
      script.command('az network public-ip create', [
        ...subscription(bastion),
        ['--resource-group', group],
        ['--name', bashQuote(publicIpName(bastion))],
        ['--location', `"$(az network bastion show${bastion.subscriptionId ? ` --subscription ${bashQuote(bastion.subscriptionId)}` : ''} --resource-group ${group} --name ${bashQuote(bastion.name)} --query location --output tsv)"`],
        ['--sku', BASTION_PUBLIC_IP.sku],
        ['--allocation-method', BASTION_PUBLIC_IP.allocationMethod],
      ]);
      break;
    }
    case 'set-api-version':
    case 'manual':
      return undefined;
  }
  return script.render();
}

function ruleArgs(rule: NewSecurityRule): Arg[] {
  return [
    ['--name', bashQuote(rule.name)],
    ['--priority', String(rule.priority)],
    ['--direction', rule.direction],
    ['--access', rule.access],
    ['--protocol', bashQuote(rule.protocol)],
    ['--source-address-prefixes', bashQuote(rule.sourceAddressPrefix)],
    ['--source-port-ranges', bashQuote('*')],
    ['--destination-address-prefixes', bashQuote(rule.destinationAddressPrefix)],
    ['--destination-port-ranges', ...rule.destinationPortRanges.map(bashQuote)],
    ['--description', bashQuote(rule.description)],
  ];
}

function renderResize(script: Script, remedy: Extract<Remedy, { kind: 'resize-bastion-subnet' }>): void {
  const subnet = targetOf(remedy.subnet);
  const bastion = targetOf(remedy.bastion);
  const prefix: Value = remedy.suggestedPrefix ? { literal: remedy.suggestedPrefix } : { input: PREFIX_INPUT };
  script.line(hashComment('1. Record the host settings (SKU, public IP, features), then delete the Bastion host.'));
  script.line(BASTION_EXTENSION_NOTE);
  script.command('az network bastion show', [...named(script, bastion, 'the Bastion host'), ['--output', 'json']]);
  script.command('az network bastion delete', named(script, bastion, 'the Bastion host'));
  script.blank();
  script.line(hashComment(`2. Resize AzureBastionSubnet (now ${remedy.currentPrefix}).`));
  script.command('az network vnet subnet update', [...subnetArgs(script, subnet), ['--address-prefixes', script.value(prefix)]]);
  script.blank();
  script.line(hashComment('3. Redeploy the Bastion host with the recorded settings (az network bastion create).'));
}

function subscription(target: Target): Arg[] {
  return target.subscriptionId ? [['--subscription', bashQuote(target.subscriptionId)]] : [];
}

function scope(script: Script, target: Target, what: string): Arg[] {
  return [...subscription(target), ['--resource-group', script.value(resourceGroupValue(target, what))]];
}

function named(script: Script, target: Target, what: string): Arg[] {
  return [...scope(script, target, what), ['--name', bashQuote(target.name)]];
}

function subnetArgs(script: Script, subnet: Target): Arg[] {
  return [
    ...scope(script, subnet, 'the virtual network'),
    ['--vnet-name', bashQuote(subnet.parentName ?? '')],
    ['--name', bashQuote(subnet.name)],
  ];
}
