import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatText } from '../../../src/cli/format/text';
import { LAYER_TITLES } from '../../../src/core/findings';
import { sampleReport, templateFinding } from './reportFixture';

const ESC = String.fromCharCode(27);

describe('formatText', () => {
  it('uses ANSI colour only when asked', () => {
    assert.ok(formatText(sampleReport(), { color: true }).includes(`${ESC}[31m`));
    assert.ok(!formatText(sampleReport(), { color: false }).includes(ESC));
  });

  it('orders layers as LAYER_ORDER regardless of finding order', () => {
    const text = formatText(sampleReport(), { color: false });
    const positions = ['bastion-subnet', 'target-nsg', 'vm', 'logs'].map((layer) => text.indexOf(`  ${LAYER_TITLES[layer as keyof typeof LAYER_TITLES]}\n`));
    assert.ok(positions.every((p) => p >= 0), `every layer heading present: ${positions}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  });

  it('puts VM findings under the VM they concern, in target order', () => {
    const text = formatText(sampleReport(), { color: false });
    assert.ok(text.indexOf('→ vm-alpha') < text.indexOf('→ vm-beta'));
    assert.ok(text.indexOf('→ vm-beta') < text.indexOf('VM vm-beta is deallocated'));
  });

  it('shows evidence, the fix title, the az CLI snippet and where the other forms are', () => {
    const text = formatText(sampleReport(), { color: false });
    assert.match(text, /• Deny rule: DenyInternet \(priority 110, Deny, Inbound\)/);
    assert.match(text, /Fix: Move AllowGatewayManagerInbound before DenyInternet/);
    assert.match(text, /az network nsg rule update --nsg-name nsg-bastion/);
    assert.match(text, /\(also as Bicep: see --format json\)/);
    assert.match(text, /1\. Create a Log Analytics workspace/);
  });

  it('puts a template finding\'s file:line:column (1-based) beside its rule id', () => {
    const text = formatText(sampleReport([templateFinding]), { color: false });
    assert.match(text, /WARNING bastion-subnet-route-table {2}infra\/network main\.bicep:12:5\n/);
  });

  it('counts templates instead of hosts and VMs when linting', () => {
    const text = formatText(sampleReport([templateFinding]), { color: false, summaryScope: 'in 3 templates' });
    assert.equal(text.trimEnd().split('\n').at(-1), '0 errors, 1 warning, 0 info in 3 templates');
  });

  it('names the VMs with nothing wrong', () => {
    assert.match(formatText(sampleReport(), { color: false }), /No VM-level problems: vm-healthy\n/);
  });

  it('ends with the one-line summary', () => {
    const lines = formatText(sampleReport(), { color: false }).trimEnd().split('\n');
    assert.equal(lines.at(-1), '2 errors, 1 warning, 1 info across 1 Bastion host and 3 VMs');
  });

  it('labels demo reports in the header and plain reports with their source', () => {
    const demo = formatText({ ...sampleReport(), isDemo: true, sourceLabel: 'Demo environment (built-in sample data, not your Azure)' }, { color: false });
    assert.match(demo.split('\n').slice(0, 3).join('\n'), /DEMO {2}Demo environment \(built-in sample data, not your Azure\)/);
    assert.match(formatText(sampleReport(), { color: false }), /^Source: snapshot contoso\.json$/m);
  });

  it('lists findings tied to no Bastion host after the hosts', () => {
    const text = formatText(sampleReport([...sampleReport().findings, templateFinding]), { color: false });
    assert.ok(text.indexOf('Other findings') > text.indexOf('Bastion bas-hub'));
    assert.match(text, /Route table rt-egress is associated/);
  });

  it('says so when there is nothing to report', () => {
    const text = formatText(sampleReport([]), { color: false });
    assert.match(text, /No problems found for this host/);
    assert.match(text, /0 errors, 0 warnings, 0 info across 1 Bastion host and 3 VMs/);
  });
});
