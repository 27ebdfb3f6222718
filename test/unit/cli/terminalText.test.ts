// Names with terminal control characters (ESC sequences, BEL, OSC 52 clipboard writes, C1, bidi
// overrides) never reach the terminal raw: text output shows them escaped, JSON and SARIF carry
// them as \u escapes (same parsed value), and stderr messages escape them too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../../src/cli/format/json';
import { formatSarif } from '../../../src/cli/format/sarif';
import { formatText } from '../../../src/cli/format/text';
import { escapeControls } from '../../../src/cli/format/terminalText';
import { run } from '../../../src/cli/run';
import { fakeIo } from './fakeIo';
import { nsgFinding, sampleReport } from './reportFixture';

const HOSTILE: [string, string][] = [
  ['ESC (a colour sequence)', 'nsg\u001b[31mred'],
  ['BEL', 'nsg\u0007bell'],
  ['OSC 52 (writes the clipboard)', 'nsg\u001b]52;c;cm0gLXJmIH4=\u0007'],
  ['C1 CSI', 'nsg\u009b2J'],
  ['DEL', 'nsg\u007f'],
  ['CR (overwrites the line)', 'nsg\rfake'],
  ['a bidi override', 'nsg\u202Eevil'],
  ['a bidi isolate', 'nsg\u2066x\u2069'],
  ['a zero-width space', 'nsg\u200Bx'],
  ['a line separator', 'nsg\u2028x'],
  ['a language tag (astral format control)', 'nsg\u{E0001}x'],
];
/** What a terminal could act on: anything but tab, newline and printable text. */
const RAW_CONTROL = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const hostileReport = (name: string) => sampleReport([{ ...nsgFinding, message: `NSG ${name}: shadowed`, resource: { ...nsgFinding.resource, name }, evidence: [{ label: 'rule', value: name }] }]);

describe('control characters in names are escaped', () => {
  for (const [what, name] of HOSTILE) {
    it(`text output: ${what}`, () => {
      const text = formatText(hostileReport(name), { color: false });
      assert.doesNotMatch(text, RAW_CONTROL);
      assert.ok(text.includes(`NSG ${escapeControls(name)}: shadowed`), text);
    });

    it(`JSON and SARIF: ${what}, same value when parsed`, () => {
      for (const output of [formatJson(hostileReport(name)), formatSarif(hostileReport(name), { baseDirectory: '/' })]) {
        assert.doesNotMatch(output, RAW_CONTROL);
        assert.ok(output.includes('shadowed'));
      }
      const parsed = JSON.parse(formatJson(hostileReport(name))) as { findings: { message: string }[] };
      assert.equal(parsed.findings[0].message, `NSG ${name}: shadowed`);
    });

    it(`stderr: ${what} in a usage error`, async () => {
      const io = fakeIo();
      assert.equal(await run(['lint', name], io), 2);
      assert.doesNotMatch(io.err, RAW_CONTROL);
      assert.ok(io.err.includes(escapeControls(name)), io.err);
    });
  }

  it('colour output keeps its own styling and escapes the name', () => {
    const text = formatText(hostileReport('a\u001b]0;title\u0007'), { color: true });
    assert.ok(text.includes('\u001b[1m'), 'bold still styled');
    assert.ok(text.includes('a\\x1B]0;title\\x07'), text);
  });

  it('shows the escapes readably', () => {
    assert.equal(escapeControls('a\u001bb\u202Ec\u{E0001}d\te\nf'), 'a\\x1Bb\\u202Ec\\u{E0001}d\te\nf');
  });
});
