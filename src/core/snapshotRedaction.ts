// What a saved snapshot never keeps: credentials and secrets an ARM GET can return (or a resource
// pasted from elsewhere can hold). Every property in SECRET_PROPERTIES is replaced wherever it
// sits, any property named like a credential inside a free-form bag (tags, extension settings,
// run command parameters) too, and secret parts of any string (SAS signatures, account keys in
// connection strings, tokens, private keys). The diagnosis reads none of them.

export const REDACTED = '[redacted by Bastion Doctor]';

/**
 * Properties whose value is a secret wherever they appear (matched case-insensitively):
 * VM and scale set osProfile.adminPassword / customData / secrets, userData, extension
 * protectedSettings, run command protectedParameters, and the usual key names.
 */
export const SECRET_PROPERTIES: readonly string[] = [
  'adminPassword',
  'customData',
  'userData',
  'secrets',
  'protectedSettings',
  'protectedParameters',
  'password',
  'primaryKey',
  'secondaryKey',
  'sharedKey',
  'storageAccountKey',
  'workspaceKey',
  'sasToken',
  'sasUrl',
  'connectionString',
  'privateKey',
  'clientSecret',
  'accessToken',
];
const SECRET_NAMES = new Set(SECRET_PROPERTIES.map((name) => name.toLowerCase()));

/** Bags of user-chosen names: a credential-like name there means its value is one. */
const FREE_FORM_BAGS = new Set(['tags', 'settings', 'parameters']);

/** A user-chosen name that says its value is a credential (`dbPassword`, `apiKey`, `sas-token`, `AccountKey`...). */
const CREDENTIAL_NAME = /password|passwd|passphrase|(^|[^a-z])pass$|pwd|secret|token|(^|[^a-z])(api|access|account|shared|storage|workspace|private|primary|secondary|sub(scription)?)?[-_ ]?key$|credential|connection[-_ ]?string|\bsas\b|signature/i;

/** Secret parts of a string, kept by what they are named and dropped by value. */
const SECRET_IN_TEXT: readonly [RegExp, string][] = [
  // SAS query parameters: the signature (and the tokens of older SAS forms).
  [/((?:^|[?&;\s])(?:sig|signature|token|code)=)[^&\s"';]+/gi, `$1${REDACTED}`],
  // Connection strings: storage, Service Bus / Event Hubs, SQL and the like.
  [/((?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|SharedSecret)\s*=\s*)("[^"]*"|'[^']*'|[^;"'\s]+)/gi, `$1${REDACTED}`],
  // Authorization values and bare JWTs.
  [/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // PEM private keys.
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
];

export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** A copy of `resource` with every secret replaced by REDACTED; the input is not changed. */
export function redactResource<T>(resource: T): T {
  return redactValue(resource, false) as T;
}

function redactValue(value: unknown, inFreeFormBag: boolean): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactNameValuePair(item, inFreeFormBag));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const secret = SECRET_NAMES.has(key.toLowerCase()) || (inFreeFormBag && CREDENTIAL_NAME.test(key));
    copy[key] = secret ? REDACTED : redactValue(inner, FREE_FORM_BAGS.has(key) || (inFreeFormBag && isPlainObject(inner)));
  }
  return copy;
}

/** Run command parameters are `[{ name, value }]`: the name says whether the value is secret. */
function redactNameValuePair(item: unknown, inFreeFormBag: boolean): unknown {
  if (inFreeFormBag && isPlainObject(item) && typeof item.name === 'string' && 'value' in item && CREDENTIAL_NAME.test(item.name)) {
    return { ...(redactValue(item, inFreeFormBag) as object), value: REDACTED };
  }
  return redactValue(item, inFreeFormBag);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
