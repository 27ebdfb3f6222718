// Where evaluated objects came from: the object literal that produced a rule or subnet, and the
// range of each of its properties (the `networkSecurityGroup: {...}` association, for instance).
import type { Origin } from '../../../core/model';

export class ValueOrigins {
  private readonly objects = new WeakMap<object, Origin>();
  private readonly properties = new WeakMap<object, Map<string, Origin>>();

  record(value: object, origin: Origin, propertyOrigins?: Map<string, Origin>): void {
    this.objects.set(value, origin);
    if (propertyOrigins) this.properties.set(value, propertyOrigins);
  }

  /** A copy (with ids added, say) keeps the origin of what it was copied from. */
  copy(from: object, to: object): void {
    const origin = this.objects.get(from);
    if (origin) this.objects.set(to, origin);
    const properties = this.properties.get(from);
    if (properties) this.properties.set(to, properties);
  }

  originOf(value: unknown): Origin | undefined {
    return typeof value === 'object' && value !== null ? this.objects.get(value) : undefined;
  }

  propertyOrigin(value: unknown, key: string): Origin | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const properties = this.properties.get(value);
    if (!properties) return undefined;
    for (const [name, origin] of properties) if (name.toLowerCase() === key.toLowerCase()) return origin;
    return undefined;
  }
}
