// Progress only for slow work: quick operations finish before any notification appears, slow
// ones show a cancellable one after the delay. Cancelling aborts the requests in flight.
import * as vscode from 'vscode';

export const PROGRESS_DELAY_MS = 1000;

export async function withDelayedProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>, delayMs = PROGRESS_DELAY_MS): Promise<T> {
  const controller = new AbortController();
  const task = work(controller.signal);
  let settled = false;
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const subscription = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
      try {
        await task.catch(() => undefined);
      } finally {
        subscription.dispose();
      }
    });
  }, delayMs);
  try {
    return await task;
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
