// The guest step is opt-in: a modal shows the exact read-only script Run Command would send, and
// only "Run Read-Only Script" lets it run. Closing the dialog stops the whole Deep check.
import * as vscode from 'vscode';
import type { GuestScript } from '../../azure/deep/runCommand';

export type GuestChoice = 'run' | 'skip' | 'cancel';

export async function confirmGuestScript(vmName: string, script: GuestScript): Promise<GuestChoice> {
  const run = vscode.l10n.t('Run Read-Only Script');
  const skip = vscode.l10n.t('Skip');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Also check inside {0}? Bastion Doctor would run this read-only script through VM Run Command ({1}):', vmName, script.commandId),
    { modal: true, detail: script.script },
    run,
    skip,
  );
  return choice === run ? 'run' : choice === skip ? 'skip' : 'cancel';
}
