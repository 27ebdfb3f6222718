// The template engine is loaded once, on the first lint or code action.
type TemplateEngine = typeof import('./engine');

let engine: Promise<TemplateEngine> | undefined;

export function loadTemplateEngine(): Promise<TemplateEngine> {
  engine ??= import('./engine');
  return engine;
}
