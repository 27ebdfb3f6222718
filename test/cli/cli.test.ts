// End-to-end: the built dist/cli.js as a user runs it (scripts/test.mjs builds before this suite).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RULE_IDS } from '../../src/core/catalog';
import { DEMO_LABEL, demoResources } from '../../src/core/demo';

const CLI = resolve('dist/cli.js');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rulesIn = (text: string) => RULE_IDS.filter((id) => text.includes(id));

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run node scripts/build.mjs (scripts/test.mjs cli does)`);
});

describe('bastion-doctor basics', () => {
  it('prints the package version', () => {
    const result = cli(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  it('prints help for the tool and for diagnose', () => {
    assert.match(cli(['--help']).stdout, /diagnose/);
    const diagnoseHelp = cli(['diagnose', '--help']);
    assert.equal(diagnoseHelp.status, 0);
    assert.match(diagnoseHelp.stdout, /--snapshot FILE/);
  });

  it('rejects an unknown flag with exit 2 and a clear message', () => {
    const result = cli(['diagnose', '--demo', '--no-such-flag']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown option '--no-such-flag'/);
    assert.equal(result.stdout, '');
  });

  it('rejects a bad value with exit 2', () => {
    const result = cli(['diagnose', '--demo', '--format', 'yaml']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown format 'yaml'/);
  });
});

describe('bastion-doctor diagnose --snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bastion-doctor-cli-'));
  writeFileSync(join(dir, 'broken.json'), '[\n  {"type": "Microsoft.Network/bastionHosts",}\n  {"type": "x"}\n]\n');
  writeFileSync(join(dir, 'demo-snapshot.json'), JSON.stringify(demoResources(), null, 2));

  it('names file, line and column of a syntax error (exit 2)', () => {
    const result = cli(['diagnose', '--snapshot', 'broken.json'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /broken\.json:3:3: expected a comma/);
  });

  it('names a missing file (exit 2)', () => {
    const result = cli(['diagnose', '--snapshot', 'nowhere.json'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /nowhere\.json: no such file/);
  });

  it('diagnoses a saved snapshot like the live data, pointing SARIF at the file', () => {
    const result = cli(['diagnose', '--snapshot', 'demo-snapshot.json', '--format', 'sarif'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const results = JSON.parse(result.stdout).runs[0].results as { locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    assert.ok(results.length > 0);
    const physical = results[0].locations[0].physicalLocation!;
    assert.equal(physical.artifactLocation.uri, 'demo-snapshot.json');
    assert.ok(physical.region.startLine > 1);
  });

  it('exits 2 when --bastion names no host', () => {
    const result = cli(['diagnose', '--snapshot', 'demo-snapshot.json', '--bastion', 'bas-nowhere'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bas-nowhere/);
  });
});

describe('bastion-doctor diagnose --demo', () => {
  it('labels the demo, finds at least five rules and exits 1 for error findings', () => {
    const result = cli(['diagnose', '--demo']);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.stdout.includes(DEMO_LABEL));
    assert.ok(rulesIn(result.stdout).length >= 5, rulesIn(result.stdout).join(', '));
    assert.match(result.stdout.trimEnd().split('\n').at(-1)!, /^\d+ errors?, \d+ warnings?, \d+ info across 2 Bastion hosts and \d+ VMs$/);
  });

  it('is plain text when piped, coloured with FORCE_COLOR, plain again with FORCE_COLOR=0', () => {
    const esc = String.fromCharCode(27);
    assert.ok(!cli(['diagnose', '--demo']).stdout.includes(esc));
    assert.ok(cli(['diagnose', '--demo'], { env: { FORCE_COLOR: '1' } }).stdout.includes(esc));
    assert.ok(!cli(['diagnose', '--demo'], { env: { FORCE_COLOR: '0' } }).stdout.includes(esc));
  });

  it('writes a JSON report that parses and says it is the demo', () => {
    const result = cli(['diagnose', '--demo', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    assert.equal(report.isDemo, true);
    assert.equal(report.source, DEMO_LABEL);
    assert.ok(new Set(report.findings.map((f: { rule: string }) => f.rule)).size >= 5);
  });

  it('writes SARIF with the rules and one result per finding', () => {
    const json = JSON.parse(cli(['diagnose', '--demo', '--format', 'json']).stdout);
    const sarif = JSON.parse(cli(['diagnose', '--demo', '--format', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.rules.length, RULE_IDS.length);
    assert.equal(sarif.runs[0].results.length, json.findings.length);
    assert.ok(sarif.runs[0].results.every((r: { locations: { logicalLocations?: unknown[] }[] }) => r.locations[0].logicalLocations?.length === 1));
  });

  it('exits 0 once every error rule is downgraded, and drops rules set to off', () => {
    const json = JSON.parse(cli(['diagnose', '--demo', '--format', 'json']).stdout);
    const errorRules = [...new Set<string>(json.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string }) => f.rule))];
    assert.ok(errorRules.length > 0);
    const downgraded = cli(['diagnose', '--demo', '--format', 'json', ...errorRules.flatMap((id) => ['--rule', `${id}=warning`])]);
    assert.equal(downgraded.status, 0);
    const silenced = JSON.parse(cli(['diagnose', '--demo', '--format', 'json', '--rule', `${errorRules[0]}=off`]).stdout);
    assert.ok(!silenced.findings.some((f: { rule: string }) => f.rule === errorRules[0]));
  });
});
