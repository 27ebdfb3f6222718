import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMMAND_HANDLERS, EDITOR_REGISTERED_COMMANDS } from '../../../src/extension/commands/table';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
};
const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();

test('every contributed command has a handler, and every handler a contributed command', () => {
  assert.deepEqual([...Object.keys(COMMAND_HANDLERS), ...EDITOR_REGISTERED_COMMANDS].sort(), contributed);
});

test('the editor module and the table never register the same command twice', () => {
  assert.deepEqual(EDITOR_REGISTERED_COMMANDS.filter((id) => id in COMMAND_HANDLERS), []);
});

test('menus only name contributed commands', () => {
  const inMenus = Object.values(manifest.contributes.menus).flat().map((entry) => entry.command);
  assert.deepEqual(inMenus.filter((command) => !contributed.includes(command)), []);
});

test('every action of the Bastion Hosts tree is also in the palette (keyboard access)', () => {
  const menus = manifest.contributes.menus as Record<string, { command: string; when?: string }[]>;
  const hidden = new Set(menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
  const hostActions = menus['view/item/context'].filter((entry) => entry.when?.includes('view == bastionDoctor.hosts')).map((entry) => entry.command);
  assert.ok(hostActions.length >= 5);
  assert.deepEqual(hostActions.filter((command) => hidden.has(command)), []);
  assert.ok(hidden.has('bastionDoctor.loadMore') && hidden.has('bastionDoctor.internal.copyText'), 'internal commands stay hidden');
});
