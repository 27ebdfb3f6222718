import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armBastionHost, armDiagnosticSetting, armPrivateDnsZoneLink, armPublicIp, armVirtualNetwork, WORKSPACE_ID } from '../../support/arm';

const bastion = armBastionHost({ publicIp: null });

test('a public IP maps SKU, allocation, address and version', () => {
  const ip = armPublicIp({ name: 'pip-bastion', sku: 'Standard', allocationMethod: 'Static', ipAddress: '20.61.14.22' });
  assert.deepEqual(mapArmResources([ip]).publicIpAddresses[0], {
    id: ip.id,
    name: 'pip-bastion',
    origin: { kind: 'arm', id: ip.id },
    location: 'westeurope',
    skuName: 'Standard',
    allocationMethod: 'Static',
    ipAddress: '20.61.14.22',
    ipVersion: 'IPv4',
  });
});

test('a diagnostic setting names its target (the id before /providers/Microsoft.Insights) and its logs', () => {
  const setting = armDiagnosticSetting({ target: bastion, categories: ['BastionAuditLogs'] });
  const topology = mapArmResources([bastion, setting]);
  assert.deepEqual(topology.diagnosticSettings[0], {
    id: setting.id,
    name: 'send-to-log-analytics',
    origin: { kind: 'arm', id: setting.id },
    targetResourceId: bastion.id,
    logs: [{ category: 'BastionAuditLogs', enabled: true }],
    workspaceId: WORKSPACE_ID,
  });
  assert.equal(topology.coverage.diagnosticSettings, true);
});

test('a diagnostic setting with a category group and no enabled flag', () => {
  const setting = armDiagnosticSetting({ target: bastion, categoryGroup: 'allLogs', workspaceId: null, storageAccountId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/stlogs' });
  (setting.properties.logs as Record<string, unknown>[])[0].enabled = undefined;
  const [mapped] = mapArmResources([setting]).diagnosticSettings;
  assert.deepEqual(mapped.logs, [{ categoryGroup: 'allLogs', enabled: false }]);
  assert.equal(mapped.workspaceId, undefined);
  assert.match(mapped.storageAccountId ?? '', /stlogs$/);
});

test('a template diagnostic setting with a scope gets its id below the scope', () => {
  const declared = { type: 'Microsoft.Insights/diagnosticSettings', name: 'audit', scope: bastion.id, properties: { workspaceId: WORKSPACE_ID, logs: [] } };
  const [mapped] = mapArmResources([declared]).diagnosticSettings;
  assert.equal(mapped.targetResourceId, bastion.id);
  assert.equal(mapped.id, `${bastion.id}/providers/Microsoft.Insights/diagnosticSettings/audit`);
});

test('a diagnostic setting whose id names no target is a problem, not an element', () => {
  const topology = mapArmResources([{ id: '/providers/microsoft.insights/diagnosticSettings/orphan', type: 'microsoft.insights/diagnosticSettings', properties: {} }]);
  assert.equal(topology.diagnosticSettings.length, 0);
  assert.equal(topology.problems.length, 1);
});

test('a private DNS zone link maps the zone name and the linked VNet', () => {
  const vnet = armVirtualNetwork();
  const link = armPrivateDnsZoneLink({ vnet, zone: 'privatelink.blob.core.windows.net', name: 'link-hub' });
  const topology = mapArmResources([vnet, link]);
  assert.deepEqual(topology.privateDnsZoneLinks, [
    { id: link.id, name: 'link-hub', origin: { kind: 'arm', id: link.id }, zoneName: 'privatelink.blob.core.windows.net', virtualNetworkId: vnet.id },
  ]);
  assert.equal(topology.coverage.privateDnsZoneLinks, true);
});

test('a private DNS zone link without a VNet is a problem', () => {
  const link = armPrivateDnsZoneLink({ vnet: armVirtualNetwork() });
  link.properties.virtualNetwork = null;
  const topology = mapArmResources([link]);
  assert.equal(topology.privateDnsZoneLinks.length, 0);
  assert.match(topology.problems[0].message, /virtualNetwork/);
});
