import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvaluationContext } from '../../../../src/templates/arm/expression/context';
import { evaluateTemplateString } from '../../../../src/templates/arm/expression/evaluator';
import { isUnresolved, type TemplateValue, unresolved } from '../../../../src/templates/arm/expression/value';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/template-rg';

const context: EvaluationContext = {
  scope: { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'template-rg', location: 'westeurope', deploymentName: 'd' },
  parameter: (name) =>
    name === 'sku' ? 'Standard' : name === 'rules' ? [{ name: 'a', priority: 100 }, { name: 'b', priority: 200 }]
      : unresolved(`parameter '${name}' has no default value`, `[parameters('${name}')]`),
  variable: (name) => (name === 'prefix' ? '10.0.0.0/16' : name === 'nsgName' ? 'nsg-hub' : unresolved(`variable '${name}' is not declared`)),
  copyIndex: () => 2,
};

const cases: [string, TemplateValue][] = [
  ['plain text', 'plain text'],
  ['[[literal]', '[literal]'],
  ["['it''s']", "it's"],
  ["[concat('a', 'b', string(1))]", 'ab1'],
  ["[format('{0}-{1}', 'bas', 'pip')]", 'bas-pip'],
  ["[toLower('AzureBastionSubnet')]", 'azurebastionsubnet'],
  ["[if(equals(parameters('sku'), 'Standard'), true(), false())]", true],
  ["[if(equals(parameters('sku'), 'Basic'), true, false)]", false],
  ["[not(empty(parameters('rules')))]", true],
  ["[length(parameters('rules'))]", 2],
  ["[parameters('rules')[1].priority]", 200],
  ["[first(parameters('rules')).name]", 'a'],
  ["[last(split('a/b/c', '/'))]", 'c'],
  ["[and(true(), or(false(), contains(createArray('x', 'y'), 'y')))]", true],
  ["[union(createObject('a', 1), createObject('b', 2))]", { a: 1, b: 2 }],
  ["[take(range(0, 5), 2)]", [0, 1]],
  ["[skip(createArray(1, 2, 3), 2)]", [3]],
  ["[replace('a-b', '-', '_')]", 'a_b'],
  ["[substring('AzureBastionSubnet', 5, 7)]", 'Bastion'],
  ["[startsWith('AzureBastionSubnet', 'azure')]", true],
  ["[coalesce(null(), 'x')]", 'x'],
  ["[json('{\"a\":[1]}').a[0]]", 1],
  ["[int('42')]", 42],
  ["[bool('true')]", true],
  ["[copyIndex(1)]", 3],
  ["[cidrSubnet(variables('prefix'), 26, 4)]", '10.0.1.0/26'],
  ["[parseCidr('10.0.1.0/26').broadcast]", '10.0.1.63'],
  ["[resourceGroup().name]", 'template-rg'],
  ["[subscription().subscriptionId]", '00000000-0000-0000-0000-000000000000'],
  ["[resourceId('Microsoft.Network/networkSecurityGroups', variables('nsgName'))]", `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-hub`],
  ["[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'AzureBastionSubnet')]", `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/AzureBastionSubnet`],
  ["[resourceId('rg-other', 'Microsoft.Network/routeTables', 'rt')]", '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-other/providers/Microsoft.Network/routeTables/rt'],
  ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')]", '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/resourceGroups/rg'],
];

describe('ARM expression evaluation', () => {
  for (const [text, expected] of cases) {
    it(`${text} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(evaluateTemplateString(text, context), expected);
    });
  }

  it('keeps an unknown parameter symbolic through concat and resourceId, with its reason', () => {
    const id = evaluateTemplateString("[resourceId('Microsoft.Network/bastionHosts', concat(parameters('host'), '-x'))]", context);
    assert.ok(isUnresolved(id));
    assert.equal(id.symbol, `${RG}/providers/Microsoft.Network/bastionHosts/[parameters('host')]-x`);
    assert.deepEqual(id.reasons, ["parameter 'host' has no default value"]);
  });

  const unresolvedCases: [string, string][] = [
    ["[equals(parameters('sku2'), 'Standard')]", "parameter 'sku2' has no default value"],
    ["[reference('pip').ipAddress]", 'reference() of pip is only known after deployment'],
    ["[nosuchfunction(1)]", "the template function 'nosuchfunction' is not evaluated by Bastion Doctor"],
    ["[concat('a']", 'is malformed'],
    ["[createArray(1)[3]]", 'index 3 is outside an array of 1'],
  ];
  for (const [text, reason] of unresolvedCases) {
    it(`${text} is unresolved: ${reason}`, () => {
      const value = evaluateTemplateString(text, context);
      assert.ok(isUnresolved(value), `expected unresolved, got ${JSON.stringify(value)}`);
      assert.ok(value.reasons.some((r) => r.includes(reason)), value.reasons.join('; '));
    });
  }

  it('decides and()/or()/if() from known arguments even when another is unknown', () => {
    assert.equal(evaluateTemplateString("[and(false(), parameters('x'))]", context), false);
    assert.equal(evaluateTemplateString("[or(true(), parameters('x'))]", context), true);
    assert.equal(evaluateTemplateString("[if(parameters('x'), 'same', 'same')]", context), 'same');
    assert.ok(isUnresolved(evaluateTemplateString("[if(parameters('x'), 'a', 'b')]", context)));
  });
});
