// The Bastion Doctor log: one LogOutputChannel for our own messages and for the Azure SDK's,
// always redacted. Users get a one-line message; the details go here.
import * as vscode from 'vscode';
import { loadAzure } from './live/loadAzure';
import { formatLogArguments } from './redact';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Bastion Doctor', { log: true });
}

/**
 * Routes the Azure SDK's log into the channel. Called before the first live read (not at
 * activation, so no SDK module loads until Azure is used); the level follows the channel's.
 */
export async function hookAzureLogger(log: vscode.LogOutputChannel): Promise<vscode.Disposable> {
  const { routeAzureLogs } = await loadAzure();
  const apply = (level: vscode.LogLevel): void => {
    routeAzureLogs((args) => log.debug(formatLogArguments(args)), level === vscode.LogLevel.Trace || level === vscode.LogLevel.Debug);
  };
  apply(log.logLevel);
  return log.onDidChangeLogLevel(apply);
}

/** Logs the full error and shows the user one line with a way to the log. */
export function reportError(log: vscode.LogOutputChannel, what: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  log.error(formatLogArguments([`${what}:`, detail]));
  if (error instanceof Error && error.stack) log.debug(formatLogArguments([error.stack]));
  const showLogs = vscode.l10n.t('Show Logs');
  void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', what, firstLine(formatLogArguments([detail]))), showLogs).then((choice) => {
    if (choice === showLogs) log.show();
  });
}

export function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof Error && error.name === 'AbortError');
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
