// Template values the source could not resolve: reported as check-incomplete (never guessed), and
// findings that such a value would decide are withdrawn.
import { CATALOG, type RuleId } from '../core/catalog';
import type { Finding, Layer } from '../core/findings';
import type { Origin, Topology, UnresolvedField } from '../core/model';
import { idKey } from '../core/resourceId';

interface ElementGroup {
  id: string;
  name: string;
  type: string;
  layer: Layer;
  origin: Origin;
  /** The element's own fields and its children's, each with the origin of the element holding it. */
  fields: { field: string; reason: string; origin: Origin }[];
}

/** Fields that never change a Bastion check's answer; unknown values there are not worth a finding. */
const IRRELEVANT_FIELDS = new Set(['location', 'tags', 'name', 'zones', 'dependsOn', 'apiVersion', 'kind']);

/** Which unresolved field of an element makes which rule's findings on it a guess. */
const DECIDING_FIELDS: Partial<Record<RuleId, string[]>> = {
  'bastion-nsg-missing-rule': ['securityRules'],
  'bastion-nsg-rule-shadowed': ['securityRules'],
  'bastion-native-client-disabled': ['enableTunneling', 'sku', 'sku.name'],
  'bastion-sku-feature-mismatch': ['sku', 'sku.name'],
};

type Part = { origin: Origin; unresolved?: UnresolvedField[] };

function groupsOf(topology: Topology): ElementGroup[] {
  // Runs over every element of every lint, and almost none has unresolved fields: nothing is
  // allocated for an element (or its children) without any.
  const groups: ElementGroup[] = [];
  const addFields = (fields: ElementGroup['fields'], part: Part): void => {
    if (part.unresolved === undefined) return;
    for (const u of part.unresolved) fields.push({ ...u, origin: part.origin });
  };
  const group = <E extends { id: string; name: string } & Part>(
    elements: readonly E[],
    type: string,
    layer: Layer,
    childrenOf: (element: E) => readonly (readonly Part[])[] = () => [],
  ): void => {
    for (const element of elements) {
      const fields: ElementGroup['fields'] = [];
      addFields(fields, element);
      for (const children of childrenOf(element)) for (const child of children) addFields(fields, child);
      if (fields.length > 0) groups.push({ id: element.id, name: element.name, type, layer, origin: element.origin, fields });
    }
  };
  group(topology.bastionHosts, 'Microsoft.Network/bastionHosts', 'host');
  group(topology.virtualNetworks, 'Microsoft.Network/virtualNetworks', 'bastion-subnet', (v) => [v.subnets, v.peerings]);
  group(topology.networkSecurityGroups, 'Microsoft.Network/networkSecurityGroups', 'bastion-subnet', (n) => [n.securityRules]);
  group(topology.routeTables, 'Microsoft.Network/routeTables', 'route', (r) => [r.routes]);
  group(topology.publicIpAddresses, 'Microsoft.Network/publicIPAddresses', 'host');
  group(topology.networkInterfaces, 'Microsoft.Network/networkInterfaces', 'target-nsg');
  group(topology.virtualMachines, 'Microsoft.Compute/virtualMachines', 'vm');
  group(topology.diagnosticSettings, 'Microsoft.Insights/diagnosticSettings', 'logs');
  return groups;
}

/** One check-incomplete finding per element and distinct reason, naming the fields it leaves open. */
export function unresolvedFindings(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  for (const group of groupsOf(topology)) {
    const relevant = group.fields.filter((f) => !IRRELEVANT_FIELDS.has(f.field));
    const reasons = [...new Set(relevant.map((f) => f.reason))];
    for (const reason of reasons) {
      const fields = relevant.filter((f) => f.reason === reason);
      const names = [...new Set(fields.map((f) => f.field))];
      findings.push({
        rule: 'check-incomplete',
        severity: CATALOG['check-incomplete'].defaultSeverity,
        layer: group.layer,
        message: `${group.name}: ${names.join(', ')} could not be resolved (${reason}), so checks depending on it were not decided`,
        evidence: names.map((name) => ({ label: 'unresolved field', value: name })),
        resource: { id: group.id, name: group.name, type: group.type, origin: fields[0].origin },
        fixes: [],
      });
    }
  }
  return findings;
}

/** Drops findings whose answer an unresolved field of their resource (or its parent) would decide. */
export function withoutGuesses(findings: readonly Finding[], topology: Topology): Finding[] {
  const unresolvedFields = new Map<string, Set<string>>();
  for (const group of groupsOf(topology)) {
    unresolvedFields.set(idKey(group.id), new Set(group.fields.map((f) => f.field)));
  }
  return findings.filter((finding) => {
    const deciding = DECIDING_FIELDS[finding.rule];
    if (!deciding || deciding.length === 0) return true;
    const id = idKey(finding.resource.id);
    for (const [elementId, fields] of unresolvedFields) {
      if ((id === elementId || id.startsWith(`${elementId}/`)) && deciding.some((f) => fields.has(f))) return false;
    }
    return true;
  });
}
