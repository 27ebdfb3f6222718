// Everything heavy the editor needs from src/templates (the format registry, parsers, evaluators,
// checks, edits), behind one module that is imported on first lint, so activation parses nothing.
export { disableEdits, editableFixes, fixAllEdits, lintFile, lintFiles } from '../../templates/edits';
export { formatOfFile, prepareTemplateFormats } from '../../templates/formats';
export { filesLintedWith, gatherDocuments } from '../../templates/gather';
export { callSiteOf, moduleCallSites, type ModuleCallSite } from '../../templates/bicep/moduleFiles';
export { findRuleConfig, layeredOverrides, RULE_CONFIG_FILE, type RuleConfig } from '../../templates/ruleConfig';
