// Bicep → Bastion Doctor topology: the public surface of this folder.
export { bicepSource } from './bicepSource';
export { bicepToTopology, type BicepReadOptions } from './toTopology';
export { parseBicep } from './syntax/parser';
export type { BicepProgram, Declaration, Expression, SyntaxDiagnostic } from './syntax/ast';
export { suppressionComments, type SuppressionComment } from './suppressions';
export { findParameters, readBicepparam, type SuppliedParameters } from './parameterFiles';
