// ARM JSON templates as a lint source: evaluate, expand, map through the shared ARM mapper.
import { basename } from 'node:path';
import { mapArmResources } from '../../core/arm';
import { emptyTopology, type Origin, type Topology, type UnresolvedField } from '../../core/model';
import { idKey } from '../../core/resourceId';
import type { ParseDiagnostic, TemplateDocument, TemplateSource, TemplateSuppression, TemplateTopology } from '../source';
import { PLACEHOLDER_RESOURCE_GROUP, PLACEHOLDER_SUBSCRIPTION_ID } from './armIds';
import { isArmParametersFile, isArmTemplate } from './detect';
import { NodeOrigins } from './evaluateNode';
import type { DeploymentScope } from './expression/context';
import { parseJsonDocument } from './jsonDocument';
import { findParametersFile, readParametersFile } from './parametersFile';
import { ResourceExpander, type TemplateResource } from './resources';
import { TemplateScope } from './templateScope';
import { elementsOf } from '../topologyElements';
import { budgetDiagnostics } from '../budget';

/** Where a template deploys is not in the template; ids and resourceGroup() use these stand-ins. */
export const TEMPLATE_DEPLOYMENT_SCOPE: DeploymentScope = {
  subscriptionId: PLACEHOLDER_SUBSCRIPTION_ID,
  resourceGroupName: PLACEHOLDER_RESOURCE_GROUP,
  location: 'resource-group-location',
  deploymentName: 'template-deployment',
};

export const armTemplateSource: TemplateSource = {
  id: 'arm',
  matches: isArmTemplate,
  isCompanion: isArmParametersFile,
  toTopology: armTemplateToTopology,
};

export function armTemplateToTopology(doc: TemplateDocument, siblings: readonly TemplateDocument[]): TemplateTopology {
  const parsed = parseJsonDocument(doc.text);
  const [firstError] = parsed.errors;
  if (firstError || parsed.root?.type !== 'object') {
    const range = firstError?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const cause = firstError
      ? `${firstError.message} at line ${range.start.line + 1}, column ${range.start.character + 1}`
      : 'the file is not a JSON object';
    const problem = firstError?.code === 'too-deep' ? 'is nested too deeply to read' : 'is not valid JSON';
    const message = `${basename(doc.path)} ${problem} (${cause}); nothing in it was checked`;
    return { topology: emptyTopology(), parseDiagnostics: [{ file: doc.path, range, message, unparsed: true }], suppressions: [] };
  }
  const parametersDoc = findParametersFile(doc.path, siblings);
  const supplied = parametersDoc ? readParametersFile(parametersDoc) : undefined;
  const origins = new NodeOrigins();
  const scope = new TemplateScope(parsed.root, TEMPLATE_DEPLOYMENT_SCOPE, supplied?.values ?? new Map(), origins);
  const expander = new ResourceExpander(parsed, origins);
  expander.expandTemplate(parsed.root, scope, TEMPLATE_DEPLOYMENT_SCOPE);
  const topology = mapResources(doc.path, expander.resources, supplied?.path);
  const parseDiagnostics: ParseDiagnostic[] = [
    ...(supplied?.diagnostics ?? []),
    ...expander.problems.map((p) => ({ file: doc.path, range: p.range, message: p.message })),
    ...budgetDiagnostics(origins.budget, doc.path),
  ];
  return { topology, parseDiagnostics, suppressions: suppressionsOf(doc.path, expander.resources) };
}

function mapResources(file: string, resources: readonly TemplateResource[], parametersPath: string | undefined): Topology {
  const originOf = (resource: Record<string, unknown>, index: number): Origin => {
    const holder = resources[index];
    const childRange = typeof resource.id === 'string' ? holder?.childRanges.get(resource.id) : undefined;
    return { kind: 'file', file, range: childRange ?? holder?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  };
  const label = parametersPath ? `template ${file} with ${basename(parametersPath)}` : `template ${file}`;
  const topology = mapArmResources(
    resources.map((r) => r.json),
    // A template declares its own diagnostic settings; their absence is what the template says.
    { sourceLabel: label, originOf, coverage: { diagnosticSettings: true } },
  );
  attachTemplateDetails(topology, file, resources);
  // An unresolved value is already reported with its reason; the mapper's "wrong type" note on
  // the expression text standing in for it would only repeat it less clearly.
  const unresolvedPaths = resources.flatMap((r) => r.unresolvedPaths);
  if (unresolvedPaths.length > 0) topology.problems = topology.problems.filter((p) => !unresolvedPaths.some((path) => p.message.includes(`${path} should be`)));
  return topology;
}

/** Unresolved fields and exact ranges by element id, whatever the mapper kept. */
function attachTemplateDetails(topology: Topology, file: string, resources: readonly TemplateResource[]): void {
  // Elements mostly carry the very id strings the resources were declared with: key each once.
  const keys = new Map<string, string>();
  const keyOf = (id: string): string => {
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = idKey(id)));
    return key;
  };
  const unresolved = new Map<string, UnresolvedField[]>();
  for (const resource of resources) {
    for (const [id, fields] of resource.unresolved) unresolved.set(keyOf(id), [...(unresolved.get(keyOf(id)) ?? []), ...fields]);
  }
  // With an originOf, the mapper already gave (nearly) every element its file origin: the range
  // index is built only when an element still lacks one.
  let ranges: Map<string, Origin> | undefined;
  for (const element of elementsOf(topology)) {
    const needsOrigin = element.origin.kind !== 'file';
    if (!needsOrigin && unresolved.size === 0) continue;
    const key = keyOf(element.id);
    if (needsOrigin) {
      const origin = (ranges ??= rangesById(file, resources, keyOf)).get(key);
      if (origin) element.origin = origin;
    }
    const fields = unresolved.get(key);
    if (fields) element.unresolved = [...(element.unresolved ?? []), ...fields];
  }
}

function rangesById(file: string, resources: readonly TemplateResource[], keyOf: (id: string) => string): Map<string, Origin> {
  const ranges = new Map<string, Origin>();
  for (const resource of resources) {
    ranges.set(keyOf(resource.id), { kind: 'file', file, range: resource.range });
    for (const [id, range] of resource.childRanges) ranges.set(keyOf(id), { kind: 'file', file, range });
  }
  return ranges;
}

function suppressionsOf(file: string, resources: readonly TemplateResource[]): TemplateSuppression[] {
  return resources
    .filter((r) => r.disabledRules.length > 0)
    .map((r) => ({ file, range: r.range, resourceId: r.id, rules: r.disabledRules }));
}
