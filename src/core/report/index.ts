// Report renderers: pure functions from a DiagnosisReport (and topology) to Markdown and SVG.
export { renderReportMarkdown, type MarkdownReportOptions } from './markdown';
export { renderConnectionPathSvg, HOP_COLOURS } from './svg';
export { buildConnectionPath, HOP_TITLES, type ConnectionHop, type ConnectionPath, type HopKind, type HopStatus } from './connectionPath';
export { escapeXml, escapeMarkdown, codeSpan, codeBlock } from './escape';
