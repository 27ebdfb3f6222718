// Command-line parsing with node:util parseArgs: every mistake becomes a UsageError (exit 2)
// that names the option and what was expected.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isResourceId, parseResourceId } from '../core/resourceId';
import { parseSeverityOverride, type SeverityOverrides } from '../core/severity';
import { UsageError } from './usageError';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Where the topology comes from. */
export type DiagnoseSource =
  | { kind: 'snapshot'; file: string }
  | { kind: 'demo' }
  /** `subscription`: where names are looked up (--subscription, else the one in the host's id). */
  | { kind: 'live'; subscription: string; armEndpoint?: string; auth?: string; saveSnapshot?: string; requestTimeoutMs?: number; timeoutMs?: number };

export interface DiagnoseArgs {
  help: boolean;
  source?: DiagnoseSource;
  bastion?: string;
  vm?: string;
  port?: number;
  format: OutputFormat;
  ruleOverrides: SeverityOverrides;
  /** Run the slower platform checks too (live Azure only). */
  deep: boolean;
  /** With --deep: also run the read-only guest script (after confirmation, or --yes). */
  guest: boolean;
  assumeYes: boolean;
}

const DIAGNOSE_OPTIONS = {
  subscription: { type: 'string' },
  'arm-endpoint': { type: 'string' },
  auth: { type: 'string' },
  'save-snapshot': { type: 'string' },
  'request-timeout': { type: 'string' },
  timeout: { type: 'string' },
  deep: { type: 'boolean' },
  guest: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  snapshot: { type: 'string' },
  demo: { type: 'boolean' },
  bastion: { type: 'string' },
  vm: { type: 'string' },
  port: { type: 'string' },
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

export function parseDiagnoseArgs(argv: readonly string[]): DiagnoseArgs {
  const { values } = parseStrict('diagnose', argv, DIAGNOSE_OPTIONS);
  const args: DiagnoseArgs = {
    help: values.help === true,
    format: parseFormat(values.format),
    ruleOverrides: parseRuleOverrides(values.rule ?? []),
    deep: values.deep === true,
    guest: values.guest === true,
    assumeYes: values.yes === true,
  };
  if (args.help) return args;
  args.source = parseSource(values);
  if (args.source.kind === 'live') {
    if (values['arm-endpoint'] !== undefined) args.source.armEndpoint = nonEmpty('--arm-endpoint', values['arm-endpoint']);
    if (values.auth !== undefined) args.source.auth = nonEmpty('--auth', values.auth);
    if (values['save-snapshot'] !== undefined) args.source.saveSnapshot = nonEmpty('--save-snapshot', values['save-snapshot']);
    if (values['request-timeout'] !== undefined) args.source.requestTimeoutMs = parseSeconds('--request-timeout', values['request-timeout']);
    if (values.timeout !== undefined) args.source.timeoutMs = parseSeconds('--timeout', values.timeout);
    if (values.bastion === undefined) throw new UsageError('--subscription needs --bastion NAME_OR_ID (the host to diagnose)', 'diagnose');
    if (values.guest === true && values.deep !== true) throw new UsageError('--guest is part of the deep check: add --deep', 'diagnose');
    if (values.deep === true && values.vm === undefined) throw new UsageError('--deep checks one connection: name the target with --vm', 'diagnose');
  } else {
    const liveOnly = (['arm-endpoint', 'auth', 'save-snapshot', 'request-timeout', 'timeout', 'deep', 'guest'] as const).find((name) => values[name] !== undefined);
    if (liveOnly) throw new UsageError(`--${liveOnly} works only with --subscription or --bastion RESOURCE_ID (live Azure)`, 'diagnose');
  }
  if (values.bastion !== undefined) args.bastion = nonEmpty('--bastion', values.bastion);
  if (values.vm !== undefined) args.vm = nonEmpty('--vm', values.vm);
  if (values.port !== undefined) args.port = parsePort(values.port);
  return args;
}

function parseStrict<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
}

/** Node's parseArgs messages are long and mention `--`; keep the part a user needs. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `unexpected argument '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) return `option '${quoted.split(' ')[0]}' needs a value`;
  return message;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseSource(values: { snapshot?: string; demo?: boolean; subscription?: string; bastion?: string; vm?: string }): DiagnoseSource {
  const { snapshot, subscription } = values;
  const demo = values.demo === true;
  const given = [snapshot !== undefined && '--snapshot', demo && '--demo', subscription !== undefined && '--subscription'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`use one of --subscription, --snapshot or --demo, not ${given.join(' and ')}`, 'diagnose');
  if (demo) return { kind: 'demo' };
  if (snapshot !== undefined) return { kind: 'snapshot', file: nonEmpty('--snapshot', snapshot) };
  if (subscription !== undefined) {
    const id = nonEmpty('--subscription', subscription).trim();
    if (!GUID.test(id)) throw new UsageError(`--subscription must be a subscription id (a GUID), got '${subscription}'`, 'diagnose');
    return { kind: 'live', subscription: id };
  }
  if (values.bastion === undefined) {
    throw new UsageError('say what to diagnose: --bastion RESOURCE_ID, --subscription ID --bastion NAME, --snapshot FILE or --demo', 'diagnose');
  }
  // Every id is read in its own subscription: --subscription is needed only to look a name up.
  const hostSubscription = subscriptionOfId('--bastion', values.bastion, "the host's");
  if (values.vm !== undefined) subscriptionOfId('--vm', values.vm, "the VM's");
  return { kind: 'live', subscription: hostSubscription };
}

/** The subscription in a full resource id given without --subscription; a name needs --subscription to be looked up. */
function subscriptionOfId(option: string, value: string, whose: string): string {
  if (!value.trim().startsWith('/')) {
    throw new UsageError(`${option} '${value}' is a name, and a name is looked up in one subscription: add --subscription ID to say which (or pass ${whose} full resource id)`, 'diagnose');
  }
  const subscriptionId = parseResourceId(value).subscriptionId;
  if (!isResourceId(value) || subscriptionId === undefined || !GUID.test(subscriptionId)) {
    throw new UsageError(`${option} '${value}' is not a full resource id (/subscriptions/GUID/resourceGroups/GROUP/providers/...): fix it, or add --subscription ID to look a name up`, 'diagnose');
  }
  return subscriptionId;
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'text';
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UsageError(`unknown format '${value}' (use ${OUTPUT_FORMATS.join(', ')})`, 'diagnose');
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 1 to 65535, got '${value}'`, 'diagnose');
  }
  return port;
}

/** A positive number of seconds (decimals allowed), as ms. */
function parseSeconds(option: string, value: string): number {
  const secondsGiven = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(secondsGiven > 0) || secondsGiven > 86_400) {
    throw new UsageError(`${option} must be a number of seconds greater than 0 (at most 86400), got '${value}'`, 'diagnose');
  }
  return Math.round(secondsGiven * 1000);
}

export function parseRuleOverrides(texts: readonly string[]): SeverityOverrides {
  const overrides: SeverityOverrides = {};
  for (const text of texts) {
    const parsed = parseSeverityOverride(text);
    if (!parsed.ok) throw new UsageError(`--rule ${parsed.message}`, 'diagnose');
    overrides[parsed.rule] = parsed.value;
  }
  return overrides;
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${option} needs a value`, 'diagnose');
  return value;
}
