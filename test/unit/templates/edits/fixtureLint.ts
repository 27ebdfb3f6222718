// Lints template fixture folders and applies edits to them, for the edit tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../src/core/findings';
import { armTemplateSource } from '../../../../src/templates/arm';
import { bicepSource } from '../../../../src/templates/bicep';
import { lintDocuments } from '../../../../src/templates/lint';
import type { TemplateDocument } from '../../../../src/templates/source';
import { terraformParser, terraformSource } from '../../../../src/templates/terraform';
import type { TemplateFormat } from '../../../../src/templates/edits';

export const FIXTURES = join(__dirname, '../../../fixtures/templates');

export const SOURCES = [armTemplateSource, terraformSource, bicepSource];

export async function loadParsers(): Promise<void> {
  await terraformParser();
}

export function fixtureFolders(format: TemplateFormat): string[] {
  const root = join(FIXTURES, format);
  return existsSync(root) ? readdirSync(root).sort() : [];
}

export function fixtureDocuments(format: TemplateFormat, folder: string): TemplateDocument[] {
  const dir = join(FIXTURES, format, folder);
  return readdirSync(dir)
    .sort()
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

export function lint(documents: readonly TemplateDocument[]): Finding[] {
  return lintDocuments(documents, { sources: SOURCES }).report.findings;
}

/** What identifies a finding across edits: its rule, its resource and the flow it is about. */
export function findingKey(finding: Finding): string {
  return `${finding.rule} ${finding.resource.id.toLowerCase()} ${finding.flow ?? ''}`;
}
