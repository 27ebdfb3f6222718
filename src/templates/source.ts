// What a template format (ARM JSON now; Bicep and Terraform later) gives the lint engine.
import type { SourceRange, Topology } from '../core/model';

export interface TemplateDocument {
  path: string;
  text: string;
}

/** Something the source could not read or expand; reported as check-incomplete at that place. */
export interface ParseDiagnostic {
  file: string;
  range: SourceRange;
  message: string;
  /**
   * A syntax error (or a file that could not be read at all): part of the file may not have been
   * parsed, so resources in it may be unread. The CLI fails the run on these (fail-closed).
   */
  unparsed?: true;
}

/** Findings of `rules` are silenced for `resourceId` (and its children) and anything inside `range`. */
export interface TemplateSuppression {
  file: string;
  range: SourceRange;
  resourceId?: string;
  rules: string[];
}

export interface TemplateTopology {
  topology: Topology;
  parseDiagnostics: ParseDiagnostic[];
  suppressions: TemplateSuppression[];
}

export interface TemplateSource {
  /** 'arm', 'bicep', 'terraform'. */
  id: string;
  /** Whether this source lints the file. */
  matches(path: string, text: string): boolean;
  /** Files read only as input to another file (ARM parameters files); never linted on their own. */
  isCompanion?(path: string, text: string): boolean;
  /**
   * Which other documents `toTopology` sees: the files in the same folder (the default: parameters
   * files, a Terraform module), or every document of the run (Bicep modules live in subfolders).
   */
  siblingScope?: 'folder' | 'all';
  /**
   * 'folder': every file of a folder yields the same topology (a Terraform module), so the engine
   * reads and diagnoses the folder once per run. Default 'document': each file is its own template.
   */
  topologyScope?: 'document' | 'folder';
  toTopology(doc: TemplateDocument, siblings: readonly TemplateDocument[]): TemplateTopology;
}
