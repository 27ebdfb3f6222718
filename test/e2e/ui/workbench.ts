// Drives the VS Code web workbench with playwright-core: the command palette, quick open, go to
// line, and screenshots of each step. Keyboard shortcuts are retried until their widget appears,
// because the workbench drops keys while it is still restoring focus.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const screenshotsDir = join(process.cwd(), 'test-results', 'screenshots');

export class Workbench {
  private step = 0;

  constructor(readonly page: Page) {
    mkdirSync(screenshotsDir, { recursive: true });
  }

  async screenshot(name: string): Promise<void> {
    this.step += 1;
    await this.page.screenshot({ path: join(screenshotsDir, `${String(this.step).padStart(2, '0')}-${name}.png`) });
  }

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await this.page.locator('.activitybar').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** Presses keys until the quick input opens (the workbench may swallow the first press). */
  async openQuickInput(keys: string, attempts = 6): Promise<void> {
    const quickInput = this.page.locator('.quick-input-widget');
    for (let attempt = 0; attempt < attempts; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.locator('.monaco-workbench').focus().catch(() => undefined);
      await this.page.keyboard.press(keys);
      try {
        await quickInput.waitFor({ state: 'visible', timeout: 2_000 });
        return;
      } catch {
        // not opened yet: try again
      }
    }
    throw new Error(`${keys} did not open the quick input after ${attempts} attempts`);
  }

  /** Runs a command by its palette title, e.g. "Bastion Doctor: Diagnose Bastion". */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await input.press('Enter');
  }

  async quickOpen(fileName: string): Promise<void> {
    await this.openQuickInput('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await input.press('Enter');
    await this.page.locator(`.tab[aria-label*="${fileName}"]`).first().waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Puts the cursor at a 1-based line and column with Ctrl+G (clicks in the editor are intercepted). */
  async goToLine(line: number, column: number): Promise<void> {
    await this.openQuickInput('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
  }

  /** The visible rows of a view pane (e.g. "Bastion Hosts", "Diagnosis"). */
  viewRows(viewTitle: string) {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: viewTitle }) }).locator('.monaco-list-row');
  }
}
