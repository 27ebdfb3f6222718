// azurerm_monitor_diagnostic_setting: where a resource's logs go. `enabled_log` blocks are on by
// being there; the older `log` block has `enabled` (default true).
import type { DiagnosticLogSetting, DiagnosticSetting } from '../../../core/model';
import { FieldReader, withUnresolved } from '../fields';
import { Unknown } from '../values';
import { MappingContext, nameOr } from './context';

function logsOf(fields: FieldReader): DiagnosticLogSetting[] {
  const read = (block: FieldReader['value'], enabled: boolean | undefined): DiagnosticLogSetting => {
    const log = new FieldReader(block);
    const entry: DiagnosticLogSetting = { enabled: enabled ?? log.bool('enabled') ?? true };
    const category = log.string('category');
    const categoryGroup = log.string('category_group');
    if (category !== undefined) entry.category = category;
    if (categoryGroup !== undefined) entry.categoryGroup = categoryGroup;
    // An unknown category or switch leaves the logs undecided, never absent.
    for (const unknown of log.unresolved) fields.unresolved.push({ field: 'logs', reason: unknown.reason });
    return entry;
  };
  return [
    ...fields.blocks('enabled_log', 'logs').map((block) => read(block, true)),
    ...fields.blocks('log', 'logs').map((block) => read(block, undefined)),
  ];
}

export function mapDiagnosticSettings(context: MappingContext): void {
  const instances = context.instancesOf('azurerm_monitor_diagnostic_setting');
  for (const instance of instances) {
    const fields = new FieldReader(instance.value);
    const name = nameOr(fields.string('name'), instance);
    const targetResourceId = fields.string('target_resource_id', 'targetResourceId') ?? '';
    const setting: DiagnosticSetting = {
      id: targetResourceId ? `${targetResourceId}/providers/Microsoft.Insights/diagnosticSettings/${name}` : `terraform:${instance.address}`,
      name,
      origin: context.originOf(instance.declaration),
      targetResourceId,
      logs: logsOf(fields),
      workspaceId: fields.string('log_analytics_workspace_id', 'workspaceId'),
      storageAccountId: fields.string('storage_account_id', 'storageAccountId'),
      eventHubAuthorizationRuleId: fields.string('eventhub_authorization_rule_id', 'eventHubAuthorizationRuleId'),
    };
    context.topology.diagnosticSettings.push(withUnresolved(setting, fields));
  }
  // Settings whose count/for_each is not known may or may not be there: a stand-in whose target
  // is unknown leaves the answer undecided, never "no diagnostic setting".
  for (const declaration of context.module.resources) {
    if (declaration.type !== 'azurerm_monitor_diagnostic_setting') continue;
    const instances = context.module.instances(declaration);
    if (!(instances instanceof Unknown)) continue;
    const address = `${declaration.type}.${declaration.name}`;
    context.topology.diagnosticSettings.push({
      id: `terraform:${address}`, name: address, origin: context.originOf(declaration), targetResourceId: '', logs: [],
      unresolved: [{ field: 'targetResourceId', reason: instances.reason }],
    });
  }
  // The module declares its own settings: their absence is what it says (as for ARM and Bicep).
  context.topology.coverage.diagnosticSettings = true;
}
