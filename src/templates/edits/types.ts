// What the pure edit builders produce: plain text edits an editor or a test applies.
import type { Remedy } from '../../core/findings';
import type { SourceRange } from '../../core/model';

/** The registered template formats (src/templates/formats.ts). */
export type FormatId = 'arm' | 'bicep' | 'terraform';

/** Replace `range` (0-based, end exclusive) of `file` with `newText`. */
export interface FileTextEdit {
  file: string;
  range: SourceRange;
  newText: string;
}

/** The remedies a template can take as a text edit; the others are done in Azure or create resources (the snippets). */
const EDITABLE_KINDS = ['add-security-rules', 'set-rule-priority', 'resize-bastion-subnet', 'dissociate-route-table', 'set-bastion-property', 'upgrade-bastion-sku'] as const;
type NotEditableKind = 'reapply-bastion' | 'enable-bastion-diagnostics' | 'start-vm' | 'create-vnet-peering' | 'unlink-private-dns-zone' | 'use-public-ip' | 'set-api-version' | 'manual';

/** Every remedy kind is decided one way or the other: a new kind is a type error here until it is. */
const EVERY_KIND_DECIDED: Exclude<Remedy['kind'], (typeof EDITABLE_KINDS)[number] | NotEditableKind> extends never ? true : never = true;
void EVERY_KIND_DECIDED;

export type EditableRemedy = Extract<Remedy, { kind: (typeof EDITABLE_KINDS)[number] }>;

export function isEditableRemedy(remedy: Remedy): remedy is EditableRemedy {
  return (EDITABLE_KINDS as readonly string[]).includes(remedy.kind);
}

/**
 * The default of an edit builder's switch over the editable kinds: with every kind handled,
 * `remedy` is `never` here, so a kind made editable is a type error until each format writes it.
 */
export function unhandledRemedy(remedy: never): never {
  throw new Error(`no template edit for remedy ${JSON.stringify(remedy)}`);
}
