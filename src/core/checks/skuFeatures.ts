// bastion-sku-feature-mismatch: properties the SKU cannot do, and requested actions that need a
// higher SKU (bastion-reference.md §5.1, §5.3).
import { buildFix } from '../fixes/index';
import type { BastionSettableProperty, Finding, Fix, ResourceRef } from '../findings';
import type { BastionHost, BastionSkuName } from '../model';
import { incomplete, makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import { skuLabel, skuOf } from './sku';
import { unknownReason } from './unknowns';
import type { Check, CheckContext } from './types';

const STANDARD_FEATURES = ['enableTunneling', 'enableIpConnect', 'enableShareableLink', 'enableFileCopy', 'disableCopyPaste'] as const;
const BELOW_STANDARD: readonly BastionSkuName[] = ['Developer', 'Basic'];
// The upgrade's duration, disruption and no-downgrade notes come with every upgrade remedy
// (src/core/fixes/notes.ts); only what is specific to leaving Developer is added here.
function upgradeNotes(sku: BastionSkuName): string[] {
  return sku === 'Developer' ? ['Before leaving Developer, create AzureBastionSubnet (/26 or larger) and a Standard SKU static public IP.'] : [];
}

function upgradeFix(hostRef: ResourceRef, sku: BastionSkuName, toSku: 'Standard' | 'Premium', extraNotes: string[] = []): Fix {
  return buildFix(`Upgrade ${hostRef.name} to ${toSku}`, { kind: 'upgrade-bastion-sku', bastion: hostRef, fromSku: sku, toSku }, [...extraNotes, ...upgradeNotes(sku)]);
}

function turnOffFix(hostRef: ResourceRef, property: BastionSettableProperty, value: boolean | number): Fix {
  return buildFix(`Set ${property} to ${String(value)} on ${hostRef.name}`, { kind: 'set-bastion-property', bastion: hostRef, property, value });
}

export const skuFeatureCheck: Check = {
  name: 'SKU features',
  level: 'host',
  rules: ['bastion-sku-feature-mismatch'],
  run(context) {
    const host = context.host;
    if (!host) return [];
    const sku = skuOf(host);
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    if (!sku) {
      const what = host.sku === undefined ? 'an SKU that is not known' : `SKU "${host.sku}", which is not Developer, Basic, Standard or Premium`;
      return [incomplete(context, 'host', hostRef, `Bastion host ${host.name} has ${what}, so its features cannot be checked.`)];
    }
    return [
      ...propertyFindings(context, host, sku, hostRef), ...unknownPropertyFindings(context, host, sku, hostRef),
      ...kerberosFindings(context, host, sku, hostRef), ...requestFindings(context, host, sku, hostRef),
    ];
  },
};

/** The properties this SKU cannot do: an unknown one may be a mismatch, so it is said, not passed. */
function restrictedProperties(sku: BastionSkuName): string[] {
  const premiumOnly = sku === 'Premium' ? [] : ['enableSessionRecording', 'enablePrivateOnlyBastion'];
  return [...(BELOW_STANDARD.includes(sku) ? [...STANDARD_FEATURES, 'scaleUnits'] : []), ...premiumOnly];
}

function unknownPropertyFindings(context: CheckContext, host: BastionHost, sku: BastionSkuName, hostRef: ResourceRef): Finding[] {
  const unknown = restrictedProperties(sku).flatMap((property) => {
    const reason = unknownReason(host, property);
    return reason === undefined ? [] : [{ property, reason }];
  });
  if (unknown.length === 0) return [];
  const reasons = [...new Set(unknown.map((entry) => entry.reason))].join('; ');
  return [incomplete(context, 'host', hostRef,
    `Whether Bastion host ${host.name} (${skuLabel(host)}) sets ${unknown.map((entry) => entry.property).join(', ')}, which its SKU cannot do, is not known: ${reasons}.`)];
}

function propertyFindings(context: CheckContext, host: BastionHost, sku: BastionSkuName, hostRef: ResourceRef): Finding[] {
  const findings: Finding[] = [];
  const mismatch = (property: string, needs: 'Standard' | 'Premium', fixes: Fix[], extra = ''): void => {
    findings.push(makeFinding(context, {
      rule: 'bastion-sku-feature-mismatch',
      message: `Bastion host ${host.name} (${skuLabel(host)}) sets ${property}, which needs the ${needs === 'Standard' ? 'Standard or Premium' : 'Premium'} SKU${extra}.`,
      resource: hostRef,
      evidence: [{ label: 'SKU', value: skuLabel(host) }, { label: 'Property', value: property }],
      fixes,
    }));
  };
  if (BELOW_STANDARD.includes(sku)) {
    for (const feature of STANDARD_FEATURES) {
      if (host.features[feature] === true) mismatch(`${feature}: true`, 'Standard', [upgradeFix(hostRef, sku, 'Standard'), turnOffFix(hostRef, feature, false)]);
    }
    if (host.scaleUnits !== undefined && host.scaleUnits > 2) {
      mismatch(`scaleUnits: ${host.scaleUnits}`, 'Standard', [upgradeFix(hostRef, sku, 'Standard'), turnOffFix(hostRef, 'scaleUnits', 2)], ` (${sku} is fixed at 2 instances)`);
    }
  }
  if (sku !== 'Premium') {
    if (host.features.enableSessionRecording === true) {
      mismatch('enableSessionRecording: true', 'Premium', [upgradeFix(hostRef, sku, 'Premium'), turnOffFix(hostRef, 'enableSessionRecording', false)]);
    }
    if (host.features.enablePrivateOnlyBastion === true) {
      mismatch('enablePrivateOnlyBastion: true', 'Premium', [buildFix(`Redeploy ${host.name} as a private-only Premium host`, { kind: 'manual', steps: [
        'Private-only is chosen at deployment time and cannot be switched on for an existing Bastion host.',
        `Delete ${host.name} and redeploy it with sku Premium and enablePrivateOnlyBastion: true; AzureBastionSubnet can stay.`,
      ] })]);
    }
  }
  return findings;
}

/** The sources disagree on Kerberos for Developer and Basic: say so, assert nothing. */
function kerberosFindings(context: CheckContext, host: BastionHost, sku: BastionSkuName, hostRef: ResourceRef): Finding[] {
  if (host.features.enableKerberos !== true || !BELOW_STANDARD.includes(sku)) return [];
  const disagreement = sku === 'Developer'
    ? 'the 2025 SKU comparison page lists Kerberos for Developer, while the 2023 SKU include says Developer does not support it'
    : 'Microsoft\'s Kerberos article says it works on Basic, while the Terraform azurerm provider documents kerberos_enabled as Standard/Premium only';
  return [makeFinding(context, {
    rule: 'bastion-sku-feature-mismatch',
    severity: 'info',
    message: `Bastion host ${host.name} (${sku}) sets enableKerberos: whether ${sku} supports Kerberos is unclear: ${disagreement}.`,
    resource: hostRef,
    evidence: [{ label: 'SKU', value: sku }, { label: 'Property', value: 'enableKerberos: true' }],
  })];
}

function requestFindings(context: CheckContext, host: BastionHost, sku: BastionSkuName, hostRef: ResourceRef): Finding[] {
  if (!BELOW_STANDARD.includes(sku)) return [];
  const requests: string[] = [];
  if (context.options.nativeClient) requests.push('native client connections (az network bastion ssh/rdp/tunnel)');
  const port = context.options.customPort;
  if (port !== undefined && port !== 22 && port !== 3389) requests.push(`a custom port (${port})`);
  return requests.map((request) => makeFinding(context, {
    rule: 'bastion-sku-feature-mismatch',
    message: `Bastion host ${host.name} is ${sku}; ${request} need${request.startsWith('a ') ? 's' : ''} the Standard or Premium SKU.`,
    resource: hostRef,
    evidence: [{ label: 'SKU', value: sku }, { label: 'Requested', value: request }],
    fixes: [upgradeFix(hostRef, sku, 'Standard', context.options.nativeClient ? ['After the upgrade, set enableTunneling to true for native client support.'] : [])],
  }));
}
