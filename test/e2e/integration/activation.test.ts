// The extension is found, activates, and registers a handler for every command it contributes.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activatedExtension } from './support';

interface ContributedCommand {
  command: string;
}

suite('activation', () => {
  test('the extension is installed and activates', async () => {
    const extension = await activatedExtension();
    assert.equal(extension.isActive, true);
  });

  test('every contributed command has a handler', async () => {
    const extension = await activatedExtension();
    const contributed = (extension.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length >= 10, 'package.json contributes the Bastion Doctor commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands without a handler: ${missing.join(', ')}`);
  });
});
