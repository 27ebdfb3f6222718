// Loads a fixture folder (or inline files) through the Terraform source, for the tests here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraformModuleToTopology, type TerraformFile, type TerraformModuleResult } from '../../../../src/templates/terraform';

export const FIXTURES = join(__dirname, '../../../fixtures/templates/terraform');

export function fixtureFiles(folder: string): TerraformFile[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir).sort().map((name) => ({ path: `${folder}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

export function loadFixture(folder: string, options: { varFile?: string } = {}): Promise<TerraformModuleResult> {
  return terraformModuleToTopology(fixtureFiles(folder), options);
}

/** The zero-based line an origin starts on, or undefined. */
export function lineOf(origin: unknown): number | undefined {
  const value = origin as { kind?: string; range?: { start: { line: number } } } | undefined;
  return value?.kind === 'file' ? value.range?.start.line : undefined;
}
