// Reading raw ARM JSON (and Resource Graph rows, which have the same shape) without trusting it:
// every accessor checks the type it hands back.

export type Json = Record<string, unknown>;

/** A resource's `properties` object, or an empty one. */
export function props(resource: Json | undefined): Json {
  const properties = resource?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Json) : {};
}

/** The `id` of a sub-resource reference (`{ "id": "/subscriptions/…" }`), when it is a non-blank string. */
export function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

/** The objects of an array, or none. */
export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
