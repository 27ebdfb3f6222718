import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import type { SecurityRule } from '../../../src/core/model';
import { armNsg, armResourceId, armSecurityRule, compliantBastionNsgRules } from '../../support/arm';

function onlyRule(properties: Record<string, unknown>): SecurityRule {
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'r', properties })], withDefaultRules: false });
  return mapArmResources([nsg]).networkSecurityGroups[0].securityRules[0];
}

test('a compliant Bastion NSG maps eight custom rules and six defaults', () => {
  const nsg = armNsg({ rules: compliantBastionNsgRules() });
  const [mapped] = mapArmResources([nsg]).networkSecurityGroups;
  assert.equal(mapped.securityRules.length, 8);
  assert.equal(mapped.defaultSecurityRules.length, 6);
  assert.ok(mapped.securityRules.every((r) => !r.isDefault));
  assert.ok(mapped.defaultSecurityRules.every((r) => r.isDefault));
  assert.deepEqual(mapped.defaultSecurityRules.map((r) => r.priority), [65000, 65001, 65500, 65000, 65001, 65500]);
  const https = mapped.securityRules[0];
  assert.deepEqual(https, {
    id: `${nsg.id}/securityRules/AllowHttpsInbound`,
    name: 'AllowHttpsInbound',
    origin: { kind: 'arm', id: `${nsg.id}/securityRules/AllowHttpsInbound` },
    priority: 120,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourceAddressPrefixes: ['Internet'],
    destinationAddressPrefixes: ['*'],
    sourcePortRanges: ['*'],
    destinationPortRanges: ['443'],
    sourceApplicationSecurityGroupIds: [],
    destinationApplicationSecurityGroupIds: [],
    isDefault: false,
  });
  assert.deepEqual(mapped.securityRules[3].destinationPortRanges, ['8080', '5701']);
});

test('singular and plural rule fields merge', () => {
  const cases: { properties: Record<string, unknown>; field: keyof SecurityRule; expected: string[] }[] = [
    { properties: { sourceAddressPrefix: '10.0.0.0/8' }, field: 'sourceAddressPrefixes', expected: ['10.0.0.0/8'] },
    { properties: { sourceAddressPrefix: '', sourceAddressPrefixes: ['10.0.0.0/8', '192.168.0.0/16'] }, field: 'sourceAddressPrefixes', expected: ['10.0.0.0/8', '192.168.0.0/16'] },
    { properties: { destinationAddressPrefix: 'VirtualNetwork', destinationAddressPrefixes: ['10.1.0.0/16'] }, field: 'destinationAddressPrefixes', expected: ['VirtualNetwork', '10.1.0.0/16'] },
    { properties: { sourcePortRange: undefined, sourcePortRanges: ['1024-65535'] }, field: 'sourcePortRanges', expected: ['1024-65535'] },
    { properties: { destinationPortRange: '22', destinationPortRanges: ['22', '3389'] }, field: 'destinationPortRanges', expected: ['22', '3389'] },
    { properties: { destinationPortRange: '*', destinationPortRanges: [] }, field: 'destinationPortRanges', expected: ['*'] },
  ];
  for (const { properties, field, expected } of cases) {
    assert.deepEqual(onlyRule(properties)[field], expected, JSON.stringify(properties));
  }
});

test('application security groups are read on both sides', () => {
  const asgWeb = armResourceId('Microsoft.Network/applicationSecurityGroups', ['asg-web']);
  const asgDb = armResourceId('Microsoft.Network/applicationSecurityGroups', ['asg-db']);
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'web-to-db', sourceAsgs: [asgWeb], destinationAsgs: [asgDb] })] });
  const [rule] = mapArmResources([nsg]).networkSecurityGroups[0].securityRules;
  assert.deepEqual(rule.sourceApplicationSecurityGroupIds, [asgWeb]);
  assert.deepEqual(rule.destinationApplicationSecurityGroupIds, [asgDb]);
});

