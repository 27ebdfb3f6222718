// The one door from the extension into src/azure at run time. In the bundle it is a separate file
// (dist/azure.js, see scripts/build.mjs) loaded on the first live read, so the Azure SDK and our
// Azure code cost nothing at activation. Type-only imports from src/azure are fine anywhere.
export type AzureLayer = typeof import('../../azure/index');

let layer: Promise<AzureLayer> | undefined;

export function loadAzure(): Promise<AzureLayer> {
  layer ??= import('../../azure/index');
  return layer;
}
