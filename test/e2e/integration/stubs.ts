// Extension tests may not show dialogs: the window functions a command would show one with are
// replaced for the length of a call, answering as a user would and recording what was shown.
// The test bundle is loaded from inside the extension's folder, so it shares the extension's
// `vscode` API object and the replacement is what the extension's handlers call.
import * as vscode from 'vscode';

type WindowFunction =
  | 'showInformationMessage'
  | 'showWarningMessage'
  | 'showErrorMessage'
  | 'showQuickPick'
  | 'showInputBox'
  | 'showOpenDialog'
  | 'showSaveDialog';

export interface Shown {
  kind: WindowFunction;
  message: string;
  args: unknown[];
}

export type Answers = Partial<Record<WindowFunction, (...args: unknown[]) => unknown>>;

const MESSAGE_FUNCTIONS: WindowFunction[] = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'showInputBox', 'showOpenDialog', 'showSaveDialog'];

/** Runs `action` with every dialog answered by `answers` (default: dismissed) and returns what was shown. */
export async function withAnswers(answers: Answers, action: () => PromiseLike<unknown>): Promise<Shown[]> {
  const window = vscode.window as unknown as Record<WindowFunction, unknown>;
  const saved = new Map(MESSAGE_FUNCTIONS.map((name) => [name, window[name]]));
  const shown: Shown[] = [];
  for (const name of MESSAGE_FUNCTIONS) {
    window[name] = (...args: unknown[]) => {
      shown.push({ kind: name, message: typeof args[0] === 'string' ? args[0] : '', args });
      return Promise.resolve(answers[name]?.(...args));
    };
  }
  try {
    await action();
    // Handlers show some messages without awaiting them; let those calls land.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    for (const [name, original] of saved) window[name] = original;
  }
  return shown;
}

/** The first quick-pick item (what Enter picks). */
export async function firstItem(items: unknown): Promise<unknown> {
  const list = (await items) as unknown[];
  return list[0];
}
