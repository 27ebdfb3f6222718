import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run } from '../../../src/cli/run';
import { fakeIo } from './fakeIo';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('run (dispatch)', () => {
  it('prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const io = fakeIo();
      assert.equal(await run([flag], io), 0);
      assert.equal(io.out, `${version}\n`);
    }
  });

  it('prints general help on --help and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = fakeIo();
      assert.equal(await run(argv, io), 0);
      assert.match(io.out, /Commands:\n {2}diagnose/);
    }
  });

  it('prints the command help on diagnose --help and help diagnose', async () => {
    for (const argv of [['diagnose', '--help'], ['help', 'diagnose']]) {
      const io = fakeIo();
      assert.equal(await run(argv, io), 0);
      assert.match(io.out, /--snapshot FILE/);
    }
  });

  it('exits 2 with help on stderr when called without arguments', async () => {
    const io = fakeIo();
    assert.equal(await run([], io), 2);
    assert.equal(io.out, '');
    assert.match(io.err, /Usage:/);
  });

  const usageErrors: [string[], RegExp][] = [
    [['frobnicate'], /^bastion-doctor: unknown command 'frobnicate' \(commands: diagnose.*\)\nRun 'bastion-doctor --help' for usage\.\n$/],
    [['--bogus'], /unknown option '--bogus'/],
    [['diagnose', '--demo', '--bogus'], /unknown option '--bogus'\nRun 'bastion-doctor diagnose --help' for usage/],
    [['diagnose', '--snapshot', 'missing.json'], /^bastion-doctor: missing\.json: no such file\n/],
    [['diagnose', '--snapshot', 'broken.json'], /^bastion-doctor: broken\.json:3:3: expected a comma\n/],
    [['diagnose', '--snapshot', 'object.json'], /^bastion-doctor: object\.json:1:1: expected a JSON array of ARM resources/],
    [['diagnose', '--snapshot', 'untyped.json'], /^bastion-doctor: untyped\.json:2:3: resource #0 has no "type" string/],
  ];
  const files = {
    'broken.json': '[\n  { "type": "Microsoft.Network/bastionHosts" }\n  { "type": "x" }\n]\n',
    'object.json': '{ "hello": 1 }',
    'untyped.json': '[\n  { "name": "bas" }\n]',
  };
  for (const [argv, message] of usageErrors) {
    it(`exits 2 for ${argv.join(' ')}`, async () => {
      const io = fakeIo(files);
      assert.equal(await run(argv, io), 2);
      assert.match(io.err, message);
      assert.equal(io.out, '');
    });
  }

  it('colours the demo report on a terminal unless NO_COLOR is set', async () => {
    const esc = String.fromCharCode(27);
    const tty = fakeIo({}, { isTTY: true });
    assert.equal(await run(['diagnose', '--demo'], tty), 1);
    assert.ok(tty.out.includes(esc));
    const noColor = fakeIo({}, { isTTY: true, env: { NO_COLOR: '1' } });
    await run(['diagnose', '--demo'], noColor);
    assert.ok(!noColor.out.includes(esc));
  });

  it('reads the snapshot through the injected io and reports what the mapper skipped on stderr', async () => {
    const pip = { type: 'Microsoft.Network/publicIPAddresses', name: 'pip', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip' };
    const snapshot = JSON.stringify([pip, pip]);
    const io = fakeIo({ 'one.json': snapshot });
    assert.equal(await run(['diagnose', '--snapshot', 'one.json', '--format', 'json'], io), 0);
    assert.equal(JSON.parse(io.out).source, 'snapshot one.json');
    assert.match(io.err, /^warning: .*appears more than once/);
  });
});
