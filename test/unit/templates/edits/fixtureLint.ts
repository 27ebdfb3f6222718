// Lints template fixture folders and applies edits to them, for the edit tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../src/core/findings';
import { armTemplateSource } from '../../../../src/templates/arm';
import { bicepSource } from '../../../../src/templates/bicep';
import { lintDocuments } from '../../../../src/templates/lint';
import type { TemplateDocument } from '../../../../src/templates/source';
import { terraformParser, terraformSource } from '../../../../src/templates/terraform';
import type { FormatId } from '../../../../src/templates/edits';

export const FIXTURES = join(__dirname, '../../../fixtures/templates');

export const SOURCES = [armTemplateSource, terraformSource, bicepSource];

export async function loadParsers(): Promise<void> {
  await terraformParser();
}

export function fixtureFolders(format: FormatId): string[] {
  const root = join(FIXTURES, format);
  return existsSync(root) ? readdirSync(root).sort() : [];
}

/** The folder's files, subfolders included (a Bicep fixture keeps its local modules in modules/). */
export function fixtureDocuments(format: FormatId, folder: string): TemplateDocument[] {
  const read = (dir: string): TemplateDocument[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? read(path) : [{ path, text: readFileSync(path, 'utf8') }];
      });
  return read(join(FIXTURES, format, folder));
}

export function lint(documents: readonly TemplateDocument[]): Finding[] {
  return lintDocuments(documents, { sources: SOURCES }).report.findings;
}

/** What identifies a finding across edits: its rule, its resource and the flow it is about. */
export function findingKey(finding: Finding): string {
  return `${finding.rule} ${finding.resource.id.toLowerCase()} ${finding.flow ?? ''}`;
}
