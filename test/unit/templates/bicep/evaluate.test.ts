import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepToTopology } from '../../../../src/templates/bicep';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/template-rg';

/** Evaluates `expression` as the name of a public IP and returns the name the topology got. */
function evaluateName(expression: string, prelude = ''): string | undefined {
  const text = `${prelude}\nresource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: ${expression}\n}\n`;
  const { topology, parseDiagnostics } = bicepToTopology({ path: 'main.bicep', text });
  assert.deepEqual(parseDiagnostics, []);
  return topology.publicIpAddresses[0]?.name;
}

describe('Bicep evaluator: values and functions', () => {
  const cases: [string, string, string?][] = [
    ["'pip-${toUpper('a')}-${length([1, 2])}'", 'pip-A-2'],
    ["concat('a', 'b', string(3))", 'ab3'],
    ["format('{0}-{1}', 'x', 7)", 'x-7'],
    ["replace(toLower('AB-cd'), '-', '_')", 'ab_cd'],
    ["substring('abcdef', 1, 3)", 'bcd'],
    ["split('a/b/c', '/')[2]", 'c'],
    ["first(['x', 'y'])", 'x'],
    ["last(skip(take(['a', 'b', 'c'], 2), 1))", 'b'],
    ["contains(['a'], 'a') && startsWith('abc', 'ab') && endsWith('abc', 'bc') ? 'yes' : 'no'", 'yes'],
    ["empty('') ? coalesce(null, 'c') : 'd'", 'c'],
    ["union({ a: 'x' }, { b: 'y' }).b", 'y'],
    ["string(length(range(0, 5)))", '5'],
    ["replace(cidrSubnet('10.0.0.0/16', 26, 4), '/', '_')", '10.0.1.0_26'],
    ["json('{\"a\": \"j\"}').a", 'j'],
    ["string(int('4') * 2 + 1 - 10 % 4)", '7'],
    ["bool('true') ? 't' : 'f'", 't'],
    ["names[1]", 'second', "var names = [\n  'first'\n  'second'\n]"],
    ["cfg.?missing ?? 'fallback'", 'fallback', 'var cfg = {}'],
    ["'${filter(items, x => x > 1)[0]}-${map(items, (x, i) => x * i)[2]}'", '2-6', 'var items = [1, 2, 3]'],
    ["'${a}${b}'", 'AB', "param a string = 'A'\nvar b = a == 'A' ? 'B' : 'C'"],
    ["'x' =~ 'X' ? 'ci' : 'cs'", 'ci'],
    ["resourceGroup().name", 'template-rg'],
    ["subscription().subscriptionId", '00000000-0000-0000-0000-000000000000'],
    ["az.resourceGroup().location", 'resource-group-location'],
    ["length(uniqueString('a')) == 13 && uniqueString('a') == uniqueString('a') ? 'stable' : 'x'", 'stable'],
    ["'''\nmulti\n'''", 'multi\n'],
  ];
  for (const [expression, expected, prelude] of cases) {
    it(expression, () => assert.equal(evaluateName(expression, prelude), expected));
  }
});

describe('Bicep evaluator: a resource whose condition is false', () => {
  const prelude = `param mode string = 'new'
resource old 'Microsoft.Network/virtualNetworks@2023-09-01' = if (mode == 'existing') {
  name: 'vnet-old'
  properties: { addressSpace: { addressPrefixes: ['10.9.0.0/16'] } }
  resource child 'subnets' = { name: 'inner' }
}
resource oldSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = if (mode == 'existing') {
  parent: old
  name: 'AzureBastionSubnet'
}`;
  const cases: [string, string | undefined][] = [
    // ids, names and types compile to resourceId() and literals: known without a deployment
    ['last(split(oldSubnet.id, \'/\'))', 'AzureBastionSubnet'],
    ['replace(oldSubnet.id, \'/\', \'_\')', '_subscriptions_00000000-0000-0000-0000-000000000000_resourceGroups_template-rg_providers_Microsoft.Network_virtualNetworks_vnet-old_subnets_AzureBastionSubnet'],
    ['old.name', 'vnet-old'],
    ['last(split(old::child.id, \'/\'))', 'inner'],
    // its body is not deployed, so not known
    ['old.properties.addressSpace.addressPrefixes[0]', undefined],
  ];
  for (const [expression, expected] of cases) {
    it(expression, () => {
      const text = `${prelude}\nresource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: ${expression}\n}\n`;
      const { topology } = bicepToTopology({ path: 'main.bicep', text });
      const [ip] = topology.publicIpAddresses;
      assert.equal(topology.virtualNetworks.length, 0, 'a resource whose condition is false is not emitted');
      if (expected === undefined) assert.equal(ip?.name, '${ip.name}', 'an unknown name stays a placeholder');
      else assert.equal(ip?.name, expected);
    });
  }
});

