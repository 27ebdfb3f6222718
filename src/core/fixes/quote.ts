// Literal quoting for every snippet language, so a name with quotes, `$(...)`, backticks,
// semicolons or newlines reaches Azure exactly as written and never runs as code.

/** Characters a bash word may hold unquoted without expansion or splitting. */
const BASH_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A bash word that the shell turns back into exactly `value`. */
export function bashQuote(value: string): string {
  if (BASH_SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell single-quoted literal. PowerShell also treats the typographic quotes
 * U+2018..U+201B as single quotes, so each is doubled like `'`.
 */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** A double-quoted HCL string literal with `${` and `%{` template sequences escaped. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

/** A Bicep single-quoted string; `${` would start interpolation, so `$` before `{` is escaped. */
export function bicepString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '\\${');
  return `'${escaped}'`;
}

/**
 * An ARM template string value that is never read as an expression: a literal that starts
 * with `[` and ends with `]` must start with `[[` instead.
 */
export function armLiteral(value: string): string {
  return value.startsWith('[') && value.endsWith(']') ? `[${value}` : value;
}

/** A `#`-comment line for bash, PowerShell or HCL, with the text kept on one line. */
export function hashComment(text: string): string {
  return `# ${oneLine(text)}`;
}

/** A `//`-comment line for Bicep or HCL. */
export function slashComment(text: string): string {
  return `// ${oneLine(text)}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
