// The Azure layer as the extension loads it, through src/extension/live/loadAzure.ts: the build
// makes this its own bundle (dist/azure.js), so activation parses none of it or of the SDK.
export { createAzureClients, PUBLIC_ARM_ENDPOINT } from './clients';
export { credentialFromTokenProvider } from './credentials';
export { readForDiagnosis } from './readDiagnosis';
export { topologyFromRead } from './topology';
export { loadInventory } from './inventory';
export { runDeepCheck, withDeepEvidence, DEEP_STEP_TITLES } from './deep/deepCheck';
export { guestScriptFor, guestScriptOf } from './deep/runCommand';
export { resolveTarget } from './deep/target';
export { routeAzureLogs } from './logging';
