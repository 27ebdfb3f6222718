import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cloudFromSettings, logsEndpointFor, logsTokenScope, type AzureCloud } from '../../../src/extension/cloud';
import { clientPathOptions, nativeClientWants } from '../../../src/extension/deep/deepOptions';

function cloud(environment: string, custom?: Parameters<typeof cloudFromSettings>[1]): AzureCloud {
  const result = cloudFromSettings(environment, custom);
  assert.ok(result.ok);
  return result.cloud;
}

describe('deep check options from VS Code', () => {
  it('asks the native-client step for the command the VM needs', () => {
    const cases: [Parameters<typeof nativeClientWants>[0], string[]][] = [['Windows', ['rdp', 'tunnel']], ['Linux', ['ssh', 'tunnel']], [undefined, ['ssh', 'tunnel']]];
    for (const [osType, wants] of cases) assert.deepEqual(nativeClientWants(osType), wants, String(osType));
  });

  it('passes http.proxy when set, else lets the probe read the environment', () => {
    const cases: [string | undefined, { proxy?: string }][] = [['http://proxy.contoso.com:8080', { proxy: 'http://proxy.contoso.com:8080' }], ['  ', {}], ['', {}], [undefined, {}]];
    for (const [setting, options] of cases) assert.deepEqual(clientPathOptions(setting), options, String(setting));
  });

  it('queries Log Analytics where the cloud has it, with that cloud\'s token audience', () => {
    const cases: [AzureCloud, { endpoint?: string } | undefined, string | undefined][] = [
      [cloud('AzureCloud'), {}, 'https://api.loganalytics.io/.default'],
      [cloud('ChinaCloud'), { endpoint: 'https://api.loganalytics.azure.cn' }, 'https://api.loganalytics.azure.cn/.default'],
      [cloud('USGovernment'), { endpoint: 'https://api.loganalytics.us' }, 'https://api.loganalytics.us/.default'],
      [cloud('custom', { resourceManagerEndpointUrl: 'https://management.contoso.example/', portalUrl: 'https://portal.contoso.example' }), undefined, undefined],
    ];
    for (const [target, endpoint, scope] of cases) {
      assert.deepEqual(logsEndpointFor(target), endpoint, target.name);
      assert.equal(logsTokenScope(target), scope, target.name);
    }
  });
});
