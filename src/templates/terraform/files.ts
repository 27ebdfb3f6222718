// Which files of a folder make up a Terraform module, and the shapes the module reader returns.
import type { Topology } from '../../core/model';
import type { ParseDiagnostic, SuppressionComment } from './ast';

export interface TerraformFile {
  path: string;
  text: string;
}

export interface TerraformModuleOptions {
  /** A named .tfvars file (like `-var-file`); applied after terraform.tfvars and *.auto.tfvars. */
  varFile?: string;
  sourceLabel?: string;
}

export interface TerraformModuleResult {
  topology: Topology;
  parseDiagnostics: ParseDiagnostic[];
  suppressions: SuppressionComment[];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at < 0 ? '' : path.slice(0, at);
}

export function isTerraformConfigFile(path: string): boolean {
  return path.endsWith('.tf');
}

export function isTerraformVariablesFile(path: string): boolean {
  return path.endsWith('.tfvars') || path.endsWith('.tfvars.json');
}

/**
 * The variable files Terraform loads by itself, in its order (terraform.tfvars, then
 * terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json by file name), then the named
 * one: later files override earlier ones.
 */
export function variableFilesInOrder(paths: readonly string[], varFile?: string): string[] {
  const auto = ['terraform.tfvars', 'terraform.tfvars.json'].flatMap((name) => paths.filter((p) => baseName(p) === name));
  const byName = (a: string, b: string) => (baseName(a) < baseName(b) ? -1 : baseName(a) > baseName(b) ? 1 : 0);
  const autoNamed = paths.filter((p) => /\.auto\.tfvars(\.json)?$/.test(baseName(p))).sort(byName);
  const named = varFile ? paths.filter((p) => p === varFile && !auto.includes(p) && !autoNamed.includes(p)) : [];
  return [...auto, ...autoNamed, ...named];
}
