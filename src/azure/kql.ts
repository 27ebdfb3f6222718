// Values put into Resource Graph (KQL) queries.

/** A KQL string literal: ARM ids hold no quotes, but every value is escaped all the same. */
export function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
