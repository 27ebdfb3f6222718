// The report webview's HTML, built without vscode: strict CSP (nothing but nonce'd style and
// script), theme colours through VS Code's CSS variables, every text escaped, SVG inline.
import type { DiagnosisReport } from '../../core/diagnose';
import { compareSeverity, LAYER_ORDER, LAYER_TITLES, type Finding } from '../../core/findings';
import { escapeXml } from '../../core/report/escape';

export interface ReportHtmlOptions {
  nonce: string;
  /** One rendered SVG per diagnosed VM (renderConnectionPathSvg output, already escaped). */
  pathSvgs: string[];
  /** The Deep check section (renderDeepSectionHtml output, already escaped), when one ran. */
  deepSection?: string;
}

export function renderReportHtml(report: DiagnosisReport, options: ReportHtmlOptions): string {
  const { nonce } = options;
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const body = [
    `<h1>Bastion Doctor diagnosis${report.isDemo ? ' <span class="demo">Demo</span>' : ''}</h1>`,
    report.isDemo ? '<p class="demo-note">Demo data: the built-in sample environment, not your Azure.</p>' : '',
    `<p class="meta">Source: ${escapeXml(report.sourceLabel)} · Generated: ${escapeXml(report.generatedAt)}</p>`,
    '<button id="copy-markdown" type="button">Copy as Markdown</button>',
    '<h2>Targets</h2><ul>',
    ...report.targets.map((t) => `<li>${escapeXml(t.bastionHostName)}${t.virtualMachineName ? ` → ${escapeXml(t.virtualMachineName)}` : ''} <code>${escapeXml(t.virtualMachineId ?? t.bastionHostId)}</code></li>`),
    '</ul>',
    options.pathSvgs.length > 0 ? `<h2>Connection path</h2>${options.pathSvgs.map((svg) => `<div class="path">${svg}</div>`).join('')}` : '',
    options.deepSection ?? '',
    ...LAYER_ORDER.map((layer) => layerSection(LAYER_TITLES[layer], report.findings.filter((f) => f.layer === layer))),
    report.findings.length === 0 ? '<p>No problems found.</p>' : '',
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
<title>Bastion Doctor diagnosis</title></head>
<body>${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

function layerSection(title: string, findings: Finding[]): string {
  if (findings.length === 0) return '';
  const items = [...findings].sort((a, b) => compareSeverity(a.severity, b.severity)).map((finding) => [
    `<section class="finding ${finding.severity}"><h3><span class="severity">${finding.severity}</span> ${escapeXml(finding.message)}</h3>`,
    `<p class="rule">${escapeXml(finding.rule)} · <code>${escapeXml(finding.resource.id)}</code></p>`,
    '<ul>', ...finding.evidence.map((e) => `<li>${escapeXml(e.label)}: ${escapeXml(e.value)}</li>`), '</ul>',
    ...finding.fixes.map((fix) => [
      `<h4>Fix: ${escapeXml(fix.title)}</h4>`,
      ...(fix.notes ?? []).map((note) => `<p class="note">${escapeXml(note)}</p>`),
      ...(['azcli', 'powershell'] as const).flatMap((language) => (fix.snippets[language] ? [`<pre><code>${escapeXml(fix.snippets[language] as string)}</code></pre>`] : [])),
    ].join('')),
    '</section>',
  ].join(''));
  return `<h2>${escapeXml(title)}</h2>${items.join('\n')}`;
}

const STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px; }
code, pre { font-family: var(--vscode-editor-font-family, monospace); background: var(--vscode-textCodeBlock-background); }
pre { padding: 8px; overflow-x: auto; }
.demo { background: var(--vscode-statusBarItem-warningBackground); color: var(--vscode-statusBarItem-warningForeground); padding: 0 6px; border-radius: 4px; font-size: 0.7em; }
.finding { border-left: 4px solid var(--vscode-panel-border); padding-left: 8px; margin: 12px 0; }
.finding.error { border-color: var(--vscode-errorForeground); }
.finding.warning { border-color: var(--vscode-editorWarning-foreground); }
.severity { text-transform: uppercase; font-size: 0.8em; }
.path svg text.label, .path svg text.caption { fill: var(--vscode-foreground); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; text-align: left; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.getElementById('copy-markdown').addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
for (const button of document.querySelectorAll('button[data-kql]')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'copyKql', key: button.dataset.kql }));
}
`;
