import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTopology } from '../../../src/core/demo';
import { diagnose } from '../../../src/core/diagnose';
import { renderReportHtml } from '../../../src/extension/report/html';

test('the report page has a strict nonce CSP, one nonce script, escaped text and the Demo label', () => {
  const report = diagnose(demoTopology(), { vm: 'vm-demo-app-win01' });
  report.targets[0].bastionHostName = '<script>alert(1)</script>';
  const html = renderReportHtml(report, { nonce: 'n0nce', pathSvgs: ['<svg xmlns="http://www.w3.org/2000/svg"></svg>'] });
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="n0nce">/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /class="demo">Demo</);
  assert.match(html, /<svg xmlns/);
  assert.match(html, /DenyRdpFromHub/);
});
