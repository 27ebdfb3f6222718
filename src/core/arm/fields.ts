// Typed, forgiving reads from untrusted ARM JSON. A value of the wrong type is reported through
// `report` (with its JSON path) and read as absent, so one odd field never sinks a resource.
// ARM matches property names case-insensitively (docs/check-decisions.md), so `IpConfigurations`
// is `ipConfigurations`: the exact spelling first, then any capitalisation.

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export class Fields {
  /**
   * `path` may be given as a function: it is only needed to word a report, and building it for
   * every nested object of every resource would cost more than the reads themselves.
   */
  constructor(
    readonly raw: JsonObject,
    private path: string | (() => string),
    private readonly report: (message: string) => void,
  ) {}

  /** The value under `key`, whatever its capitals; undefined when absent. */
  value(key: string): unknown {
    const exact = this.raw[key];
    if (exact !== undefined) return exact;
    // Most reads that miss are of fields a resource does not set: compare lengths before case.
    // JSON objects carry only own enumerable keys, so for-in needs no hasOwnProperty here.
    let lower: string | undefined;
    for (const written in this.raw) {
      if (written.length !== key.length) continue;
      lower ??= key.toLowerCase();
      if (written.toLowerCase() === lower) return this.raw[written];
    }
    return undefined;
  }

  private at(key: string): string {
    if (typeof this.path !== 'string') this.path = this.path();
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  private wrongType(key: string, expected: string, value: unknown): undefined {
    this.report(`${this.at(key)} should be ${expected} but is ${describeJsonType(value)}; ignored`);
    return undefined;
  }

  has(key: string): boolean {
    const value = this.value(key);
    return value !== undefined && value !== null;
  }

  string(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : this.wrongType(key, 'a string', value);
  }

  boolean(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    // Templates and some tools write booleans as strings; ARM accepts them.
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return this.wrongType(key, 'a boolean', value);
  }

  /** A finite number, or an integer written as a string (as templates sometimes do). */
  number(key: string): number | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
    return this.wrongType(key, 'a number', value);
  }

  /** An array of strings; non-string items are reported and skipped. */
  strings(key: string): string[] | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.wrongType(key, 'an array of strings', value);
    const result: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') result.push(item);
      else this.report(`${this.at(key)}[${i}] should be a string but is ${describeJsonType(item)}; ignored`);
    });
    return result;
  }

  object(key: string): Fields | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (!isJsonObject(value)) return this.wrongType(key, 'an object', value);
    return new Fields(value, () => this.at(key), this.report);
  }

  /** An array of objects; other items are reported and skipped. */
  objects(key: string): Fields[] {
    const value = this.value(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.wrongType(key, 'an array', value) ?? [];
    const result: Fields[] = [];
    value.forEach((item, i) => {
      const path = () => `${this.at(key)}[${i}]`;
      if (isJsonObject(item)) result.push(new Fields(item, path, this.report));
      else this.report(`${path()} should be an object but is ${describeJsonType(item)}; ignored`);
    });
    return result;
  }

  /** `{ "id": ... }` sub-resource references, e.g. properties.subnet.id. */
  referenceId(key: string): string | undefined {
    return this.object(key)?.string('id');
  }

  referenceIds(key: string): string[] {
    return this.objects(key).flatMap((item) => {
      const id = item.string('id');
      return id === undefined ? [] : [id];
    });
  }

  /** The `properties` bag; an absent one reads as empty. */
  properties(): Fields {
    if (this.value('properties') === null) this.report(`${this.at('properties')} is null; read as empty`);
    return this.object('properties') ?? new Fields({}, () => this.at('properties'), this.report);
  }
}