test('priority: numbers and numeric strings are read; anything else keeps the rule, unresolved', () => {
  const cases: { priority: unknown; expected: number | 'unresolved'; reason?: RegExp }[] = [
    { priority: 100, expected: 100 },
    { priority: '4096', expected: 4096 },
    { priority: undefined, expected: 'unresolved', reason: /missing/ },
    { priority: null, expected: 'unresolved', reason: /missing/ },
    { priority: "[parameters('rulePriority')]", expected: 'unresolved', reason: /parameters\('rulePriority'\).*not a number/ },
    { priority: 100.5, expected: 'unresolved', reason: /not a number/ },
    { priority: { value: 100 }, expected: 'unresolved', reason: /not a number/ },
  ];
  for (const { priority, expected, reason } of cases) {
    const rule = onlyRule({ priority });
    if (expected === 'unresolved') {
      assert.ok(Number.isNaN(rule.priority), String(priority));
      assert.equal(rule.unresolved?.[0].field, 'priority');
      assert.match(rule.unresolved?.[0].reason ?? '', reason ?? /./);
    } else {
      assert.equal(rule.priority, expected);
      assert.equal(rule.unresolved, undefined);
    }
  }
});

test('direction, access and protocol are normalized case-insensitively; unknown values are unresolved', () => {
  const rule = onlyRule({ direction: 'inbound', access: 'DENY', protocol: 'TCP' });
  assert.equal(rule.direction, 'Inbound');
  assert.equal(rule.access, 'Deny');
  assert.equal(rule.protocol, 'Tcp');
  assert.equal(rule.unresolved, undefined);
  assert.equal(onlyRule({ protocol: 'All' }).protocol, 'All');
  assert.equal(onlyRule({ protocol: 'Gre' }).protocol, 'Gre');

  const odd = onlyRule({ direction: 'Sideways', access: undefined, protocol: 6 });
  assert.deepEqual(
    odd.unresolved?.map((u) => u.field),
    ['direction', 'access', 'protocol'],
  );
  assert.equal(odd.direction, 'Sideways');
});

test('separate securityRules resources join their NSG and replace inline rules of the same id', () => {
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'AllowHttpsInbound', priority: 300, source: 'Internet', destinationPort: '443' })] });
  const replacement = armSecurityRule({ nsg: 'nsg-bastion', name: 'AllowHttpsInbound', priority: 120, source: 'Internet', destinationPort: '443' });
  const added = armSecurityRule({ nsg: 'nsg-bastion', name: 'DenyAllInbound', priority: 4096, access: 'Deny', protocol: '*' });
  const topology = mapArmResources([added, nsg, replacement]);
  const [mapped] = topology.networkSecurityGroups;
  assert.deepEqual(mapped.securityRules.map((r) => [r.name, r.priority]), [['AllowHttpsInbound', 120], ['DenyAllInbound', 4096]]);
  assert.deepEqual(topology.problems, []);
});

test('a separate defaultSecurityRules resource is marked isDefault', () => {
  const nsg = armNsg({ withDefaultRules: false });
  const rule = {
    ...armSecurityRule({ nsg: 'nsg-bastion', name: 'DenyAllInBound', priority: 65500, access: 'Deny', protocol: '*' }),
    type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
    id: `${nsg.id}/defaultSecurityRules/DenyAllInBound`,
  };
  const [mapped] = mapArmResources([nsg, rule]).networkSecurityGroups;
  assert.equal(mapped.defaultSecurityRules.length, 1);
  assert.equal(mapped.defaultSecurityRules[0].isDefault, true);
});

test('a rule whose NSG is absent creates the NSG and records a problem', () => {
  const rule = armSecurityRule({ nsg: 'nsg-gone', name: 'AllowSsh', destinationPort: '22' });
  const topology = mapArmResources([rule]);
  assert.equal(topology.networkSecurityGroups[0].name, 'nsg-gone');
  assert.equal(topology.networkSecurityGroups[0].securityRules[0].name, 'AllowSsh');
  assert.equal(topology.problems.length, 1);
  assert.match(topology.problems[0].message, /nsg-gone/);
});

test('an NSG without defaultSecurityRules maps an empty list (the evaluator supplies them)', () => {
  const nsg = armNsg({ withDefaultRules: false, rules: compliantBastionNsgRules() });
  assert.deepEqual(mapArmResources([nsg]).networkSecurityGroups[0].defaultSecurityRules, []);
});
