import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDiagnoseArgs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/usageError';

describe('parseDiagnoseArgs', () => {
  it('reads a full snapshot invocation', () => {
    const args = parseDiagnoseArgs(['--snapshot', 'net.json', '--bastion', 'bas-hub', '--vm', 'vm1', '--port', '2222', '--format', 'sarif', '--rule', 'vm-not-running=warning', '--rule', 'bastion-diagnostics-disabled=off']);
    assert.deepEqual(args, {
      help: false,
      source: { kind: 'snapshot', file: 'net.json' },
      bastion: 'bas-hub',
      vm: 'vm1',
      port: 2222,
      format: 'sarif',
      ruleOverrides: { 'vm-not-running': 'warning', 'bastion-diagnostics-disabled': 'off' },
      deep: false,
      guest: false,
      assumeYes: false,
    });
  });

  it('defaults to text and accepts --demo and -f', () => {
    assert.deepEqual(parseDiagnoseArgs(['--demo']), { help: false, source: { kind: 'demo' }, format: 'text', ruleOverrides: {}, deep: false, guest: false, assumeYes: false });
    assert.equal(parseDiagnoseArgs(['--demo', '-f', 'json']).format, 'json');
  });

  it('accepts --help without a source', () => {
    assert.equal(parseDiagnoseArgs(['--help']).help, true);
  });

  const HUB = '8c56d827-5f07-45ce-8f2b-6c5001db5c6f';
  const SPOKE = '3f9a4c2e-7b1d-4e6a-9c8f-2d5e7a1b4c90';
  const hostId = `/subscriptions/${HUB}/resourceGroups/rg-hub/providers/Microsoft.Network/bastionHosts/bas-hub`;
  const spokeVmId = `/subscriptions/${SPOKE}/resourceGroups/rg-spoke/providers/Microsoft.Compute/virtualMachines/vm-app-01`;
  const byId: [string, string[], string][] = [
    ['a host id alone', ['--bastion', hostId], HUB],
    ['a host id and a VM id in another subscription, --deep and --save-snapshot', ['--bastion', hostId, '--vm', spokeVmId, '--deep', '--save-snapshot', 's.json'], HUB],
    ['a host id with spaces around it', ['--bastion', ` ${hostId} `], HUB],
    ['--subscription given too (it wins: names and lists go there)', ['--subscription', SPOKE, '--bastion', hostId], SPOKE],
  ];
  for (const [name, argv, subscription] of byId) {
    it(`reads live Azure without --subscription from ${name}`, () => {
      const args = parseDiagnoseArgs(argv);
      assert.equal(args.source?.kind, 'live');
      assert.equal(args.source.kind === 'live' && args.source.subscription, subscription);
    });
  }

  const mistakes: [string, string[], RegExp][] = [
    ['a host name without --subscription', ['--bastion', 'bas-hub'], /--bastion 'bas-hub' is a name.*add --subscription ID/],
    ['a VM name with a host id but no --subscription', ['--bastion', hostId, '--vm', 'vm-app-01'], /--vm 'vm-app-01' is a name.*add --subscription ID/],
    ['a host id without a subscription GUID', ['--bastion', '/subscriptions/contoso/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b'], /--bastion .* is not a full resource id/],
    ['a host id that names no resource', ['--bastion', `/subscriptions/${HUB}/resourceGroups/rg-hub`], /--bastion .* is not a full resource id/],
    ['--deep by id without a VM', ['--bastion', hostId, '--deep'], /name the target with --vm/],
    ['unknown flag', ['--demo', '--colour'], /unknown option '--colour'/],
    ['no source', ['--format', 'json'], /--snapshot FILE or --demo/],
    ['live without a host', ['--subscription', '00000000-0000-0000-0000-000000000001'], /needs --bastion/],
    ['deep without a VM', ['--subscription', '00000000-0000-0000-0000-000000000001', '--bastion', 'b', '--deep'], /name the target with --vm/],
    ['guest without deep', ['--subscription', '00000000-0000-0000-0000-000000000001', '--bastion', 'b', '--vm', 'v', '--guest'], /add --deep/],
    ['live options on a snapshot', ['--snapshot', 'a.json', '--save-snapshot', 'b.json'], /--save-snapshot works only with --subscription/],
    ['two sources', ['--demo', '--snapshot', 'a.json'], /not --snapshot and --demo/],
    ['missing value', ['--snapshot'], /'--snapshot' needs a value/],
    ['positional', ['--demo', 'extra'], /unexpected argument 'extra'/],
    ['bad format', ['--demo', '--format', 'xml'], /unknown format 'xml' \(use text, json, sarif\)/],
    ['port not a number', ['--demo', '--port', '22a'], /--port must be a whole number from 1 to 65535, got '22a'/],
    ['port zero', ['--demo', '--port', '0'], /got '0'/],
    ['port too big', ['--demo', '--port', '65536'], /got '65536'/],
    ['rule without level', ['--demo', '--rule', 'vm-not-running'], /expected RULE=LEVEL/],
    ['unknown rule', ['--demo', '--rule', 'no-such-rule=off'], /unknown rule id 'no-such-rule'/],
    ['unknown level', ['--demo', '--rule', 'vm-not-running=fatal'], /unknown level 'fatal'/],
    ['empty --vm', ['--demo', '--vm', ' '], /--vm needs a value/],
  ];
  for (const [name, argv, message] of mistakes) {
    it(`rejects ${name}`, () => {
      assert.throws(() => parseDiagnoseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message) && error.command === 'diagnose');
    });
  }
});
