import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOG, RULE_IDS, isRuleId, type RuleId } from '../../../src/core/catalog';
import type { BastionFlowId } from '../../../src/core/findings';

// The rule pages are the documentation link of every diagnostic; these tests keep them in step
// with the catalog and keep their snippets copyable.
const RULES_DIR = resolve(__dirname, '../../../docs/rules');

const SECTIONS = ['What it checks', 'Why it matters', 'How to fix', 'How to suppress', 'Sources'];
const FIX_FORMS = ['Azure CLI', 'Azure PowerShell', 'ARM template', 'Bicep', 'Terraform (azurerm)'];

interface FencedBlock {
  language: string;
  body: string;
}

interface Page {
  lines: string[];
  /** The page text with fenced code removed, so `# comment` lines in code are not headings. */
  prose: string[];
  blocks: FencedBlock[];
}

function parsePage(text: string): Page {
  const lines = text.split('\n');
  const prose: string[] = [];
  const blocks: FencedBlock[] = [];
  let open: FencedBlock | undefined;
  for (const line of lines) {
    if (line.startsWith('```')) {
      if (open) {
        blocks.push(open);
        open = undefined;
      } else {
        open = { language: line.slice(3).trim(), body: '' };
      }
      continue;
    }
    if (open) open.body += `${line}\n`;
    else prose.push(line);
  }
  assert.equal(open, undefined, 'unterminated code fence');
  return { lines, prose, blocks };
}

function readPage(fileName: string): Page {
  return parsePage(readFileSync(join(RULES_DIR, fileName), 'utf8'));
}

function headings(page: Page, marker: '##' | '###'): string[] {
  return page.prose.filter((line) => line.startsWith(`${marker} `)).map((line) => line.slice(marker.length + 1).trim());
}

/** The text of a `## ` section, code included, up to the next `## ` heading outside code. */
function sectionText(page: Page, title: string): string {
  const text = page.lines.join('\n');
  const start = text.indexOf(`\n## ${title}\n`);
  assert.notEqual(start, -1, `missing section ${title}`);
  const rest = text.slice(start + 1);
  const next = parsePage(rest).prose.slice(1).find((line) => line.startsWith('## '));
  return next === undefined ? rest : rest.slice(0, rest.indexOf(`\n${next}\n`));
}

function summaryRow(page: Page): { severity: string; where: string; layer: string } {
  const header = page.prose.findIndex((line) => line === '| Default severity | Runs in | Layer |');
  assert.notEqual(header, -1, 'summary table missing');
  const [severity, where, layer] = page.prose[header + 2].split('|').slice(1, 4).map((cell) => cell.trim());
  return { severity, where, layer };
}

function jsonBlocks(page: Page): unknown[] {
  return page.blocks.filter((block) => block.language === 'json').map((block) => JSON.parse(block.body) as unknown);
}

