// Turns a Remedy (what to change) into copy-pasteable snippets, one per language that applies.
import type { Fix, Remedy, SnippetLanguage } from '../findings';
import { renderAzCli } from './azcli';
import { renderPowerShell } from './powershell';
import { renderArm } from './arm';
import { renderBicep } from './bicep';
import { renderTerraform } from './terraform';
import { remedyNotes } from './notes';

type Renderer = (remedy: Remedy) => string | undefined;

const RENDERERS: readonly [SnippetLanguage, Renderer][] = [
  ['azcli', renderAzCli],
  ['powershell', renderPowerShell],
  ['arm', renderArm],
  ['bicep', renderBicep],
  ['terraform', renderTerraform],
];

/** Snippets for every language where the remedy makes sense; absent languages do not apply. */
export function renderRemedy(remedy: Remedy): Partial<Record<SnippetLanguage, string>> {
  const snippets: Partial<Record<SnippetLanguage, string>> = {};
  for (const [language, render] of RENDERERS) {
    const text = render(remedy);
    if (text !== undefined && text.trim().length > 0) snippets[language] = text;
  }
  return snippets;
}

/**
 * A Fix whose snippets are rendered on first read; notes combine the caller's with the remedy's
 * own warnings. Most fixes are never displayed (a lint run over a large template, the editor's
 * diagnostics before a quick fix is asked for), so five languages are not rendered for each.
 * `snippets` stays an ordinary enumerable property for readers and JSON.
 */
export function buildFix(title: string, remedy: Remedy, notes: string[] = []): Fix {
  const allNotes = [...notes, ...remedyNotes(remedy)];
  let snippets: Fix['snippets'] | undefined;
  const fix = { title, remedy } as Fix;
  Object.defineProperty(fix, 'snippets', {
    enumerable: true,
    get: () => (snippets ??= renderRemedy(remedy)),
    set: (value: Fix['snippets']) => (snippets = value),
  });
  if (allNotes.length > 0) fix.notes = allNotes;
  return fix;
}
