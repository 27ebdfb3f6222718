// Text edits that apply a finding's fix, or silence it, in the template's own syntax. Pure: the
// editor turns them into a WorkspaceEdit, tests apply them to strings.
export { disableEdits } from './disable';
export { applyFileEdits, editableFixes, remedyEdits, type EditableFix } from './fixes';
export { fixAllEdits } from './fixAll';
export { lintFile, lintFiles, type FileLintOptions } from './fileFindings';
export { applyTextEdits, LineIndex } from './text';
export type { FileTextEdit, FormatId } from './types';
