// What a person must know before applying a fix: ordering, disruption, values to supply.
// Disruption facts come from shared/bastion-reference.md (sections 3, 5.1, 5.3, 10).
import type { NewSecurityRule, Remedy } from '../findings';
import { PREFIX_INPUT, WORKSPACE_INPUT, type UserInput } from './target';

const TEMPLATE_FRAGMENT_NOTE =
  'The ARM, Bicep and Terraform snippets show only what changes: merge them into the existing declaration.';

/** Warnings a remedy always carries. */
export function remedyNotes(remedy: Remedy): string[] {
  switch (remedy.kind) {
    case 'add-security-rules':
      return remedy.rules.map(priorityNote);
    case 'set-rule-priority': {
      const before = remedy.placedBefore ? `, before ${remedy.placedBefore.name} (${remedy.placedBefore.priority})` : '';
      return [
        `Moves ${remedy.ruleName} from priority ${remedy.fromPriority} to ${remedy.toPriority}${before}; lower numbers are evaluated first.`,
        TEMPLATE_FRAGMENT_NOTE,
      ];
    }
    case 'dissociate-route-table':
      return [
        `In a template, remove the routeTable reference from ${remedy.subnet.name} (Terraform: delete its azurerm_subnet_route_table_association).`,
      ];
    case 'set-bastion-property':
      return bastionPropertyNotes(remedy.property);
    case 'upgrade-bastion-sku':
      return upgradeNotes(remedy.fromSku);
    case 'reapply-bastion':
      return [
        'Writes the current configuration back (GET, then PUT), which restores the Succeeded state; the Failed state alone does not mean Bastion stopped working.',
        'Always Get before Set, and use current tools: a Set without Get, or an older API version, can lose settings.',
        'If the state stays Failed, open a support request with the error code and time of the last operation.',
      ];
    case 'enable-bastion-diagnostics':
      return [inputNote(WORKSPACE_INPUT), 'Bastion logs land in the MicrosoftAzureBastionAuditLogs table.'];
    case 'start-vm':
      return ['Starting a deallocated VM resumes compute billing.'];
    case 'resize-bastion-subnet':
      return resizeNotes(remedy.suggestedPrefix);
    case 'create-vnet-peering':
      return [
        'A peering must exist on both virtual networks and show Connected. Basic, Standard and Premium reach VMs in peered networks without gateway transit or IP-based connection.',
        'Peering works across subscriptions of one tenant only; you need write access on both virtual networks.',
      ];
    case 'unlink-private-dns-zone':
      return [
        `Resources in the virtual network stop resolving names from ${remedy.zoneName} through this link.`,
        'In a template, delete the virtualNetworkLinks resource (Terraform: azurerm_private_dns_zone_virtual_network_link).',
      ];
    case 'use-public-ip':
      return [
        'Bastion needs a Standard SKU, Static public IP in its own region.',
        'A Bastion host takes its public IP when it is deployed: plan to redeploy the host with the new address.',
      ];
    case 'set-api-version':
      return [`Check the resource's other properties against API version ${remedy.toApiVersion}.`];
    case 'manual':
      return [];
  }
}

function priorityNote(rule: NewSecurityRule): string {
  if (rule.placedBefore) {
    return `Priority ${rule.priority} places ${rule.name} before ${rule.placedBefore.name} (${rule.placedBefore.priority}).`;
  }
  return `Priority ${rule.priority} for ${rule.name}: lower numbers are evaluated first, so no deny rule may use a lower number for this traffic.`;
}

function bastionPropertyNotes(property: Extract<Remedy, { kind: 'set-bastion-property' }>['property']): string[] {
  const notes = [TEMPLATE_FRAGMENT_NOTE];
  if (property === 'scaleUnits') notes.unshift('Changing the scale-unit count disrupts active Bastion connections.');
  if (property === 'disableCopyPaste') notes.push('Terraform names the inverse setting: copy_paste_enabled.');
  return notes;
}

function upgradeNotes(fromSku: string): string[] {
  const notes = [
    'The upgrade takes about 10 minutes and may disrupt active sessions.',
    'A downgrade is not possible: going back means deleting and recreating the host.',
    TEMPLATE_FRAGMENT_NOTE,
  ];
  if (fromSku === 'Developer') {
    notes.unshift('From Developer, first create AzureBastionSubnet (/26 or larger) and a Standard SKU, Static public IP.');
  }
  return notes;
}

function resizeNotes(suggestedPrefix: string | undefined): string[] {
  const notes = [
    'A subnet with resources in it cannot change its prefix: delete the Bastion host, resize AzureBastionSubnet, then redeploy the host. Bastion is unavailable meanwhile.',
    'Record the host settings (SKU, public IP, features, scale units) before deleting it.',
    TEMPLATE_FRAGMENT_NOTE,
  ];
  if (suggestedPrefix === undefined) notes.unshift(inputNote(PREFIX_INPUT));
  return notes;
}

function inputNote(input: UserInput): string {
  return (
    `Set ${input.shell} (PowerShell $${input.powershell}; Bicep/ARM parameter ${input.bicep}; ` +
    `Terraform var.${input.terraform}) to ${input.hint}.`
  );
}
