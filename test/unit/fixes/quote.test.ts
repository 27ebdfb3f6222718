import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { armLiteral, bashQuote, bicepString, hclString, powershellQuote } from '../../../src/core/fixes/quote';
import { renderAzCli } from '../../../src/core/fixes/azcli';
import type { Remedy } from '../../../src/core/findings';

const HOSTILE_NAMES = [
  'plain-name',
  "it's",
  "''",
  'two words',
  '$(touch /tmp/bastion-doctor-pwned)',
  '`id`',
  'a;rm -rf ~',
  'line1\nline2',
  'tab\there',
  '*',
  '~',
  '$HOME',
  '${HOME}',
  '"double"',
  'back\\slash',
  'nön-ascii-名前-🚀',
  '-starts-with-dash',
  '!bang',
  'a|b&c>d<e',
  '#hash',
  '',
];

function bashEcho(word: string): string {
  const result = spawnSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

void describe('bashQuote', () => {
  for (const name of HOSTILE_NAMES) {
    void it(`round-trips ${JSON.stringify(name)} through bash`, () => {
      assert.equal(bashEcho(bashQuote(name)), name);
    });
  }

  void it('leaves plain Azure names unquoted for readability', () => {
    assert.equal(bashQuote('rg-hub'), 'rg-hub');
    assert.equal(bashQuote('/subscriptions/x/resourceGroups/rg'), '/subscriptions/x/resourceGroups/rg');
  });
});

void describe('generated az CLI carries hostile names to az unchanged', () => {
  // `az` is replaced by a shell function that prints each argument on its own NUL-terminated record.
  function azArguments(snippet: string): string[][] {
    const script = `az() { printf '%s\\0' "$@"; printf '\\n'; }\n${snippet}`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => line.split('\0').slice(0, -1));
  }

  for (const name of HOSTILE_NAMES.filter((n) => n !== '' && !n.includes('\n'))) {
    void it(`nsg rule create keeps ${JSON.stringify(name)}`, () => {
      // ARM names never contain '/', which separates id segments; rule names and descriptions may hold anything.
      const idName = name.includes('/') ? 'nsg-bastion' : name;
      const remedy: Remedy = {
        kind: 'add-security-rules',
        nsg: { id: `/subscriptions/s/resourceGroups/${idName}/providers/Microsoft.Network/networkSecurityGroups/${idName}`, name: idName },
        rules: [
          {
            name,
            priority: 140,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: 'Internet',
            destinationAddressPrefix: '*',
            destinationPortRanges: ['443'],
            description: name,
          },
        ],
      };
      const [args] = azArguments(renderAzCli(remedy) ?? '');
      const valueOf = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
      assert.equal(valueOf('--resource-group'), idName);
      assert.equal(valueOf('--nsg-name'), idName);
      assert.equal(valueOf('--name'), name);
      assert.equal(valueOf('--description'), name);
      assert.equal(valueOf('--source-port-ranges'), '*');
      assert.equal(valueOf('--destination-address-prefixes'), '*');
    });
  }

  void it('stops with a clear message when a user-supplied value is missing', () => {
    const remedy: Remedy = { kind: 'enable-bastion-diagnostics', bastion: { id: '/providers/Microsoft.Network/bastionHosts/$(id)"}', name: '$(id)"}' } };
    const result = spawnSync('bash', ['-c', `az() { echo ran; }\n${renderAzCli(remedy) ?? ''}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.notEqual(result.status, 0);
    assert.doesNotMatch(result.stdout, /ran/);
    assert.match(result.stderr, /BASTION_ID: set BASTION_ID to the resource id of Bastion host/);
  });
});

void describe('guard lines survive a paste into an interactive bash', () => {
  // An interactive shell expands `!` (history) before it parses: the test pastes through `bash -i`.
  // ARM names hold no '/'; a paste through readline loses control characters (they are key bindings).
  const names = [...HOSTILE_NAMES.filter((n) => !/[\n/]/.test(n)), "vm!1 it's", '$(touch bastion-doctor-guard-pwned)', '`touch bastion-doctor-guard-pwned`', 'esc\u001b]52;c;aGk=\u0007', "}'}\"}"];
  const pasted = (name: string) => ([...name].some((c) => c.charCodeAt(0) < 0x20) ? '' : name);
  for (const name of names) {
    void it(`keeps ${JSON.stringify(name)} literal in the message, runs nothing`, () => {
      const remedy: Remedy = { kind: 'enable-bastion-diagnostics', bastion: { id: `/providers/Microsoft.Network/bastionHosts/${name}`, name } };
      const snippet = renderAzCli(remedy) ?? '';
      const guard = snippet.split('\n').find((line) => line.includes(':?'));
      assert.ok(guard, snippet);
      const home = mkdtempSync(join(tmpdir(), 'guard-paste-'));
      const result = spawnSync('bash', ['--norc', '--noprofile', '-i'], {
        cwd: home,
        input: `az() { echo ran; }\n${guard}\necho "guard-done"\n`,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: home, PS1: '' },
      });
      assert.doesNotMatch(result.stderr, /event not found|syntax error|bad substitution/, result.stderr);
      assert.ok(result.stderr.includes(`set BASTION_ID to the resource id of Bastion host ${pasted(name)}`), result.stderr);
      assert.match(result.stdout, /guard-done/);
      assert.ok(!existsSync(join(home, 'bastion-doctor-guard-pwned')), 'no command in the name ran');
    });
  }

  void it('lets a set value through without expanding it', () => {
    const remedy: Remedy = { kind: 'enable-bastion-diagnostics', bastion: { id: '/providers/Microsoft.Network/bastionHosts/b', name: 'b' } };
    const guard = (renderAzCli(remedy) ?? '').split('\n').find((line) => line.includes(':?'));
    const result = spawnSync('bash', ['-c', `shopt -s failglob; BASTION_ID='/x/*[' ; ${guard} && echo passed`], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), 'passed', result.stderr);
  });
});

/** Reads a PowerShell single-quoted literal back, rejecting any quote that would end it early. */
function readPowerShellLiteral(literal: string): string {
  assert.ok(literal.startsWith("'") && literal.endsWith("'") && literal.length >= 2, literal);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (/['\u2018\u2019\u201A\u201B]/.test(ch)) {
      assert.equal(body[i + 1], ch, `unpaired quote at ${i} in ${literal}`);
      i += 1;
    }
    out += ch;
  }
  return out;
}

void describe('powershellQuote', () => {
  const names = [...HOSTILE_NAMES, 'curly ‘quotes’ and ‚low‛', "mixed '‘"];
  for (const name of names) {
    void it(`is one inert literal for ${JSON.stringify(name)}`, () => {
      assert.equal(readPowerShellLiteral(powershellQuote(name)), name);
    });
  }
});

void describe('template string literals', () => {
  void it('escapes HCL quotes, backslashes and template sequences', () => {
    assert.equal(hclString('a"b\\c ${x} %{y}\nz'), '"a\\"b\\\\c $${x} %%{y}\\nz"');
  });

  void it('escapes Bicep quotes, backslashes and interpolation', () => {
    assert.equal(bicepString("it's \\ ${x}\n"), "'it\\'s \\\\ \\${x}\\n'");
  });

  void it('keeps ARM strings that look like expressions literal', () => {
    assert.equal(armLiteral('[concat()]'), '[[concat()]');
    assert.equal(armLiteral('[not-an-expression'), '[not-an-expression');
    assert.equal(armLiteral('plain'), 'plain');
  });
});
