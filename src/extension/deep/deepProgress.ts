// The Deep check's notification: cancellable, one line per finished step, and the log gets every
// step's outcome so the trail survives the notification closing.
import * as vscode from 'vscode';
import type { DeepProgress } from '../../azure/deep/deepCheck';

const STATE_MARKS: Record<DeepProgress['state'], string> = { started: '…', done: '✓', incomplete: '⚠', skipped: '–' };

export async function withDeepProgress<T>(log: vscode.LogOutputChannel, work: (signal: AbortSignal, onProgress: (progress: DeepProgress) => void) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bastion Doctor deep check'), cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
    try {
      return await work(controller.signal, (step) => {
        if (step.state === 'started') return;
        log.info(`Deep check: ${step.title}: ${step.state}`);
        progress.report({ message: `${STATE_MARKS[step.state]} ${step.title} (${step.completed}/${step.total})`, increment: 100 / Math.max(1, step.total) });
      });
    } finally {
      subscription.dispose();
    }
  });
}
