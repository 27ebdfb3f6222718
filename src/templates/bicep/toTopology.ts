// A Bicep file (and the local modules it calls) → Topology, with file ranges on every element and
// on NSG / route-table associations, plus parse diagnostics and suppressions.
import { basename, normalize } from 'node:path';
import { mapArmResources } from '../../core/arm';
import type { Origin, Topology, UnresolvedField } from '../../core/model';
import { idKey } from '../../core/resourceId';
import { budgetDiagnostics } from '../budget';
import type { ParseDiagnostic, TemplateDocument, TemplateSuppression, TemplateTopology } from '../source';
import { elementsOf } from '../topologyElements';
import { FileEvaluator } from './evaluate/fileEvaluator';
import { EvaluationSession, type EmittedResource } from './evaluate/session';
import { findParameters } from './parameterFiles';
import { templateSuppressions } from './suppressions';

export interface BicepReadOptions {
  /** Other files by path (modules, parameter files); never read from disk here. */
  readFile?: (path: string) => string | undefined;
  /** Parameter values overriding defaults (a .bicepparam or parameters file already read). */
  siblings?: readonly TemplateDocument[];
}

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function bicepToTopology(doc: TemplateDocument, options: BicepReadOptions = {}): TemplateTopology {
  const siblings = options.siblings ?? [];
  const byPath = new Map(siblings.map((s) => [normalize(s.path), s.text]));
  const session = new EvaluationSession((path) => byPath.get(normalize(path)) ?? options.readFile?.(path));
  const root = session.parsed(normalize(doc.path), doc.text);
  if (!root) return { topology: mapArmResources([]), parseDiagnostics: [{ file: doc.path, range: ZERO, message: `${doc.path} could not be read`, unparsed: true }], suppressions: [] };
  const parameters = findParameters(doc.path, siblings);
  const evaluator = new FileEvaluator(root, session, { supplied: parameters?.values ?? new Map(), conditions: [], depth: 0, stack: [] });
  evaluator.run();
  const label = parameters ? `template ${doc.path} with ${basename(parameters.path)}` : `template ${doc.path}`;
  const topology = mapResources(session.resources, label);
  const parseDiagnostics: ParseDiagnostic[] = [
    ...(parameters?.diagnostics ?? []),
    ...[...session.files.values()].flatMap((file) => file.program.diagnostics.map((d) => ({ file: file.path, range: d.range, message: `Bicep syntax: ${d.message}`, unparsed: true as const }))),
    ...session.problems,
    ...budgetDiagnostics(session.budget, doc.path),
  ];
  const suppressions: TemplateSuppression[] = [...session.files.values()].flatMap((file) => templateSuppressions(file.path, file.program));
  return { topology, parseDiagnostics, suppressions };
}

function mapResources(resources: readonly EmittedResource[], sourceLabel: string): Topology {
  const originOf = (resource: Record<string, unknown>, index: number): Origin => {
    const holder = resources[index];
    const child = typeof resource.id === 'string' ? holder?.childOrigins.get(resource.id) : undefined;
    return child ?? holder?.origin ?? { kind: 'file', file: '', range: ZERO };
  };
  const topology = mapArmResources(
    resources.map((r) => r.json),
    // A template declares its own diagnostic settings; their absence is what the template says.
    { sourceLabel, originOf, coverage: { diagnosticSettings: true } },
  );
  attachDetails(topology, resources);
  return topology;
}

/** Exact origins, unresolved fields and association origins by element id, whatever the mapper kept. */
function attachDetails(topology: Topology, resources: readonly EmittedResource[]): void {
  const origins = new Map<string, Origin>();
  const unresolved = new Map<string, UnresolvedField[]>();
  const associations = new Map<string, { networkSecurityGroup?: Origin; routeTable?: Origin }>();
  for (const resource of resources) {
    origins.set(idKey(resource.id), resource.origin);
    for (const [id, origin] of resource.childOrigins) origins.set(idKey(id), origin);
    for (const [id, fields] of resource.unresolved) unresolved.set(idKey(id), [...(unresolved.get(idKey(id)) ?? []), ...fields]);
    for (const [id, association] of resource.associations) associations.set(idKey(id), association);
  }
  for (const element of elementsOf(topology)) {
    const key = idKey(element.id);
    const origin = origins.get(key);
    if (origin && element.origin.kind !== 'file') element.origin = origin;
    const fields = unresolved.get(key);
    if (fields) element.unresolved = [...(element.unresolved ?? []), ...fields];
  }
  const associated = [...topology.virtualNetworks.flatMap((v) => v.subnets), ...topology.networkInterfaces];
  for (const element of associated) {
    const association = associations.get(idKey(element.id));
    if (association?.networkSecurityGroup && element.networkSecurityGroupId) element.networkSecurityGroupAssociationOrigin = association.networkSecurityGroup;
    if (association?.routeTable && 'routeTableId' in element && element.routeTableId) element.routeTableAssociationOrigin = association.routeTable;
  }
}
