// Argument checks shared by the template functions; a wrong argument is a TemplateFunctionError.
import { TemplateFunctionError } from '../context';
import { isPlainObject, type TemplateValue, typeName } from '../value';

export function arity(args: readonly TemplateValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new TemplateFunctionError(`expects ${expected} argument(s), got ${args.length}`);
  }
}

export function stringArg(args: readonly TemplateValue[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw new TemplateFunctionError(`argument ${index + 1} must be a string, got ${typeName(value)}`);
  return value;
}

export function integerArg(args: readonly TemplateValue[], index: number): number {
  const value = args[index];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  throw new TemplateFunctionError(`argument ${index + 1} must be an integer, got ${typeName(value)}`);
}

export function arrayArg(args: readonly TemplateValue[], index: number): TemplateValue[] {
  const value = args[index];
  if (!Array.isArray(value)) throw new TemplateFunctionError(`argument ${index + 1} must be an array, got ${typeName(value)}`);
  return value;
}

export function objectArg(args: readonly TemplateValue[], index: number): { [key: string]: TemplateValue } {
  const value = args[index];
  if (!isPlainObject(value)) throw new TemplateFunctionError(`argument ${index + 1} must be an object, got ${typeName(value)}`);
  return value;
}

export function booleanArg(args: readonly TemplateValue[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw new TemplateFunctionError(`argument ${index + 1} must be a boolean, got ${typeName(value)}`);
  return value;
}

/** How string() and format() render a value: strings as-is, everything else as compact JSON. */
export function asText(value: TemplateValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return JSON.stringify(value);
}
