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

  const mistakes: [string, string[], RegExp][] = [
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
