// Inline suppressions from template sources (ARM metadata, `bastion-doctor-disable-next-line`).
import type { Finding } from '../core/findings';
import type { SourceRange } from '../core/model';
import { idKey } from '../core/resourceId';
import type { TemplateSuppression } from './source';

function contains(outer: SourceRange, inner: SourceRange): boolean {
  const before = (a: SourceRange['start'], b: SourceRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function isSuppressed(finding: Finding, suppressions: readonly TemplateSuppression[]): boolean {
  return suppressions.some((suppression) => {
    if (!suppression.rules.includes(finding.rule)) return false;
    if (suppression.resourceId !== undefined) {
      const owner = idKey(suppression.resourceId);
      const id = idKey(finding.resource.id);
      if (id === owner || id.startsWith(`${owner}/`)) return true;
    }
    const origin = finding.resource.origin;
    // An element is silenced by where it starts: `disable-next-line` names the line a block opens on.
    const start = origin?.kind === 'file' ? { start: origin.range.start, end: origin.range.start } : undefined;
    return origin?.kind === 'file' && origin.file === suppression.file && start !== undefined && contains(suppression.range, start);
  });
}
