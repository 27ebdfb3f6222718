import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terraformParser } from '../../../../src/templates/terraform';
import { TerraformModule } from '../../../../src/templates/terraform/module';
import { parseTerraformFile } from '../../../../src/templates/terraform/syntax';
import { Unknown, type Value } from '../../../../src/templates/terraform/values';

const PRELUDE = `
variable "with_default" { default = "Standard" }
variable "no_default" { type = string }
variable "overridden" { default = 1 }
locals {
  rules = {
    https = { priority = 120, ports = ["443"] }
    ssh   = { priority = 100, ports = ["22", "3389"] }
  }
  names = ["a", "b", "c"]
}
data "azurerm_subnet" "existing" {
  name = "x"
}
module "naming" {
  source = "Azure/naming/azurerm"
}
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-\${var.with_default}"
  resource_group_name = "rg-one"
}
resource "azurerm_network_security_group" "unnamed" {
  count               = 2
  name                = var.no_default
  resource_group_name = "rg-one"
}
resource "azurerm_network_security_group" "keyed" {
  for_each            = toset(["bastion", "jump"])
  name                = var.no_default
  resource_group_name = "rg-one"
}
resource "azurerm_subnet" "many" {
  count                = 2
  name                 = "snet-\${count.index}"
  resource_group_name  = "rg-one"
  virtual_network_name = "vnet-one"
}
`;

async function evaluate(expression: string, tfvars = 'overridden = 7'): Promise<Value> {
  const parser = await terraformParser();
  const config = parseTerraformFile(parser, 'main.tf', `${PRELUDE}\nlocals {\n  probe = ${expression}\n}\n`);
  assert.deepEqual(config.diagnostics, [], `syntax of ${expression}`);
  const vars = parseTerraformFile(parser, 'terraform.tfvars', tfvars);
  const module = new TerraformModule([config], [vars]);
  const probe = config.body.blocks.filter((b) => b.type === 'locals').at(-1)?.body.attributes.get('probe');
  assert.ok(probe);
  return module.evaluate(probe.value, new Map());
}

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-one/providers/Microsoft.Network';

