// Terraform (azurerm) module → Bastion Doctor topology: the public surface of this folder.
export { loadedTerraformParser, setTerraformWasmDirectory, terraformParser, terraformWasmLocations } from './parser';
export type { ParseDiagnostic, SuppressionComment } from './ast';
export * from './files';
export { terraformModuleToTopology, terraformModuleToTopologyWith } from './readModule';
export { clearTerraformParseCache, terraformSource } from './templateSource';
