import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNativeClient, compareVersions, nativeClientFindings, parseAzVersion, type Exec, type NativeClientReadiness } from '../../../src/azure/deep/nativeClient';

const hostRef = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bas', name: 'bas' };

describe('compareVersions', () => {
  const table: [string, string, number][] = [
    ['2.32.0', '2.32.0', 0], ['2.31.9', '2.32.0', -1], ['2.61.0', '2.32.0', 1], ['0.1.3', '0.1.3', 0], ['0.1.2', '0.1.3', -1], ['1.0', '0.1.3', 1], ['2.32.0b1', '2.32.0', 0],
  ];
  for (const [a, b, expected] of table) it(`${a} vs ${b}`, () => assert.equal(compareVersions(a, b), expected));
});

it('parseAzVersion reads the CLI and its extensions', () => {
  const parsed = parseAzVersion(JSON.stringify({ 'azure-cli': '2.61.0', 'azure-cli-core': '2.61.0', extensions: { bastion: '1.3.1', ssh: '2.0.5' } }));
  assert.deepEqual(parsed, { cli: '2.61.0', extensions: { bastion: '1.3.1', ssh: '2.0.5' } });
});

function fakeExec(version: unknown, token: { exitCode: number; stdout: string; stderr?: string }, calls: string[][] = []): Exec {
  return async (file, args) => {
    calls.push([file, ...args]);
    if (version === 'missing') throw Object.assign(new Error('spawn az ENOENT'), { code: 'ENOENT' });
    if (args[0] === 'version') return { exitCode: 0, stdout: JSON.stringify(version), stderr: '' };
    return { exitCode: token.exitCode, stdout: token.stdout, stderr: token.stderr ?? '' };
  };
}

describe('checkNativeClient + nativeClientFindings', () => {
  const ok = { exitCode: 0, stdout: '2026-05-01 10:00:00.000000\n' };
  const expired = { exitCode: 1, stdout: '', stderr: "AADSTS700082: The refresh token has expired due to inactivity. Please run 'az login'" };
  const cases: { name: string; version: unknown; token: typeof ok | typeof expired; platform: NodeJS.Platform; wants: ('ssh' | 'rdp' | 'tunnel')[]; fixes: string[] }[] = [
    { name: 'a ready CLI gives nothing', version: { 'azure-cli': '2.61.0', extensions: { bastion: '1.3.1', ssh: '2.0.5' } }, token: ok, platform: 'linux', wants: ['ssh', 'tunnel'], fixes: [] },
    { name: 'no az at all', version: 'missing', token: ok, platform: 'linux', wants: ['ssh'], fixes: ['Install the Azure CLI'] },
    { name: 'an old CLI without extensions', version: { 'azure-cli': '2.30.0', extensions: {} }, token: ok, platform: 'linux', wants: ['ssh'], fixes: ['az upgrade', 'az extension add --name bastion', 'az extension add --name ssh'] },
    { name: 'an ssh extension older than 0.1.3', version: { 'azure-cli': '2.40.0', extensions: { bastion: '0.2.0', ssh: '0.1.2' } }, token: ok, platform: 'darwin', wants: ['ssh'], fixes: ['az extension update --name ssh'] },
    { name: 'the ssh extension does not matter for rdp', version: { 'azure-cli': '2.40.0', extensions: { bastion: '0.2.0' } }, token: ok, platform: 'win32', wants: ['rdp'], fixes: [] },
    { name: 'rdp off Windows', version: { 'azure-cli': '2.40.0', extensions: { bastion: '0.2.0' } }, token: ok, platform: 'linux', wants: ['rdp'], fixes: ['az network bastion tunnel'] },
    { name: 'an expired sign-in', version: { 'azure-cli': '2.61.0', extensions: { bastion: '1.3.1', ssh: '2.0.5' } }, token: expired, platform: 'linux', wants: ['ssh'], fixes: ['az login'] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const readiness = await checkNativeClient({ exec: fakeExec(c.version, c.token), platform: c.platform, wants: c.wants });
      const findings = nativeClientFindings({}, hostRef, readiness, c.wants);
      assert.equal(findings.length, c.fixes.length, findings.map((f) => f.message).join('\n'));
      findings.forEach((finding, i) => {
        assert.equal(finding.rule, 'bastion-native-client-cli');
        const text = JSON.stringify(finding.fixes);
        assert.ok(text.includes(c.fixes[i]), `${c.fixes[i]} in ${text}`);
      });
    });
  }

  it('asks the CLI only for the expiry, and keeps no token', async () => {
    const calls: string[][] = [];
    const readiness: NativeClientReadiness = await checkNativeClient({ exec: fakeExec({ 'azure-cli': '2.61.0', extensions: {} }, ok, calls), platform: 'linux', wants: ['ssh'] });
    assert.deepEqual(calls[1], ['az', 'account', 'get-access-token', '--query', 'expiresOn', '-o', 'tsv']);
    assert.equal(readiness.tokenExpiresOn, '2026-05-01 10:00:00.000000');
    assert.deepEqual(Object.keys(readiness).sort(), ['bastionExtension', 'cliVersion', 'platform', 'signedIn', 'sshExtension', 'tokenExpiresOn']);
  });
});
