// Registers every template format with the lint engine. Terraform's parser is WebAssembly that
// loads asynchronously, so hosts (CLI, editor) await this once before linting.
import { registerTemplateSource } from './lint';
import { terraformParser, terraformSource } from './terraform';

let prepared: Promise<void> | undefined;

export function prepareTemplateSources(): Promise<void> {
  prepared ??= (async () => {
    registerTemplateSource(terraformSource);
    // A parser that cannot load leaves each .tf file with one diagnostic saying so, not a crash.
    await terraformParser().catch(() => undefined);
  })();
  return prepared;
}
