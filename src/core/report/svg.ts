// The connection path as an SVG strip: one group per hop, coloured by status, with the deciding
// rule as a hover title and as a label under the hop. Plain SVG with no script or external
// reference, so it can be inlined in a webview under a strict CSP or saved as a file.
import type { ConnectionPath, HopStatus } from './connectionPath';
import { escapeXml } from './escape';

export const HOP_COLOURS: Record<HopStatus, string> = {
  ok: '#2e7d32',
  blocked: '#c62828',
  unknown: '#757575',
};

const HOP_WIDTH = 150;
const GAP = 24;
const BOX_HEIGHT = 44;
const TOP = 30;

export function renderConnectionPathSvg(path: ConnectionPath): string {
  const width = path.hops.length * HOP_WIDTH + (path.hops.length - 1) * GAP + 20;
  const height = TOP + BOX_HEIGHT + 70;
  const caption = `${path.bastionHostName} → ${path.virtualMachineName} (TCP ${path.ports.join(', ')})`;
  const groups = path.hops.map((hop, index) => {
    const x = 10 + index * (HOP_WIDTH + GAP);
    const arrow = index === 0 ? '' : `<line x1="${x - GAP}" y1="${TOP + BOX_HEIGHT / 2}" x2="${x - 4}" y2="${TOP + BOX_HEIGHT / 2}" stroke="#9e9e9e" stroke-width="2" marker-end="url(#arrow)"/>`;
    return [
      `<g class="hop hop-${hop.status}" data-kind="${escapeXml(hop.kind)}" data-status="${hop.status}">`,
      `<title>${escapeXml(`${hop.title}: ${hop.status} — ${hop.decidedBy}`)}</title>`,
      arrow,
      `<rect x="${x}" y="${TOP}" width="${HOP_WIDTH}" height="${BOX_HEIGHT}" rx="6" fill="${HOP_COLOURS[hop.status]}"/>`,
      ...titleLines(hop.title, hop.status).map((line, lineIndex, lines) =>
        `<text x="${x + HOP_WIDTH / 2}" y="${TOP + BOX_HEIGHT / 2 + 4 + (lineIndex - (lines.length - 1) / 2) * 13}" text-anchor="middle" fill="#ffffff" font-size="11">${escapeXml(line)}</text>`),
      ...wrap(hop.decidedBy, 26, 3).map((line, lineIndex) =>
        `<text class="label" x="${x + HOP_WIDTH / 2}" y="${TOP + BOX_HEIGHT + 16 + lineIndex * 13}" text-anchor="middle" font-size="10">${escapeXml(line)}</text>`),
      '</g>',
    ].join('');
  });
  return [
    // Scales down to the panel's width instead of scrolling; never larger than drawn.
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" style="max-width: ${width}px" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(caption)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#9e9e9e"/></marker></defs>',
    `<text class="caption" x="10" y="18" font-size="12">${escapeXml(caption)}</text>`,
    ...groups,
    '</svg>',
  ].join('\n');
}

/** A status mark, so the path reads without relying on colour alone. */
const STATUS_MARKS: Record<HopStatus, string> = { ok: '✓', blocked: '✗', unknown: '?' };

/** The hop's name in the box: its status mark, wrapped to fit two lines. */
function titleLines(title: string, status: HopStatus): string[] {
  return wrap(`${STATUS_MARKS[status]} ${title}`, 22, 2);
}

/** Splits a label into at most `maxLines` lines of about `width` characters, the last cut short. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (current.length > 0 && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current.length > 0 ? `${current} ${word}` : word;
    }
  }
  if (current.length > 0) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, width - 1)}…`;
  return kept;
}
