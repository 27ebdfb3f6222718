// Reads of the bastionDoctor.* settings and the shared Azure settings, in one place.
import * as vscode from 'vscode';
import { isRuleId } from '../core/catalog';
import { isSeverityOverride, type SeverityOverrides } from '../core/severity';
import { cloudFromSettings, type CloudResult, type CustomCloudSetting } from './cloud';
import { SUBSCRIPTION_FILTER_KEY, SUBSCRIPTION_FILTER_SECTION } from './subscriptionFilter';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('bastionDoctor');
}

export function severityOverrides(): SeverityOverrides {
  const raw = section().get<Record<string, unknown>>('rules') ?? {};
  const overrides: SeverityOverrides = {};
  for (const [rule, value] of Object.entries(raw)) {
    if (isRuleId(rule) && typeof value === 'string' && isSeverityOverride(value)) overrides[rule] = value;
  }
  return overrides;
}

export function pageSize(): number {
  const value = section().get<number>('pageSize') ?? 50;
  return Math.min(500, Math.max(10, Math.floor(value)));
}

export function customPort(): number | undefined {
  const value = section().get<number | null>('customPort');
  return typeof value === 'number' && value >= 1 && value <= 65535 ? value : undefined;
}

export function diagnoseOnSelection(): boolean {
  return section().get<boolean>('diagnoseOnSelection') === true;
}

export function configuredCloud(): CloudResult {
  const auth = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  return cloudFromSettings(auth.get<string>('environment'), auth.get<CustomCloudSetting>('customEnvironment'), section().get<string>('customCloudLogAnalyticsEndpoint'));
}

export function subscriptionFilterEntries(): unknown[] {
  return vscode.workspace.getConfiguration(SUBSCRIPTION_FILTER_SECTION).get<unknown[]>(SUBSCRIPTION_FILTER_KEY) ?? [];
}

export async function setSubscriptionFilterEntries(entries: string[]): Promise<void> {
  await vscode.workspace.getConfiguration(SUBSCRIPTION_FILTER_SECTION).update(SUBSCRIPTION_FILTER_KEY, entries, vscode.ConfigurationTarget.Global);
}
