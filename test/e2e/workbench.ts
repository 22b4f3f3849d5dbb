import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * The VS Code workbench in the browser, as a person uses it: the command palette, quick inputs,
 * the panel. UI tests get it from `workbench()`; add a helper here when a new kind of step is
 * needed, so the tests read as steps.
 */
export class Workbench {
  constructor(
    readonly page: Page,
    private readonly resultsDir: string,
  ) {}

  /**
   * Waits for the workbench to be laid out, connected to the server, and to know the extension:
   * its contributions arrive a moment after the window is drawn. When the extension contributes
   * an activity bar entry, that entry showing up is the sign; `runCommand` retries on its own
   * for palette commands that come late.
   */
  async waitUntilReady(timeoutMs = 90_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    const container = contributedActivityBarTitle();
    if (container) {
      await this.activityBarItem(container).waitFor({ state: 'visible', timeout: timeoutMs });
    }
  }

  /** An entry of the activity bar by its label (`Intervals`, `Explorer`...). */
  activityBarItem(label: string): Locator {
    return this.page.locator(`.part.activitybar .action-item .action-label[aria-label^="${label}"]`).first();
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  /** The rows the quick input currently shows. */
  get quickInputRows(): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row');
  }

  /** Opens the command palette (F1, as a person would). */
  async openCommandPalette(): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    await this.quickInputBox.waitFor({ state: 'visible' });
  }

  /**
   * Runs a command by its palette title, e.g. `Intervals: Show Log`. The palette lists the
   * commands known when it opens, so a command contributed a moment later gets another try.
   */
  async runCommand(title: string, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.openCommandPalette();
      await this.quickInputBox.fill(`>${title}`);
      try {
        await this.pickQuickInputItem(title, attempt < attempts ? 5_000 : undefined);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          throw error;
        }
        await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden' });
      }
    }
  }

  /**
   * Types into the open quick input (an input box or a quick pick's filter) and, unless told not
   * to, accepts it with Enter.
   */
  async typeIntoQuickInput(text: string, options: { submit?: boolean } = {}): Promise<void> {
    await this.quickInputBox.waitFor({ state: 'visible' });
    await this.quickInputBox.fill(text);
    if (options.submit ?? true) {
      await this.quickInputBox.press('Enter');
    }
  }

  /** Chooses the quick pick row whose label is exactly `label`. */
  async pickQuickInputItem(label: string, timeoutMs?: number): Promise<void> {
    const row = this.quickInputRows.filter({
      has: this.page.locator('.monaco-highlighted-label, .label-name').getByText(label, { exact: true }),
    });
    await row.first().click({ timeout: timeoutMs });
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  get panel(): Locator {
    return this.page.locator('.part.panel');
  }

  /** Closes the panel (Output, Problems, Terminal...) so a step that opens it starts from a known state. */
  async closePanel(): Promise<void> {
    // "View: Close Panel" is only offered while the panel is open.
    if (await this.panel.isVisible()) {
      await this.runCommand('View: Close Panel');
    }
    await this.panel.waitFor({ state: 'hidden' });
  }

  /** The Output view, with the channel shown in it as the selected entry of its channel list. */
  outputView(): { view: Locator; channelPicker: Locator } {
    const view = this.panel.locator('.output-view, [id="workbench.panel.output"]').first();
    const channelPicker = this.panel.locator('select.monaco-select-box');
    return { view, channelPicker };
  }

  /** Name of the output channel the Output view shows, once it is visible. */
  async visibleOutputChannel(timeoutMs = 30_000): Promise<string> {
    const { view, channelPicker } = this.outputView();
    await view.waitFor({ state: 'visible', timeout: timeoutMs });
    await channelPicker.first().waitFor({ state: 'attached', timeout: timeoutMs });
    return channelPicker.first().evaluate((select) => {
      // This runs in the page; the test project has no DOM typings, hence the structural type.
      const element = select as unknown as { selectedIndex: number; options: ArrayLike<{ text: string }> };
      return element.options[element.selectedIndex]?.text ?? '';
    });
  }

  /** Saves a screenshot of the whole window to test-results/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.resultsDir, { recursive: true });
    const file = join(this.resultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/** Title of the first activity bar view container the extension's package.json contributes. */
function contributedActivityBarTitle(): string | undefined {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes?: { viewsContainers?: { activitybar?: { title?: string }[] } };
  };
  return manifest.contributes?.viewsContainers?.activitybar?.[0]?.title;
}

let current: Workbench | undefined;

/** Set by the e2e runner before the tests load. */
export function setWorkbench(workbench: Workbench | undefined): void {
  current = workbench;
}

/** The workbench the e2e runner opened. */
export function workbench(): Workbench {
  if (!current) {
    throw new Error('No workbench: run the UI tests with `npm run test:e2e`.');
  }
  return current;
}
