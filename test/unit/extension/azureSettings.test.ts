import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudFromSettings, portalResourceUrl, sessionScopes } from '../../../src/extension/cloud';
import { selectedSubscriptions, updatedFilter, type SubscriptionInfo } from '../../../src/extension/subscriptionFilter';

const ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bas';

// Sessions are asked for the management audience, as vscode-azext-azureauth does; the SDK
// clients still talk to the Resource Manager endpoint.
const clouds: { environment: string | undefined; provider: string; arm: string; audience: string; portal: string }[] = [
  { environment: undefined, provider: 'microsoft', arm: 'https://management.azure.com', audience: 'https://management.core.windows.net', portal: 'https://portal.azure.com' },
  { environment: 'ChinaCloud', provider: 'microsoft-sovereign-cloud', arm: 'https://management.chinacloudapi.cn', audience: 'https://management.core.chinacloudapi.cn', portal: 'https://portal.azure.cn' },
  { environment: 'USGovernment', provider: 'microsoft-sovereign-cloud', arm: 'https://management.usgovcloudapi.net', audience: 'https://management.core.usgovcloudapi.net', portal: 'https://portal.azure.us' },
];
for (const { environment, provider, arm, audience, portal } of clouds) {
  test(`cloud ${environment ?? 'default'}: provider, scopes and portal`, () => {
    const result = cloudFromSettings(environment, undefined);
    assert.ok(result.ok);
    assert.equal(result.cloud.authProviderId, provider);
    assert.equal(result.cloud.resourceManagerEndpoint, arm);
    assert.deepEqual(sessionScopes(result.cloud), [`${audience}/.default`]);
    assert.deepEqual(sessionScopes(result.cloud, 't1'), [`${audience}/.default`, 'VSCODE_TENANT:t1']);
    assert.equal(portalResourceUrl(result.cloud, ID, 't1'), `${portal}/#@t1/resource${ID}`);
  });
}

test('a custom cloud needs its endpoints; unknown names are refused', () => {
  assert.equal(cloudFromSettings('custom', undefined).ok, false);
  const custom = cloudFromSettings('custom', { resourceManagerEndpointUrl: 'https://arm.contoso/', portalUrl: 'https://portal.contoso/' });
  assert.ok(custom.ok);
  assert.equal(custom.cloud.resourceManagerEndpoint, 'https://arm.contoso');
  assert.deepEqual(sessionScopes(custom.cloud), ['https://arm.contoso/.default'], 'without a management endpoint, the Resource Manager audience');
  const withAudience = cloudFromSettings('custom', { resourceManagerEndpointUrl: 'https://arm.contoso/', managementEndpointUrl: 'https://mgmt.contoso/', portalUrl: 'https://portal.contoso/' });
  assert.ok(withAudience.ok);
  assert.deepEqual(sessionScopes(withAudience.cloud), ['https://mgmt.contoso/.default']);
  assert.equal(cloudFromSettings('Mars', undefined).ok, false);
});

test('a custom cloud has a Log Analytics endpoint only when the setting names one; other clouds ignore it', () => {
  const endpoints = { resourceManagerEndpointUrl: 'https://arm.contoso/', portalUrl: 'https://portal.contoso/' };
  const without = cloudFromSettings('custom', endpoints, '  ');
  assert.ok(without.ok);
  assert.equal(without.cloud.logAnalyticsEndpoint, undefined);
  const withLogs = cloudFromSettings('custom', endpoints, 'https://logs.contoso/');
  assert.ok(withLogs.ok);
  assert.equal(withLogs.cloud.logAnalyticsEndpoint, 'https://logs.contoso');
  const china = cloudFromSettings('ChinaCloud', undefined, 'https://logs.contoso/');
  assert.ok(china.ok);
  assert.equal(china.cloud.logAnalyticsEndpoint, 'https://api.loganalytics.azure.cn');
});

const subs: SubscriptionInfo[] = [
  { tenantId: 'T1', subscriptionId: 'a', displayName: 'A' },
  { tenantId: 't1', subscriptionId: 'b', displayName: 'B' },
  { tenantId: 't2', subscriptionId: 'c', displayName: 'C' },
];

test('the filter selects tenant/subscription entries case-insensitively and ignores junk', () => {
  assert.deepEqual(selectedSubscriptions(subs, ['t1/A', 't2/c', 42, 'b']).map((s) => s.subscriptionId), ['a', 'c']);
  assert.deepEqual(selectedSubscriptions(subs, []), []);
});

test('updating the filter keeps entries of subscriptions not offered', () => {
  const offered = subs.slice(0, 2);
  assert.deepEqual(updatedFilter(['t1/a', 'other/x', 't2/c'], offered, [subs[1]]), ['other/x', 't2/c', 't1/b']);
});
