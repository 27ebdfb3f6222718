// Translators start from l10n/bundle.l10n.json; it must hold exactly the strings the code localizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('l10n/bundle.l10n.json matches the vscode.l10n.t strings in src/extension', () => {
  const check = spawnSync(process.execPath, ['scripts/l10n.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});
