// Every contributed command and its handler. Handlers are imported when first run, which keeps
// activation cheap and lets a unit test compare this table with package.json without vscode.
import type { App } from '../app';

export type CommandHandler = (app: App, ...args: unknown[]) => Promise<void>;

export const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  'bastionDoctor.diagnose': async (app, node) => (await import('./diagnose')).diagnoseCommand(app, node),
  'bastionDoctor.deepCheck': async (app, node) => (await import('./deepCheck')).deepCheckCommand(app, node),
  'bastionDoctor.openDemo': async (app) => (await import('./sources')).openDemo(app),
  'bastionDoctor.openSnapshot': async (app) => (await import('./sources')).openSnapshot(app),
  'bastionDoctor.saveSnapshot': async (app) => (await import('./sources')).saveSnapshot(app),
  'bastionDoctor.signIn': async (app) => (await import('./sources')).signIn(app),
  'bastionDoctor.selectSubscriptions': async (app) => (await import('./sources')).selectSubscriptions(app),
  'bastionDoctor.refresh': async (app) => app.hosts.refresh(),
  'bastionDoctor.filter': async (app) => (await import('./sources')).filterHosts(app),
  'bastionDoctor.loadMore': async (app, parentId) => {
    if (typeof parentId === 'string') app.hosts.loadMore(parentId);
  },
  'bastionDoctor.copyNativeClientCommand': async (app, node) => (await import('./resources')).copyNativeClientCommand(app, node),
  'bastionDoctor.openInPortal': async (app, node) => (await import('./resources')).openInPortal(app, node),
  'bastionDoctor.copyResourceId': async (app, node) => (await import('./resources')).copyResourceId(app, node),
  'bastionDoctor.lintWorkspace': async (app) => (await import('../editor/register')).lintWorkspace(app.log),
  'bastionDoctor.showLogs': async (app) => app.log.show(),
  'bastionDoctor.showReport': async (app) => (await import('../report/panel')).showReportPanel(app),
  'bastionDoctor.copyReportMarkdown': async (app) => (await import('./report')).copyReportMarkdown(app),
  'bastionDoctor.copyFixSnippet': async (app, node) => (await import('./fixes')).copyFixSnippet(app, node),
  'bastionDoctor.runFixInTerminal': async (app, node) => (await import('./fixes')).runFixInTerminal(app, node),
  // A rule id (the editor's code action) or a finding node (the Diagnosis view's menu).
  'bastionDoctor.showRuleDocumentation': async (app, target) => (await import('./fixes')).showRuleDocumentation(app, target),
};

/** Contributed commands the editor module (src/extension/editor/) registers itself. */
export const EDITOR_REGISTERED_COMMANDS: readonly string[] = ['bastionDoctor.internal.copyText'];
