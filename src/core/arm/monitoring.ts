// Diagnostic settings (extension resources below the resource they watch) and private DNS zone links.
import type { DiagnosticLogSetting, DiagnosticSetting, PrivateDnsZoneLink } from '../model';
import { parseResourceId } from '../resourceId';
import type { ArmInput, MapContext } from './context';
import type { Registry } from './registry';
import { compact } from './values';

const INSIGHTS_PROVIDER = /\/providers\/microsoft\.insights\/diagnosticsettings\/[^/]+\/*$/i;

export function mapDiagnosticSetting(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const match = INSIGHTS_PROVIDER.exec(input.id);
  const targetResourceId = match === null ? '' : input.id.slice(0, match.index);
  if (targetResourceId === '') {
    ctx.problem(
      input.id,
      `Diagnostic setting '${input.name}' (${input.id}): the id does not name the resource the setting belongs to; ignored`,
      input.origin,
    );
    return;
  }
  const props = input.fields.properties();
  const logs = props.objects('logs').map(
    (log): DiagnosticLogSetting =>
      compact({ category: log.string('category'), categoryGroup: log.string('categoryGroup'), enabled: log.boolean('enabled') ?? false }),
  );
  const setting: DiagnosticSetting = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    targetResourceId,
    logs,
    workspaceId: props.string('workspaceId'),
    storageAccountId: props.string('storageAccountId'),
    eventHubAuthorizationRuleId: props.string('eventHubAuthorizationRuleId'),
  });
  registry.diagnosticSettings.put(registry.topology.diagnosticSettings, setting);
}

export function mapPrivateDnsZoneLink(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const names = parseResourceId(input.id).names;
  const zoneName = names.length >= 2 ? names[names.length - 2] : undefined;
  const virtualNetworkId = input.fields.properties().referenceId('virtualNetwork');
  if (zoneName === undefined || virtualNetworkId === undefined) {
    const missing = zoneName === undefined ? 'the id does not name its zone' : 'properties.virtualNetwork.id is missing';
    ctx.problem(input.id, `Private DNS zone link '${input.name}' (${input.id}): ${missing}; ignored`, input.origin);
    return;
  }
  const link: PrivateDnsZoneLink = { id: input.id, name: input.name, origin: input.origin, zoneName, virtualNetworkId };
  registry.privateDnsZoneLinks.put(registry.topology.privateDnsZoneLinks, link);
}
