// Small value helpers shared by the per-type mappers.

/** Drops keys whose value is undefined, so absent ARM fields stay absent in the model. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/** A singular ARM field and its plural sibling merged, without duplicates, singular first. */
export function mergeSingularPlural(single: string | undefined, plural: readonly string[] | undefined): string[] {
  const merged: string[] = [];
  for (const value of [single, ...(plural ?? [])]) {
    if (value !== undefined && value !== '' && !merged.includes(value)) merged.push(value);
  }
  return merged;
}

export function describeElement(label: string, name: string, id: string): string {
  return `${label} '${name}' (${id})`;
}