/** Every object nested anywhere in a JSON value. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(objectsIn)];
}

function portsOf(rule: Record<string, unknown>): string[] {
  const single = typeof rule.destinationPortRange === 'string' ? [rule.destinationPortRange] : [];
  const plural = Array.isArray(rule.destinationPortRanges) ? (rule.destinationPortRanges as string[]) : [];
  return [...single, ...plural];
}

const pages = new Map<RuleId, Page>(RULE_IDS.map((id) => [id, readPage(`${id}.md`)]));

test('every catalog rule has a page', () => {
  const files = new Set(readdirSync(RULES_DIR));
  for (const id of RULE_IDS) assert.ok(files.has(`${id}.md`), `docs/rules/${id}.md is missing`);
});

test('no page exists for an id outside the catalog', () => {
  const strays = readdirSync(RULES_DIR)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.slice(0, -3))
    .filter((id) => !isRuleId(id));
  assert.deepEqual(strays, []);
});

for (const id of RULE_IDS) {
  const meta = CATALOG[id];

  test(`${id}: title, summary table and sections in order`, () => {
    const page = pages.get(id)!;
    assert.equal(page.lines[0], `# ${id}`);
    assert.ok(page.lines[2].length > 0, 'one-line summary after the title');
    assert.deepEqual(headings(page, '##'), SECTIONS);
    const row = summaryRow(page);
    assert.ok(row.severity.startsWith(meta.defaultSeverity), `severity "${row.severity}" should start with ${meta.defaultSeverity}`);
    assert.equal(row.where, meta.scopes.join(', '));
    assert.ok(row.layer.includes(`\`${meta.layer}\``), `layer cell "${row.layer}" should name ${meta.layer}`);
  });

  test(`${id}: every fix form is present, or says why it does not apply`, () => {
    const page = pages.get(id)!;
    const fixSection = parsePage(sectionText(page, 'How to fix'));
    assert.deepEqual(headings(fixSection, '###'), FIX_FORMS);
    const text = fixSection.lines.join('\n');
    for (const form of FIX_FORMS) {
      const body = text.split(`### ${form}\n`)[1].split('\n### ')[0];
      const hasSnippet = body.includes('```');
      // A removal ("Delete the ... resource") is a complete fix without a snippet.
      const saysWhy = /^(Does not apply: |The fix is |Delete |Remove ).+/m.test(body);
      assert.ok(hasSnippet || saysWhy, `${form}: needs a snippet or a one-line reason`);
    }
  });

  test(`${id}: sources include the catalog's Microsoft page`, () => {
    const sources = sectionText(pages.get(id)!, 'Sources');
    const urls = sources.match(/https:\/\/[^\s)]+/g) ?? [];
    assert.ok(urls.some((url) => url === meta.sourceUrl || url.includes(meta.sourceUrl)), `no source link to ${meta.sourceUrl}`);
  });

  test(`${id}: suppression covers the setting, the CLI and, for template rules, every inline form`, () => {
    const suppress = sectionText(pages.get(id)!, 'How to suppress');
    const blocks = parsePage(suppress).blocks;
    const settings = blocks.filter((b) => b.language === 'json').map((b) => JSON.parse(b.body) as Record<string, unknown>);
    assert.ok(settings.some((s) => (s['bastionDoctor.rules'] as Record<string, string> | undefined)?.[id] === 'off'));
    assert.ok(suppress.includes(`--rule ${id}=off`));
    if (meta.scopes.includes('template')) {
      assert.ok(suppress.includes(`// bastion-doctor-disable-next-line ${id}\n`), 'Bicep inline comment');
      assert.ok(suppress.includes(`# bastion-doctor-disable-next-line ${id}\n`), 'Terraform inline comment');
      const disabled = settings.flatMap((s) => ((s.metadata as { 'bastion-doctor'?: { disable?: string[] } } | undefined)?.['bastion-doctor']?.disable ?? []));
      assert.deepEqual(disabled, [id], 'ARM metadata disables exactly this rule');
    }
  });

  test(`${id}: every json block parses`, () => {
    for (const block of pages.get(id)!.blocks.filter((b) => b.language === 'json')) {
      assert.doesNotThrow(() => JSON.parse(block.body), block.body.slice(0, 120));
    }
  });

  test(`${id}: no allow rule opens inbound 443 to the source *`, () => {
    const rules = jsonBlocks(pages.get(id)!).flatMap(objectsIn)
      .filter((o) => o.direction === 'Inbound' && o.access === 'Allow' && portsOf(o).includes('443'));
    for (const rule of rules) assert.notEqual(rule.sourceAddressPrefix, '*');
  });
}

const REQUIRED_FLOWS: readonly { flow: BastionFlowId; direction: string; source: string; destination: string; ports: string[] }[] = [
  { flow: 'in-internet-443', direction: 'Inbound', source: 'Internet', destination: '*', ports: ['443'] },
  { flow: 'in-gatewaymanager-443', direction: 'Inbound', source: 'GatewayManager', destination: '*', ports: ['443'] },
  { flow: 'in-azureloadbalancer-443', direction: 'Inbound', source: 'AzureLoadBalancer', destination: '*', ports: ['443'] },
  { flow: 'in-vnet-8080-5701', direction: 'Inbound', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { flow: 'out-vnet-22-3389', direction: 'Outbound', source: '*', destination: 'VirtualNetwork', ports: ['22', '3389'] },
  { flow: 'out-vnet-8080-5701', direction: 'Outbound', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { flow: 'out-azurecloud-443', direction: 'Outbound', source: '*', destination: 'AzureCloud', ports: ['443'] },
  { flow: 'out-internet-80', direction: 'Outbound', source: '*', destination: 'Internet', ports: ['80'] },
];

test('bastion-nsg-missing-rule: the flow table lists all eight flow ids', () => {
  const prose = pages.get('bastion-nsg-missing-rule')!.prose.join('\n');
  for (const { flow } of REQUIRED_FLOWS) assert.ok(prose.includes(`| \`${flow}\` |`), `flow ${flow} missing from the table`);
});

test('bastion-nsg-missing-rule: the ARM template is a complete compliant NSG', () => {
  const nsg = jsonBlocks(pages.get('bastion-nsg-missing-rule')!).flatMap(objectsIn)
    .find((o) => o.type === 'Microsoft.Network/networkSecurityGroups');
  assert.ok(nsg, 'no NSG resource in the ARM template');
  const rules = ((nsg.properties as { securityRules: { properties: Record<string, unknown> }[] }).securityRules).map((r) => r.properties);
  assert.equal(rules.length, REQUIRED_FLOWS.length);
  for (const expected of REQUIRED_FLOWS) {
    const match = rules.find((r) => r.direction === expected.direction && r.access === 'Allow'
      && r.sourceAddressPrefix === expected.source && r.destinationAddressPrefix === expected.destination
      && expected.ports.every((port) => portsOf(r).includes(port)));
    assert.ok(match, `no rule for ${expected.flow}`);
  }
  for (const direction of ['Inbound', 'Outbound']) {
    const priorities = rules.filter((r) => r.direction === direction).map((r) => r.priority);
    assert.equal(new Set(priorities).size, priorities.length, `${direction} priorities must be unique`);
  }
});

test('bastion-nsg-missing-rule: every form declares all eight rules', () => {
  const fix = sectionText(pages.get('bastion-nsg-missing-rule')!, 'How to fix');
  const count = (pattern: RegExp) => (fix.match(pattern) ?? []).length;
  assert.equal(count(/az network nsg rule create/g), 8, 'Azure CLI');
  assert.equal(count(/New-AzNetworkSecurityRuleConfig -Name/g), 8, 'Azure PowerShell');
  assert.equal(count(/^ {6}\{ name: 'Allow/gm), 8, 'Bicep');
  assert.equal(count(/^ {2}security_rule \{/gm), 8, 'Terraform');
});

test('README indexes every rule with its page, severity and scopes', () => {
  const readme = parsePage(readFileSync(join(RULES_DIR, 'README.md'), 'utf8'));
  const rows = new Map(readme.prose
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, 6).map((cell) => cell.trim()))
    .map(([id, severity, where, title, link]) => [id.replaceAll('`', ''), { severity, where, title, link }]));
  assert.deepEqual([...rows.keys()], [...RULE_IDS]);
  for (const id of RULE_IDS) {
    const row = rows.get(id)!;
    assert.equal(row.link, `[${id}.md](${id}.md)`);
    assert.equal(row.title, CATALOG[id].title);
    assert.deepEqual({ severity: row.severity, where: row.where }, { severity: summaryRow(pages.get(id)!).severity, where: summaryRow(pages.get(id)!).where });
  }
});
