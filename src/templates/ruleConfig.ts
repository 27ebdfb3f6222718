// Rule levels from a `bastion-doctor.json` file, read the same by the CLI and the editor:
//   { "rules": { "bastion-diagnostics-disabled": "off", "vm-not-running": "error" } }
// The nearest one wins, searched from the linted file's folder upward to the repository root (the
// first folder with a `.git`) or the file-system root. Comments and trailing commas are allowed.
// A mistake in it is a problem naming the file and line, never an exception; the valid entries
// still apply. The VS Code setting bastionDoctor.rules and the CLI's --rule are layered on top.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { dirname, join } from 'node:path';
import { isRuleId } from '../core/catalog';
import { LineIndex } from '../core/lineIndex';
import type { SourceRange } from '../core/model';
import { isSeverityOverride, SEVERITY_OVERRIDE_VALUES, type SeverityOverrides } from '../core/severity';
import type { TemplateFileReader } from './fileReader';

export const RULE_CONFIG_FILE = 'bastion-doctor.json';

export interface RuleConfigProblem {
  file: string;
  range: SourceRange;
  message: string;
}

export interface RuleConfig {
  /** The file the levels came from; undefined when no config file was found. */
  file?: string;
  rules: SeverityOverrides;
  problems: RuleConfigProblem[];
}

export const NO_RULE_CONFIG: RuleConfig = { rules: {}, problems: [] };

export function parseRuleConfig(file: string, text: string): RuleConfig {
  const index = new LineIndex(text);
  const problems: RuleConfigProblem[] = [];
  const problem = (offset: number, length: number, message: string) => problems.push({ file, range: index.rangeOf(offset, length), message });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const [syntax] = errors;
  if (syntax) {
    problem(syntax.offset, syntax.length, `not valid JSON (${printParseErrorCode(syntax.error)}); no rule levels were read from it`);
    return { file, rules: {}, problems };
  }
  if (root?.type !== 'object') {
    problem(root?.offset ?? 0, root?.length ?? 0, 'expected an object like { "rules": { "<rule-id>": "off" } }');
    return { file, rules: {}, problems };
  }
  const rules: SeverityOverrides = {};
  for (const [key, value] of properties(root)) {
    if (key.value !== 'rules') {
      problem(key.offset, key.length, `unknown setting '${String(key.value)}' (the file holds "rules")`);
      continue;
    }
    if (value?.type !== 'object') {
      problem(value?.offset ?? key.offset, value?.length ?? key.length, '"rules" must be an object of rule ids and levels');
      continue;
    }
    for (const [rule, level] of properties(value)) {
      const id = String(rule.value);
      const text = level?.type === 'string' ? String(level.value).toLowerCase() : undefined;
      if (!isRuleId(id)) problem(rule.offset, rule.length, `unknown rule id '${id}'`);
      else if (text === undefined || !isSeverityOverride(text)) problem(level?.offset ?? rule.offset, level?.length ?? rule.length, `the level of ${id} must be one of ${SEVERITY_OVERRIDE_VALUES.join(', ')}`);
      else rules[id] = text;
    }
  }
  return { file, rules, problems };
}

function properties(object: Node): [key: Node, value: Node | undefined][] {
  return (object.children ?? []).flatMap((property) => (property.children?.[0] ? [[property.children[0], property.children[1]] as [Node, Node | undefined]] : []));
}

/** The rule config that applies to the file at `path`. */
export async function findRuleConfig(path: string, reader: TemplateFileReader): Promise<RuleConfig> {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const candidate = join(folder, RULE_CONFIG_FILE);
    const text = await reader.readText(candidate);
    if (text !== undefined) return parseRuleConfig(candidate, text);
    if (dirname(folder) === folder || (await reader.exists(join(folder, '.git')))) return NO_RULE_CONFIG;
  }
}

/** The config's levels with `overrides` (the editor's setting, the CLI's --rule) on top. */
export function layeredOverrides(config: RuleConfig, overrides: SeverityOverrides): SeverityOverrides {
  return { ...config.rules, ...overrides };
}
