import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../../src/core/diagnose';
import { lineOf, loadFixture } from './fixtureModule';

/** Rule ids (with the flow for NSG findings) and the line each finding points at (no fixture declares a diagnostic setting). */
const EXPECTED: Record<string, string[]> = {
  'compliant-inline': ['bastion-diagnostics-disabled@143'],
  'separate-rules': ['bastion-diagnostics-disabled@34'],
  'dynamic-rules': ['bastion-diagnostics-disabled@66'],
  traps: ['bastion-diagnostics-disabled@127'],
  'missing-rules': [
    'bastion-native-client-disabled@71',
    'bastion-diagnostics-disabled@71',
    'bastion-nsg-missing-rule:in-azureloadbalancer-443@16',
    'bastion-nsg-missing-rule:in-vnet-8080-5701@16',
    'bastion-nsg-missing-rule:out-azurecloud-443@16',
    'bastion-nsg-missing-rule:out-internet-80@16',
    'bastion-nsg-missing-rule:out-vnet-22-3389@16',
    'bastion-nsg-missing-rule:out-vnet-8080-5701@16',
  ],
  'route-table': ['bastion-diagnostics-disabled@70', 'bastion-subnet-route-table@56'],
};

describe('diagnose() on Terraform fixtures', () => {
  for (const [folder, expected] of Object.entries(EXPECTED)) {
    it(`${folder}: ${expected.length ? expected.join(', ') : 'no findings'}`, async () => {
      const { topology } = await loadFixture(folder);
      const report = diagnose(topology, { source: 'template' });
      const actual = report.findings.map((f) => `${f.rule}${f.flow ? `:${f.flow}` : ''}@${lineOf(f.resource.origin)}`).sort();
      assert.deepEqual(actual, [...expected].sort());
    });
  }

  it('missing-rules: the outbound flows are errors (explicit DenyAllOutbound), inbound ones only warn (Azure defaults)', async () => {
    const { topology } = await loadFixture('missing-rules');
    const severities = Object.fromEntries(diagnose(topology, { source: 'template' }).findings.filter((f) => f.flow).map((f) => [f.flow, f.severity]));
    assert.deepEqual(severities, {
      'in-azureloadbalancer-443': 'warning', 'in-vnet-8080-5701': 'warning', 'out-vnet-22-3389': 'error',
      'out-vnet-8080-5701': 'error', 'out-azurecloud-443': 'error', 'out-internet-80': 'error',
    });
  });
});
