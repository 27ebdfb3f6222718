// Writes l10n/bundle.l10n.json: every string the extension passes to vscode.l10n.t, keyed by
// itself (the format @vscode/l10n-dev produces), so translators have one file to start from.
// `node scripts/l10n.mjs --check` fails when the file is out of date (a unit test runs it).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const bundlePath = join(root, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The first argument of every `l10n.t(...)` call that is a plain string. */
export function extractMessages(files = sourceFiles(join(root, 'src', 'extension'))) {
  const messages = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
        const [first] = node.arguments;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.set(first.text, relative(root, file));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries([...messages.keys()].sort().map((message) => [message, message]));
}

export function bundleText() {
  return `${JSON.stringify(extractMessages(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const text = bundleText();
  if (process.argv.includes('--check')) {
    if (readFileSync(bundlePath, 'utf8') !== text) {
      console.error('l10n/bundle.l10n.json is out of date: run node scripts/l10n.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(bundlePath, text);
    console.log(`${Object.keys(JSON.parse(text)).length} strings in ${relative(root, bundlePath)}`);
  }
}
