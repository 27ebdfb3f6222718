// The check catalog (shared/checks.md): stable rule ids and their metadata.
import type { Layer, Severity } from './findings';

export const RULE_IDS = [
  'bastion-nsg-missing-rule',
  'bastion-nsg-rule-shadowed',
  'bastion-subnet-missing',
  'bastion-subnet-too-small',
  'bastion-subnet-route-table',
  'bastion-sku-feature-mismatch',
  'bastion-native-client-disabled',
  'bastion-provisioning-state',
  'bastion-public-ip',
  'bastion-property-api-version',
  'bastion-diagnostics-disabled',
  'bastion-audit-log-failures',
  'bastion-private-dns-conflict',
  'bastion-forced-tunnel',
  'vm-nsg-blocks-bastion',
  'vm-ip-flow-denied',
  'vm-not-running',
  'vm-not-reachable',
  'vm-peering-not-connected',
  'check-incomplete',
  'vm-ip-flow-disagreement',
  'vm-guest-not-listening',
  'bastion-client-websocket-blocked',
  'bastion-client-unreachable',
  'bastion-native-client-cli',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type RuleScope = 'live' | 'template' | 'deep';

export interface RuleMetadata {
  id: RuleId;
  title: string;
  /** One sentence, used as SARIF shortDescription and in rule lists. */
  description: string;
  defaultSeverity: Severity;
  layer: Layer;
  scopes: RuleScope[];
  /** The Microsoft Learn page the rule rests on. */
  sourceUrl: string;
}

const NSG_DOC = 'https://learn.microsoft.com/azure/bastion/bastion-nsg';
const CONFIG_DOC = 'https://learn.microsoft.com/azure/bastion/configuration-settings';
const SKU_DOC = 'https://learn.microsoft.com/azure/bastion/bastion-sku-comparison';
const FAQ_DOC = 'https://learn.microsoft.com/azure/bastion/bastion-faq';
const TROUBLESHOOT_DOC = 'https://learn.microsoft.com/azure/bastion/troubleshoot';

export const CATALOG: Record<RuleId, RuleMetadata> = {
  'bastion-nsg-missing-rule': {
    id: 'bastion-nsg-missing-rule',
    title: 'Required AzureBastionSubnet NSG rule missing',
    description: 'An NSG on AzureBastionSubnet has no explicit allow rule for one of the eight flows Azure Bastion requires.',
    defaultSeverity: 'error',
    layer: 'bastion-subnet',
    scopes: ['live', 'template'],
    sourceUrl: NSG_DOC,
  },
  'bastion-nsg-rule-shadowed': {
    id: 'bastion-nsg-rule-shadowed',
    title: 'Required AzureBastionSubnet NSG rule shadowed by a deny',
    description: 'An explicit allow rule for a required Bastion flow exists, but a higher-precedence deny rule matches all or part of it.',
    defaultSeverity: 'error',
    layer: 'bastion-subnet',
    scopes: ['live', 'template'],
    sourceUrl: NSG_DOC,
  },
  'bastion-subnet-missing': {
    id: 'bastion-subnet-missing',
    title: 'AzureBastionSubnet missing',
    description: "A dedicated-SKU Bastion host's IP configuration points at a subnet not named exactly AzureBastionSubnet, or the VNet has none.",
    defaultSeverity: 'error',
    layer: 'bastion-subnet',
    scopes: ['live', 'template'],
    sourceUrl: CONFIG_DOC,
  },
  'bastion-subnet-too-small': {
    id: 'bastion-subnet-too-small',
    title: 'AzureBastionSubnet smaller than /26',
    description: 'AzureBastionSubnet must be /26 or larger for Bastion hosts deployed on or after 2 November 2021.',
    defaultSeverity: 'error',
    layer: 'bastion-subnet',
    scopes: ['live', 'template'],
    sourceUrl: CONFIG_DOC,
  },
  'bastion-subnet-route-table': {
    id: 'bastion-subnet-route-table',
    title: 'Route table on AzureBastionSubnet',
    description: 'A route table is associated with AzureBastionSubnet; user-defined routes are not supported there.',
    defaultSeverity: 'error',
    layer: 'route',
    scopes: ['live', 'template'],
    sourceUrl: FAQ_DOC,
  },
  'bastion-sku-feature-mismatch': {
    id: 'bastion-sku-feature-mismatch',
    title: 'Feature not available on this Bastion SKU',
    description: "A Bastion property is enabled that the host's SKU cannot do, or the requested connection needs a higher SKU.",
    defaultSeverity: 'error',
    layer: 'host',
    scopes: ['live', 'template'],
    sourceUrl: SKU_DOC,
  },
  'bastion-native-client-disabled': {
    id: 'bastion-native-client-disabled',
    title: 'Native client support disabled',
    description: 'enableTunneling is off, so az network bastion ssh, rdp and tunnel cannot connect through this host.',
    defaultSeverity: 'info',
    layer: 'host',
    scopes: ['live', 'template'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/native-client',
  },
  'bastion-provisioning-state': {
    id: 'bastion-provisioning-state',
    title: 'Bastion host not in Succeeded state',
    description: 'The Bastion host provisioning state is Failed, Updating or Deleting.',
    defaultSeverity: 'error',
    layer: 'host',
    scopes: ['live'],
    sourceUrl: 'https://learn.microsoft.com/azure/networking/troubleshoot-failed-state',
  },
  'bastion-public-ip': {
    id: 'bastion-public-ip',
    title: 'Bastion public IP missing or not Standard/Static',
    description: 'A public dedicated-SKU Bastion host needs a Standard SKU public IP with Static allocation.',
    defaultSeverity: 'error',
    layer: 'host',
    scopes: ['live', 'template'],
    sourceUrl: CONFIG_DOC,
  },
  'bastion-property-api-version': {
    id: 'bastion-property-api-version',
    title: 'Bastion property used with an older apiVersion',
    description: 'A Bastion property is set with an apiVersion older than the one that introduced it, so ARM drops or rejects it.',
    defaultSeverity: 'warning',
    layer: 'host',
    scopes: ['template'],
    sourceUrl: 'https://learn.microsoft.com/azure/templates/microsoft.network/change-log/bastionhosts',
  },
  'bastion-diagnostics-disabled': {
    id: 'bastion-diagnostics-disabled',
    title: 'Bastion audit logs not collected',
    description: 'No diagnostic setting sends BastionAuditLogs (or the allLogs / audit category group) anywhere.',
    defaultSeverity: 'info',
    layer: 'logs',
    scopes: ['live', 'template'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/monitor-bastion',
  },
  'bastion-audit-log-failures': {
    id: 'bastion-audit-log-failures',
    title: 'Recent failed Bastion sessions in the audit log',
    description: 'Recent MicrosoftAzureBastionAuditLogs rows show failed logins or connections for the target.',
    defaultSeverity: 'warning',
    layer: 'logs',
    scopes: ['deep'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/monitor-bastion-reference',
  },
  'bastion-private-dns-conflict': {
    id: 'bastion-private-dns-conflict',
    title: 'Private DNS zone with a reserved name linked to the Bastion VNet',
    description: 'The Bastion VNet links a private DNS zone named exactly one of the names that break Bastion.',
    defaultSeverity: 'error',
    layer: 'route',
    scopes: ['live'],
    sourceUrl: TROUBLESHOOT_DOC,
  },
  'bastion-forced-tunnel': {
    id: 'bastion-forced-tunnel',
    title: 'Default route learned from a gateway (forced tunnelling)',
    description: 'Effective routes in the Bastion VNet show 0.0.0.0/0 learned from a gateway, which Bastion does not support.',
    defaultSeverity: 'error',
    layer: 'route',
    scopes: ['deep'],
    sourceUrl: TROUBLESHOOT_DOC,
  },
  'vm-nsg-blocks-bastion': {
    id: 'vm-nsg-blocks-bastion',
    title: "Target VM's NSG blocks Bastion",
    description: "The target VM's subnet or NIC NSG denies inbound SSH/RDP (or the custom port) from AzureBastionSubnet.",
    defaultSeverity: 'error',
    layer: 'target-nsg',
    scopes: ['live', 'template'],
    sourceUrl: NSG_DOC,
  },
  'vm-ip-flow-denied': {
    id: 'vm-ip-flow-denied',
    title: 'IP flow verify denies Bastion to the VM',
    description: 'Network Watcher IP flow verify says the platform denies the flow from Bastion to the VM.',
    defaultSeverity: 'error',
    layer: 'target-nsg',
    scopes: ['deep'],
    sourceUrl: 'https://learn.microsoft.com/azure/network-watcher/ip-flow-verify-overview',
  },
  'vm-not-running': {
    id: 'vm-not-running',
    title: 'Target VM not running',
    description: "The target VM's power state is not running.",
    defaultSeverity: 'error',
    layer: 'vm',
    scopes: ['live'],
    sourceUrl: TROUBLESHOOT_DOC,
  },
  'vm-not-reachable': {
    id: 'vm-not-reachable',
    title: 'Target VM not reachable from this Bastion',
    description: "The VM's VNet is neither the Bastion's VNet nor directly peered with it (or the SKU cannot reach peered VNets).",
    defaultSeverity: 'error',
    layer: 'vm',
    scopes: ['live'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/vnet-peering',
  },
  'vm-peering-not-connected': {
    id: 'vm-peering-not-connected',
    title: 'VNet peering not connected',
    description: 'A peering between the Bastion VNet and the VM VNet exists but is not Connected in both directions.',
    defaultSeverity: 'error',
    layer: 'vm',
    scopes: ['live'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/vnet-peering',
  },
  'check-incomplete': {
    id: 'check-incomplete',
    title: 'A check could not decide',
    description: 'A check could not decide: a permission is missing, a resource was not found, or a value could not be resolved.',
    defaultSeverity: 'info',
    layer: 'host',
    scopes: ['live', 'template'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/troubleshoot',
  },
  'vm-ip-flow-disagreement': {
    id: 'vm-ip-flow-disagreement',
    title: 'IP flow verify and the NSG evaluation disagree',
    description: "Network Watcher IP flow verify and Bastion Doctor's evaluation of the VM's NSGs give different verdicts for the same Bastion flow.",
    defaultSeverity: 'warning',
    layer: 'target-nsg',
    scopes: ['deep'],
    sourceUrl: 'https://learn.microsoft.com/azure/network-watcher/ip-flow-verify-overview',
  },
  'vm-guest-not-listening': {
    id: 'vm-guest-not-listening',
    title: 'SSH or RDP not listening inside the VM',
    description: "A read-only Run Command script shows the VM's sshd or Remote Desktop service stopped, or nothing listening on the port Bastion connects to.",
    defaultSeverity: 'error',
    layer: 'vm',
    scopes: ['deep'],
    sourceUrl: TROUBLESHOOT_DOC,
  },
  'bastion-client-websocket-blocked': {
    id: 'bastion-client-websocket-blocked',
    title: 'WebSocket to the Bastion host blocked on the client path',
    description: "From this machine the Bastion host's name resolves and TLS on 443 works, but the WebSocket upgrade is refused, dropped or never answered.",
    defaultSeverity: 'error',
    layer: 'host',
    scopes: ['deep'],
    sourceUrl: FAQ_DOC,
  },
  'bastion-client-unreachable': {
    id: 'bastion-client-unreachable',
    title: 'Bastion host unreachable from this machine',
    description: "From this machine the Bastion host's DNS name does not resolve, or nothing answers on 443, or the proxy refuses to connect to it.",
    defaultSeverity: 'error',
    layer: 'host',
    scopes: ['deep'],
    sourceUrl: FAQ_DOC,
  },
  'bastion-native-client-cli': {
    id: 'bastion-native-client-cli',
    title: 'Azure CLI not ready for the native client',
    description: 'The local Azure CLI, its bastion or ssh extension, the platform or the CLI sign-in cannot run az network bastion ssh, rdp or tunnel.',
    defaultSeverity: 'warning',
    layer: 'host',
    scopes: ['deep'],
    sourceUrl: 'https://learn.microsoft.com/azure/bastion/native-client',
  },
};

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** The rule's documentation page, relative to the package root. */
export function ruleDocPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}

/** The project's source repository; rule documentation pages live under docs/rules/ there. */
export const PROJECT_REPOSITORY_URL = 'https://github.com/bastion-doctor/bastion-doctor';

/** Where docs/rules/<id>.md is published; the one place presenters build rule links from. */
export const RULE_DOCS_BASE_URL = `${PROJECT_REPOSITORY_URL}/blob/main/docs/rules/`;

/** The rule's documentation page as a web address (SARIF helpUri, editor diagnostic links). */
export function ruleDocUrl(id: RuleId): string {
  return `${RULE_DOCS_BASE_URL}${id}.md`;
}
