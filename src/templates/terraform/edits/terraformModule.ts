// The parsed .tf files of one module, with lookups the Terraform edits need.
import type { SourceRange } from '../../../core/model';
import type { Attribute, Block, Expr } from '../ast';
import { isTerraformConfigFile, isTerraformVariablesFile } from '../files';
import { loadedTerraformParser } from '../parser';
import { parseModuleFile } from '../readModule';
import { parseTerraformFile } from '../syntax';
import type { TemplateDocument } from '../../source';
import { LineIndex } from '../../edits/text';

export interface TerraformFile {
  path: string;
  text: string;
  index: LineIndex;
  blocks: Block[];
}

export interface TerraformModule {
  files: TerraformFile[];
  /** .tfvars files: they can set any variable, so edits never touch a variable they assign. */
  assignedVariables: Set<string>;
}

/** Undefined until the host has awaited terraformParser(). */
export function readTerraformModule(documents: readonly TemplateDocument[]): TerraformModule | undefined {
  const parser = loadedTerraformParser();
  if (!parser) return undefined;
  const files: TerraformFile[] = [];
  const assignedVariables = new Set<string>();
  for (const doc of documents) {
    if (isTerraformVariablesFile(doc.path)) {
      for (const name of parseModuleFile(parser, doc).body.attributes.keys()) assignedVariables.add(name);
    } else if (isTerraformConfigFile(doc.path)) {
      const parsed = parseTerraformFile(parser, doc.path, doc.text);
      files.push({ path: doc.path, text: doc.text, index: new LineIndex(doc.text), blocks: parsed.body.blocks });
    }
  }
  return { files, assignedVariables };
}

export interface Located {
  file: TerraformFile;
  block: Block;
}

/** The block (top level or nested) whose range starts where `range` starts. */
export function blockAt(module: TerraformModule, path: string, range: SourceRange): Located | undefined {
  const file = module.files.find((f) => f.path === path);
  if (!file) return undefined;
  const visit = (blocks: Block[]): Block | undefined => {
    for (const block of blocks) {
      if (block.range.start.line === range.start.line && block.range.start.character === range.start.character) return block;
      const inner = visit(block.body.blocks);
      if (inner) return inner;
    }
    return undefined;
  };
  const block = visit(file.blocks);
  return block ? { file, block } : undefined;
}

export function resources(module: TerraformModule, type: string): Located[] {
  return module.files.flatMap((file) => file.blocks.filter((b) => b.type === 'resource' && b.labels[0] === type).map((block) => ({ file, block })));
}

export function literalOf(attribute: Attribute | undefined): string | number | boolean | null | undefined {
  return attribute?.value.kind === 'literal' ? attribute.value.value : undefined;
}

export function textOf(file: TerraformFile, range: SourceRange): string {
  return file.text.slice(file.index.offsetAt(range.start), file.index.offsetAt(range.end));
}

/** `azurerm_x.label.attr` written plainly. */
export function referencesResource(expr: Expr, type: string, label: string): boolean {
  if (expr.kind !== 'getAttr') return false;
  const owner = expr.target;
  return owner.kind === 'getAttr' && owner.name === label && owner.target.kind === 'variable' && owner.target.name === type;
}

/** The `variable "name"` block a `var.name` expression refers to, if any. */
export function variableOf(module: TerraformModule, expr: Expr): Located | undefined {
  if (expr.kind !== 'getAttr' || expr.target.kind !== 'variable' || expr.target.name !== 'var') return undefined;
  const name = expr.name;
  for (const file of module.files) {
    const block = file.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
    if (block) return { file, block };
  }
  return undefined;
}
