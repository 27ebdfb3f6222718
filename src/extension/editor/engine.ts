// Everything heavy the editor needs from src/templates (parsers, evaluators, checks, edits),
// behind one module that is imported on first lint, so activation parses nothing.
export { disableEdits, editableFixes, fixAllEdits, lintFile, lintFiles } from '../../templates/edits';
export { prepareTemplateSources } from '../../templates/sources';
export { callSiteOf, followLocalModules, moduleCallSites, type ModuleCallSite } from '../../templates/bicep/moduleFiles';
