// Identity of child elements: inline ones (a subnet inside a VNet) and separately declared ones.
import { parentId, parseResourceId } from '../resourceId';
import type { Fields } from './fields';

/** `{id, name}` of an inline child; its id is built below the parent when it carries none. */
export function inlineChildIdentity(
  item: Fields,
  parent: string,
  segment: string,
): { id: string; name: string } | undefined {
  const declaredId = item.string('id');
  const declaredName = item.string('name');
  if (declaredId !== undefined && declaredId.trim() !== '') {
    return { id: declaredId, name: declaredName ?? parseResourceId(declaredId).name };
  }
  if (declaredName === undefined || declaredName.trim() === '') return undefined;
  const name = declaredName.split('/').pop() ?? declaredName;
  return { id: `${parent.replace(/\/+$/, '')}/${segment}/${name}`, name };
}

/** The parent id of a separately declared child, with the parent's name. */
export function parentOf(childId: string): { id: string; name: string } | undefined {
  const id = parentId(childId);
  if (id === undefined) return undefined;
  return { id, name: parseResourceId(id).name };
}