describe('Bicep evaluator: resources and references', () => {
  it('builds child ids from parent, nesting and resourceId() the way ARM does', () => {
    const text = `
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet'
  properties: {
    subnets: [
      { name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.0.0/26' } }
    ]
  }
  resource workload 'subnets' = {
    name: 'workload'
    properties: { addressPrefix: '10.0.1.0/24' }
  }
}
resource extra 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'extra'
  properties: {
    addressPrefix: '10.0.2.0/24'
  }
}
output ids array = [vnet.properties.subnets[0].id, vnet::workload.id, extra.id, resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'x')]
`;
    const { topology } = bicepToTopology({ path: 'main.bicep', text });
    const subnets = topology.virtualNetworks[0].subnets.map((s) => s.id).sort();
    assert.deepEqual(subnets, ['AzureBastionSubnet', 'extra', 'workload'].map((n) => `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${n}`));
    const workload = topology.virtualNetworks[0].subnets.find((s) => s.name === 'workload');
    assert.equal(workload?.origin.kind === 'file' && workload.origin.range.start.line, 8);
  });

  it('expands loops over known arrays, skips false conditions and keeps unknown ones marked', () => {
    const text = `
param deployOptional bool
var names = ['a', 'b', 'c']
resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-09-01' = [for (n, i) in names: if (i != 1) {
  name: 'nsg-\${n}'
}]
resource never 'Microsoft.Network/networkSecurityGroups@2023-09-01' = if (false) {
  name: 'never'
}
resource maybe 'Microsoft.Network/networkSecurityGroups@2023-09-01' = if (deployOptional) {
  name: 'maybe'
}
output second string = nsgs[1].name
`;
    const { topology } = bicepToTopology({ path: 'main.bicep', text });
    assert.deepEqual(topology.networkSecurityGroups.map((n) => n.name), ['nsg-a', 'nsg-c', 'maybe']);
    const maybe = topology.networkSecurityGroups[2];
    assert.equal(maybe.unresolved?.[0].field, 'condition');
    assert.match(maybe.unresolved?.[0].reason ?? '', /param 'deployOptional' has no default value; a \.bicepparam file would decide it/);
  });

  it('marks an unknown value with what would decide it and never writes a placeholder into a checked field', () => {
    const text = "param sku string\nresource b 'Microsoft.Network/bastionHosts@2023-09-01' = {\n  name: 'bas'\n  sku: { name: sku }\n  properties: { enableTunneling: sku != 'Basic' }\n}\n";
    const { topology } = bicepToTopology({ path: 'main.bicep', text });
    const host = topology.bastionHosts[0];
    assert.equal(host.sku, undefined);
    assert.equal(host.features.enableTunneling, undefined);
    assert.deepEqual(host.unresolved?.map((u) => u.field).sort(), ['enableTunneling', 'sku.name']);
  });

  it('sets origins of rules, the NSG and route-table association, and api version details', () => {
    const text = `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg'
  properties: {
    securityRules: [
      {
        name: 'r1'
        properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' }
      }
    ]
  }
}
resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt'
}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet'
  properties: {
    subnets: [
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.0.0.0/26'
          networkSecurityGroup: {
            id: nsg.id
          }
          routeTable: { id: rt.id }
        }
      }
    ]
  }
}
resource bastion 'Microsoft.Network/bastionHosts@2021-03-01' = {
  name: 'bas'
  properties: { enableKerberos: true }
}
`;
    const { topology } = bicepToTopology({ path: 'main.bicep', text });
    const line = (o: { kind: string; range?: { start: { line: number } } } | undefined) => (o && 'range' in o ? o.range?.start.line : undefined);
    assert.equal(line(topology.networkSecurityGroups[0].origin), 0);
    assert.equal(line(topology.networkSecurityGroups[0].securityRules[0].origin), 4);
    const subnet = topology.virtualNetworks[0].subnets[0];
    assert.equal(line(subnet.origin), 18);
    assert.equal(line(subnet.networkSecurityGroupAssociationOrigin), 22);
    assert.equal(line(subnet.routeTableAssociationOrigin), 25);
    assert.equal(subnet.networkSecurityGroupId, `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg`);
    assert.equal(topology.bastionHosts[0].apiVersion, '2021-03-01');
    assert.deepEqual(topology.bastionHosts[0].declaredProperties, ['enableKerberos']);
  });

  it('follows local modules through readFile with the arguments passed, and stops at cycles', () => {
    const files: Record<string, string> = {
      'mods/nsg.bicep': "param name string\nparam prefix string = 'nsg'\nresource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: '${prefix}-${name}'\n}\noutput id string = nsg.id\n",
      'mods/loop.bicep': "module again './loop.bicep' = {\n  name: 'again'\n}\n",
    };
    const text = "module a './mods/nsg.bicep' = {\n  name: 'a'\n  params: { name: 'hub' }\n}\nmodule l './mods/loop.bicep' = {\n  name: 'l'\n}\nresource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: last(split(a.outputs.id, '/'))\n}\n";
    const { topology, parseDiagnostics } = bicepToTopology({ path: 'main.bicep', text }, { readFile: (path) => files[path.replace(/\\/g, '/')] });
    assert.deepEqual(topology.networkSecurityGroups.map((n) => n.name), ['nsg-hub']);
    assert.equal(topology.publicIpAddresses[0].name, 'nsg-hub');
    assert.equal(parseDiagnostics.length, 1);
    assert.match(parseDiagnostics[0].message, /cycle/);
  });

  it('reports registry modules as not checked, with the reason on what depends on them', () => {
    const text = "module remote 'br/public:avm/res/network/network-security-group:0.5.0' = {\n  name: 'r'\n}\nresource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: 'ip'\n  properties: { publicIPAllocationMethod: remote.outputs.method }\n}\n";
    const { topology, parseDiagnostics } = bicepToTopology({ path: 'main.bicep', text });
    assert.equal(parseDiagnostics.length, 1);
    assert.match(parseDiagnostics[0].message, /registry or template spec/);
    assert.match(topology.publicIpAddresses[0].unresolved?.[0].reason ?? '', /registry/);
  });

  it('uses a .bicepparam beside the file, else <name>.parameters.json', () => {
    const text = "param sku string = 'Standard'\nresource b 'Microsoft.Network/bastionHosts@2023-09-01' = {\n  name: 'bas'\n  sku: { name: sku }\n}\n";
    const bicepparam = { path: 'main.bicepparam', text: "using './main.bicep'\nparam sku = 'Premium'\n" };
    const json = { path: 'main.parameters.json', text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {"sku": {"value": "Basic"}}}' };
    assert.equal(bicepToTopology({ path: 'main.bicep', text }, { siblings: [bicepparam, json] }).topology.bastionHosts[0].sku, 'Premium');
    assert.equal(bicepToTopology({ path: 'main.bicep', text }, { siblings: [json] }).topology.bastionHosts[0].sku, 'Basic');
    assert.equal(bicepToTopology({ path: 'main.bicep', text }).topology.bastionHosts[0].sku, 'Standard');
  });
});
