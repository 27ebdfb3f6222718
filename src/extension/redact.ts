// Removes credentials from text before it reaches the log: the SDK logs request headers and
// bodies at verbose levels, and a token in a log file is a token handed to whoever reads it.

const REDACTED = 'REDACTED';

const PATTERNS: readonly [RegExp, string][] = [
  // Authorization / Proxy-Authorization headers in any common rendering ("name: value", JSON).
  [/("?(?:proxy-)?authorization"?\s*[:=]\s*"?)[^"\r\n,}]*/gi, `$1${REDACTED}`],
  [/\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`],
  // OAuth fields in token responses and form bodies.
  [/("?(?:access_token|refresh_token|id_token|client_secret|client_assertion)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, `$1${REDACTED}`],
  // SAS signatures in URLs.
  [/([?&]sig=)[^&\s"]+/gi, `$1${REDACTED}`],
  // A bare JWT (three base64url segments, the first being a JSON header).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
];

export function redactSecrets(text: string): string {
  return PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** Log arguments joined the way console.log would, then redacted. */
export function formatLogArguments(args: readonly unknown[]): string {
  const text = args.map((arg) => (typeof arg === 'string' ? arg : arg instanceof Error ? arg.message : safeJson(arg))).join(' ');
  return redactSecrets(text);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