describe('Terraform expression evaluation', () => {
  const known: [string, Value][] = [
    ['"plain"', 'plain'],
    ['"nsg-${var.with_default}-${1 + 2}"', 'nsg-Standard-3'],
    ['var.overridden', 7],
    ['local.names[1]', 'b'],
    ['local.rules.ssh.priority', 100],
    ['local.rules["https"].ports', ['443']],
    ['true ? "yes" : "no"', 'yes'],
    ['var.with_default == "Basic" ? 1 : 2', 2],
    ['concat(["a"], ["b", "c"])', ['a', 'b', 'c']],
    ['merge({ a = 1 }, { b = 2 }, { a = 3 })', { a: 3, b: 2 }],
    ['lookup({ a = 1 }, "b", 9)', 9],
    ['try(local.rules.missing.priority, 4096)', 4096],
    ['can(local.rules.missing)', false],
    ['tolist(toset(["x", "x", "y"]))', ['x', 'y']],
    ['cidrsubnet("10.20.0.0/22", 4, 0)', '10.20.0.0/26'],
    ['cidrsubnet("10.0.0.0/16", 10, 5)', '10.0.1.64/26'],
    ['format("%s-%03d", "nsg", 7)', 'nsg-007'],
    ['lower("AzureBastionSubnet")', 'azurebastionsubnet'],
    ['upper("tcp")', 'TCP'],
    ['length(local.rules)', 2],
    ['element(local.names, 4)', 'b'],
    ['coalesce("", null, "first")', 'first'],
    ['jsonencode({ a = [1, "x"] })', '{"a":[1,"x"]}'],
    ['[for name, rule in local.rules : rule.priority if rule.priority > 110]', [120]],
    ['{ for name, rule in local.rules : name => rule.priority }', { https: 120, ssh: 100 }],
    ['[for n in local.names : upper(n)]', ['A', 'B', 'C']],
    ['azurerm_network_security_group.nsg.name', 'nsg-Standard'],
    ['azurerm_network_security_group.nsg.id', `${RG}/networkSecurityGroups/nsg-Standard`],
    ['azurerm_subnet.many[1].id', `${RG}/virtualNetworks/vnet-one/subnets/snet-1`],
    ['azurerm_subnet.many[*].name', ['snet-0', 'snet-1']],
    ['!false && (3 >= 2)', true],
  ];
  for (const [expression, expected] of known) {
    it(`${expression} = ${JSON.stringify(expected)}`, async () => {
      assert.deepEqual(await evaluate(expression), expected);
    });
  }

  // Literal text is read between the template's tokens; tree-sitter's template_literal nodes drop
  // leading and trailing whitespace. Heredoc cases follow HCL's own specification suite.
  const strings: [string, string][] = [
    ['" padded "', ' padded '],
    ['"\t"', '\t'],
    ['"${var.with_default} ${var.overridden}"', 'Standard 7'],
    ['" ${var.with_default} "', ' Standard '],
    ['"a\\tb \\"q\\" \\u00e9 $${x} %%{y}"', 'a\tb "q" é ${x} %{y}'],
    ['"a  ${~ var.with_default ~}  b"', 'aStandardb'],
    ['<<EOT\nFoo\n  Bar\nEOT', 'Foo\n  Bar\n'],
    ['<<EOT\n    Foo\n    ${var.with_default}\n  EOT', '    Foo\n    Standard\n'],
    ['<<EOT\n    NOT EOT\n  EOT', '    NOT EOT\n'],
    ['<<EOT\nFoo\n\nBar\nEOT', 'Foo\n\nBar\n'],
    ['<<EOT\nno \\n escapes $${x}\nEOT', 'no \\n escapes ${x}\n'],
    ['<<EOT\nEOT', ''],
    ['<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT', 'Foo\n  Bar\nBaz\n'],
    ['<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT', '  Foo\nBar\n  Baz\n'],
    ['<<-EOT\n    Foo\n      ${var.with_default}\n    Baz\n  EOT', 'Foo\n  Standard\nBaz\n'],
    ['<<-EOT\n    Foo\n${var.with_default}\n    Baz\n  EOT', '    Foo\nStandard\n    Baz\n'],
    ['<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT', 'Foo\n Bar\n Baz\n'],
    ['<<-EOT\n    Foo\n\n    Bar\n  EOT', 'Foo\n\nBar\n'],
  ];
  for (const [expression, expected] of strings) {
    it(`${JSON.stringify(expression)} reads as ${JSON.stringify(expected)}`, async () => {
      assert.equal(await evaluate(expression), expected);
    });
  }

  const unknown: [string, RegExp][] = [
    ['var.no_default', /^variable 'no_default' has no default; terraform.tfvars would decide it$/],
    ['"10.0.0.0/${var.no_default}"', /variable 'no_default' has no default/],
    ['data.azurerm_subnet.existing.id', /data source 'data.azurerm_subnet.existing' is read from Azure at plan time/],
    ['module.naming.nsg_name', /module 'naming' \(source "Azure\/naming\/azurerm"\) is not evaluated/],
    ['azurerm_network_security_group.nsg.location', /azurerm_network_security_group.nsg.location is known only after apply/],
    ['var.no_default ? "a" : "b"', /variable 'no_default' has no default/],
    ['var.undeclared', /variable 'undeclared' is not declared/],
    ['templatefile("x.tpl", {})', /function templatefile\(\) is not evaluated/],
  ];
  for (const [expression, reason] of unknown) {
    it(`${expression} is unresolved with its reason`, async () => {
      const value = await evaluate(expression);
      assert.ok(value instanceof Unknown, `got ${JSON.stringify(value)}`);
      assert.match(value.reason, reason);
    });
  }

  it('a terraform.tfvars value overrides the default, and no tfvars keeps the default', async () => {
    assert.equal(await evaluate('var.overridden', 'overridden = 42'), 42);
    assert.equal(await evaluate('var.overridden', ''), 1);
  });

  describe('an unknown attribute of a resource instance says which instance it is', () => {
    const cases: [string, string | undefined][] = [
      ['azurerm_network_security_group.unnamed[0].name', 'azurerm_network_security_group.unnamed[0]'],
      ['azurerm_network_security_group.unnamed.1.name', 'azurerm_network_security_group.unnamed[1]'],
      ['azurerm_network_security_group.keyed["jump"].name', 'azurerm_network_security_group.keyed["jump"]'],
      ['one(azurerm_network_security_group.keyed[*].name)', undefined],
      ['try(azurerm_network_security_group.keyed["bastion"].name, null)', 'azurerm_network_security_group.keyed["bastion"]'],
      ['tostring(azurerm_network_security_group.unnamed[0].name)', 'azurerm_network_security_group.unnamed[0]'],
      // Computed from the name: no longer the name itself.
      ['"${azurerm_network_security_group.unnamed[0].name}-rules"', undefined],
      ['lower(azurerm_network_security_group.unnamed[0].name)', undefined],
      ['coalesce(azurerm_network_security_group.unnamed[0].name, "x")', undefined],
      ['azurerm_network_security_group.unnamed[0].name == "x" ? "a" : "b"', undefined],
      ['var.no_default', undefined],
    ];
    for (const [expression, address] of cases) {
      it(`${expression} → ${address ?? 'no instance'}`, async () => {
        const value = await evaluate(expression);
        if (expression.startsWith('one(')) {
          assert.ok(value instanceof Unknown && value.kind === 'error', 'one() of two instances is an error');
          return;
        }
        assert.ok(value instanceof Unknown, `${expression} is unknown`);
        assert.equal(value.attributeOf?.address, address);
        if (address) assert.equal(value.attributeOf?.attribute, 'name');
      });
    }

    it('one(x[*].name) of a single counted instance is that instance', async () => {
      const value = await evaluate('one(azurerm_network_security_group.unnamed[*].name)');
      assert.ok(value instanceof Unknown && value.kind === 'error', 'two instances');
      const parser = await terraformParser();
      const config = parseTerraformFile(parser, 'main.tf', `variable "n" { type = string }
resource "azurerm_network_security_group" "this" {
  count = 1
  name  = var.n
}
locals {
  probe = one(azurerm_network_security_group.this[*].name)
}
`);
      const module = new TerraformModule([config], []);
      const probe = config.body.blocks.find((b) => b.type === 'locals')?.body.attributes.get('probe');
      assert.ok(probe);
      const single = module.evaluate(probe.value, new Map());
      assert.ok(single instanceof Unknown);
      assert.equal(single.attributeOf?.address, 'azurerm_network_security_group.this[0]');
    });
  });
});
