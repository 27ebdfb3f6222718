// UI end-to-end: the packaged .vsix installed into a real VS Code server, driven with headless
// Chromium the way a user would: the Bastion Doctor view, the command palette, a squiggle and its
// quick fix. Each step leaves a screenshot in test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, installVsix, networkGuardEnv, prepareRunDirs, root, startServer, workbenchUrl, type RunDirs, type RunningServer,
} from '../../../scripts/vscode-server.mjs';
import { Workbench } from './workbench';

const VSIX = join(root, 'dist', 'bastion-doctor.vsix');
const MAX_VSIX_BYTES = 3 * 1024 * 1024;
const NSG_TEMPLATE = 'arm/nsg-bastion.json';

interface CliFinding {
  rule: string;
  message: string;
  resource: { origin?: { kind: string; range?: { start: { line: number; character: number } } } };
  fixes?: { title: string }[];
}

/** What the CLI reports for the same input (it exits non-zero when it finds errors). */
function cliFindings(...args: string[]): CliFinding[] {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args, '--format', 'json'], { encoding: 'utf8', cwd: root });
  return (JSON.parse(result.stdout) as { findings: CliFinding[] }).findings;
}

describe('VS Code UI', { timeout: 170_000 }, () => {
  let dirs: RunDirs;
  let workspace: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench;

  before(async () => {
    dirs = prepareRunDirs('ui');
    workspace = join(dirs.base, 'workspace');
    cpSync(join(root, 'samples', 'workspace'), workspace, { recursive: true });
    installVsix(dirs, VSIX);
    server = await startServer({ dirs, env: networkGuardEnv() });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15_000);
    workbench = new Workbench(page);
    await page.goto(workbenchUrl(server.baseUrl, workspace), { waitUntil: 'domcontentloaded' });
    await workbench.waitUntilReady();
    await workbench.screenshot('workbench');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    server?.stop();
  });

  test('the .vsix is under 3 MB and installs into the VS Code server', () => {
    const size = statSync(VSIX).size;
    assert.ok(size < MAX_VSIX_BYTES, `dist/bastion-doctor.vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
    assert.ok(readdirSync(dirs.extensions).some((name) => name.startsWith('bastion-doctor.bastion-doctor-')), 'installed extension folder');
  });

  test('the Bastion Doctor view opens and its tree expands on the demo environment', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Bastion Doctor"]').first().click();
    await workbench.viewRows('Bastion Hosts').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
    await workbench.screenshot('view-opened');
    await workbench.runCommand('Bastion Doctor: Open Demo Environment');
    const hosts = workbench.viewRows('Bastion Hosts');
    await hosts.filter({ hasText: 'bas-demo-hub' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await workbench.screenshot('demo-loaded');
    // Expand collapsed rows until a VM appears under a host (the tree may group by subscription first).
    for (let round = 0; round < 4 && (await hosts.filter({ hasText: 'vm-demo-' }).count()) === 0; round++) {
      const collapsed = hosts.and(page.locator('[aria-expanded="false"]'));
      const count = await collapsed.count();
      for (let index = 0; index < count; index++) {
        await collapsed.first().click();
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(200);
      }
    }
    await hosts.filter({ hasText: 'vm-demo-' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshot('tree-expanded');
  });

  test('Diagnose Bastion from the command palette shows the findings in the Diagnosis view', async () => {
    const { page } = workbench;
    const expectedMessages = cliFindings('diagnose', '--demo').map((f) => f.message.slice(0, 40));
    await workbench.runCommand('Bastion Doctor: Diagnose Bastion');
    // Without a tree selection the command asks which host (and VM) to diagnose: take the first offered.
    for (let pick = 0; pick < 2; pick++) {
      const picker = page.locator('.quick-input-widget');
      if (!(await picker.isVisible().catch(() => false))) await page.waitForTimeout(1_000);
      if (!(await picker.isVisible().catch(() => false))) break;
      await workbench.screenshot(`diagnose-pick-${pick + 1}`);
      await page.locator('.quick-input-widget input').press('Enter');
    }
    const rows = workbench.viewRows('Diagnosis');
    await rows.filter({ hasText: 'Demo' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const texts = await rows.allInnerTexts();
    await workbench.screenshot('diagnosis');
    assert.ok(
      texts.some((text) => expectedMessages.some((message) => text.includes(message))),
      `the Diagnosis view shows a demo finding; it shows:\n${texts.join('\n')}`,
    );
  });

  test('a broken NSG template shows a squiggle that Ctrl+. fixes', async () => {
    const { page } = workbench;
    const finding = cliFindings('lint', join(workspace, NSG_TEMPLATE)).find((f) => f.rule === 'bastion-nsg-missing-rule');
    assert.ok(finding?.resource.origin?.range, 'the CLI reports the missing rule with a range');
    const start = finding.resource.origin.range.start;
    const fixTitle = finding.fixes?.[0]?.title;
    assert.ok(fixTitle, 'the finding carries a fix');

    await workbench.quickOpen('nsg-bastion.json');
    const squiggles = page.locator('.monaco-editor .squiggly-error');
    await squiggles.first().waitFor({ state: 'attached', timeout: 20_000 });
    await workbench.screenshot('squiggle');

    await workbench.goToLine(start.line + 1, start.character + 1);
    const actions = page.locator('.action-widget');
    for (let attempt = 0; attempt < 6 && !(await actions.isVisible()); attempt++) {
      await page.keyboard.press('Control+.');
      await actions.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
    }
    await actions.waitFor({ state: 'visible', timeout: 5_000 });
    await workbench.screenshot('quick-fix-menu');
    const titles = await actions.locator('.monaco-list-row.action').allInnerTexts();
    const index = titles.findIndex((title) => title.includes(fixTitle));
    assert.ok(index >= 0, `the quick fix menu offers "${fixTitle}"; it offers:\n${titles.join('\n')}`);
    const focused = await actions.locator('.monaco-list-row.action.focused').innerText().catch(() => titles[0]);
    for (let step = Math.max(0, titles.indexOf(focused)); step < index; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await squiggles.first().waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await squiggles.count(), 0, 'no error squiggle is left after the fix');
    await workbench.screenshot('squiggle-gone');
  });
});
