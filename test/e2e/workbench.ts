import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { readManifest } from '../manifest';

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
    if (await this.quickInputBox.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
      return;
    }
    // Some pages (the walkthrough's) keep F1 from the workbench: the title bar's search box opens
    // the same quick input (the `>` the commands' callers type makes it the palette).
    await this.page.locator('.command-center .command-center-center').first().click();
    await this.quickInputBox.waitFor({ state: 'visible' });
  }

  /**
   * Runs a command by its palette title, e.g. `Intervals: Show Log`. The palette lists the
   * commands known when it opens, so a command contributed a moment later gets another try, as
   * does a palette closed before it was typed into.
   */
  async runCommand(title: string, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.openCommandPalette();
      try {
        // A page that takes the focus back (the walkthrough's, as a step completes) closes the
        // palette under the typing: that too gets another try.
        await this.quickInputBox.fill(`>${title}`, attempt < attempts ? { timeout: 5_000 } : {});
        await this.clickQuickInputRow(title, attempt < attempts ? 5_000 : undefined);
        await this.paletteGone();
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
    // A prompt that opens in the same widget a moment later starts empty: type again into it.
    for (let retry = 0; retry < 3; retry++) {
      await this.page.waitForTimeout(150);
      if ((await this.quickInputBox.inputValue()) === text) {
        break;
      }
      await this.quickInputBox.fill(text);
    }
    if (options.submit ?? true) {
      await this.quickInputBox.press('Enter');
    }
  }

  /** Chooses the quick pick row whose label is exactly `label`. */
  async pickQuickInputItem(label: string, timeoutMs?: number): Promise<void> {
    await this.clickQuickInputRow(label, timeoutMs);
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /**
   * Chooses a row in one step of a multi-step quick input and waits for the step to be over: the
   * widget closes, or the next step takes it over with another placeholder.
   */
  async pickQuickInputStep(label: string, timeoutMs = 15_000): Promise<void> {
    const title = await this.quickInputTitle();
    await this.clickQuickInputRow(label, timeoutMs);
    await this.stepOver(title, timeoutMs).catch(() => {
      throw new Error(`The quick input step "${title}" did not move on after choosing "${label}".`);
    });
  }

  /** The quick input's title with its step counter, e.g. `Log Time (3/6)`; empty when none shows. */
  async quickInputTitle(): Promise<string> {
    return (await this.quickInput.locator('.quick-input-title').textContent({ timeout: 1_000 }).catch(() => '')) ?? '';
  }

  /**
   * Resolves once the quick input no longer shows the step titled `title`: it closed, or the next
   * step (another counter) took the widget over. The page is watched, not a clock.
   */
  async stepOver(title: string, timeoutMs = 15_000): Promise<void> {
    // Runs in the page (a string, as the tests compile without the DOM's types).
    const moved = `(() => {
      const widget = document.querySelector('.quick-input-widget');
      if (!widget || widget.style.display === 'none' || widget.offsetParent === null) return true;
      return (widget.querySelector('.quick-input-title')?.textContent ?? '') !== ${JSON.stringify(title)};
    })()`;
    await this.page.waitForFunction(moved, undefined, { timeout: timeoutMs });
  }

  private async clickQuickInputRow(label: string, timeoutMs?: number): Promise<void> {
    const row = this.quickInputRows.filter({
      has: this.page.locator('.monaco-highlighted-label, .label-name').getByText(label, { exact: true }),
    });
    await row.first().click({ timeout: timeoutMs });
  }

  /**
   * After a command is chosen the palette closes, or the command's own prompt takes over the same
   * widget at once (it may never be hidden in between): wait for either.
   */
  private async paletteGone(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const visible = await this.quickInputBox.isVisible();
      if (!visible || !(await this.quickInputBox.inputValue()).startsWith('>')) {
        return;
      }
      await this.page.waitForTimeout(50);
    }
    throw new Error('The command palette did not close after a command was chosen.');
  }

  /** A view of the side bar by its title (`Tasks`, `My Time`): header and body. */
  viewPane(title: string): Locator {
    return this.page
      .locator('.part.sidebar .pane')
      .filter({ has: this.page.locator('.pane-header .title', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }) })
      .first();
  }

  /** The first row of a view's tree whose label contains `label`. */
  treeItem(view: string, label: string): Locator {
    return this.viewPane(view)
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: label }) })
      .first();
  }

  /** Expands a tree row (a click on a collapsed row, as a person would) and waits until it is open. */
  async expandTreeItem(view: string, label: string, timeoutMs = 30_000): Promise<void> {
    const row = this.treeItem(view, label);
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
    }
    const expanded = this.viewPane(view)
      .locator('.monaco-list-row[aria-expanded="true"]')
      .filter({ has: this.page.locator('.label-name', { hasText: label }) })
      .first();
    await expanded.waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Right-clicks a tree row and chooses `action` in its context menu. */
  async treeItemContextMenu(view: string, label: string, action: string): Promise<void> {
    const row = this.treeItem(view, label);
    await row.click({ button: 'right' });
    const item = this.page.locator('.monaco-menu .action-item .action-label').filter({ hasText: new RegExp(`^${escapeRegExp(action)}$`) }).first();
    await item.waitFor({ state: 'visible' });
    // VS Code's web menus act on the item under the pointer when Enter is pressed; a synthetic
    // click on the label is not always taken as a choice.
    await item.hover();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-menu').first().waitFor({ state: 'hidden' });
  }

  /** The inline action button of a tree row (shown on hover), by its title. */
  async clickTreeItemAction(view: string, label: string, action: string): Promise<void> {
    const row = this.treeItem(view, label);
    await row.hover();
    await row.locator(`.actions .action-label[aria-label^="${action}"]`).first().click();
  }

  /**
   * Opens the Intervals view and, when it shows the sign-in welcome, signs in with `token`
   * through the palette. A test that starts signed out or signed in gets the same start.
   */
  async ensureSignedIn(token: string): Promise<void> {
    const tasks = this.viewPane('Tasks');
    if (!(await tasks.isVisible())) {
      // A click on the container that is already open would close the side bar.
      await this.activityBarItem('Intervals').click();
    }
    await tasks.waitFor({ state: 'visible', timeout: 30_000 });
    const welcome = tasks.locator('.welcome-view-content').getByText('Sign in to Intervals', { exact: false }).first();
    if (await welcome.isVisible()) {
      await this.runCommand('Intervals: Sign In');
      await this.typeIntoQuickInput(token);
      await this.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
    }
  }

  /** Leaves the window as a new user finds it: nothing open, signed out, in the Explorer. */
  async signOutAndReset(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.runCommand('Intervals: Sign Out');
    await this.activityBarItem('Explorer').click();
  }

  /** The open modal dialog (only deleting asks with one). */
  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Presses a button of the open modal dialog by its label and waits for the dialog to close. */
  async answerDialog(button: string): Promise<void> {
    await this.dialog.waitFor({ state: 'visible', timeout: 15_000 });
    await this.dialog.locator('.monaco-button').filter({ hasText: new RegExp(`^${escapeRegExp(button)}$`) }).first().click();
    await this.dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /**
   * The document of the most recently opened webview panel (VS Code puts a webview's page in an
   * inner frame of its own frame).
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

  /** Status bar entries contributed by this extension (VS Code ids them `publisher.name.itemId`). */
  get extensionStatusBarItems(): Locator {
    return this.page.locator('.part.statusbar .statusbar-item[id^="intervals-vscode.intervals-vscode"]');
  }

  /** Dismisses every notification, so that a screenshot shows what it is about. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden' });
  }

  /** A notification toast containing `text`. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  }

  /** What the open quick input says about itself: title, prompt or placeholder, for steps that depend on them. */
  async quickInputDescription(): Promise<string> {
    const parts = await Promise.all([
      this.quickInput.locator('.quick-input-title').textContent({ timeout: 1_000 }).catch(() => ''),
      this.quickInput.locator('.quick-input-message').textContent({ timeout: 1_000 }).catch(() => ''),
      this.quickInputBox.getAttribute('placeholder', { timeout: 1_000 }).catch(() => ''),
      this.quickInputBox.getAttribute('aria-label', { timeout: 1_000 }).catch(() => ''),
    ]);
    return parts.filter(Boolean).join(' | ');
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

  /**
   * Saves a screenshot of the part of the window that holds every one of `parts` (with a margin)
   * to test-results/e2e/<name>.png and returns its path: a picture of one thing, as the
   * walkthrough shows them.
   */
  async screenshotOf(name: string, parts: readonly Locator[], margin = 6): Promise<string> {
    const boxes = await Promise.all(parts.map((part) => part.boundingBox()));
    const shown = boxes.filter((box): box is NonNullable<typeof box> => box !== null);
    if (shown.length === 0) {
      throw new Error(`Nothing to take a screenshot of for ${name}.`);
    }
    const viewport = this.page.viewportSize() ?? { width: 1400, height: 900 };
    const left = Math.max(0, Math.min(...shown.map((box) => box.x)) - margin);
    const top = Math.max(0, Math.min(...shown.map((box) => box.y)) - margin);
    const right = Math.min(viewport.width, Math.max(...shown.map((box) => box.x + box.width)) + margin);
    const bottom = Math.min(viewport.height, Math.max(...shown.map((box) => box.y + box.height)) + margin);
    mkdirSync(this.resultsDir, { recursive: true });
    const file = join(this.resultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
    return file;
  }

  /** A step of the open walkthrough, by its title. */
  walkthroughStep(title: string): Locator {
    return this.page
      .locator('.gettingStartedContainer button.getting-started-step')
      .filter({ has: this.page.locator('.step-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
      .first();
  }

  /** The titles of the steps the open walkthrough shows, in order. */
  async walkthroughStepTitles(): Promise<string[]> {
    const titles = await this.page.locator('.gettingStartedContainer button.getting-started-step .step-title').allTextContents();
    return titles.map((title) => title.trim());
  }

  /** Opens a step of the open walkthrough and clicks the button `label` of its description. */
  async clickWalkthroughButton(step: string, label: string): Promise<void> {
    const element = this.walkthroughStep(step);
    await element.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await element.getAttribute('aria-expanded')) !== 'true') {
      await element.locator('.step-title').click();
      // The page focuses the step it opens a moment later, which would close a prompt opened before.
      await this.page.waitForFunction(`document.activeElement?.matches('button.getting-started-step.expanded') === true`, undefined, { timeout: 10_000 });
    }
    const button = element.locator('.button-container .monaco-button').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await button.click();
  }

  /**
   * Clicks a walkthrough button whose command asks with a quick input, and returns once that input
   * is open and stays open: when the page takes the focus back and closes it (nothing was chosen,
   * so nothing happened), the button is clicked again.
   */
  async clickWalkthroughButtonThatAsks(step: string, label: string, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.clickWalkthroughButton(step, label);
      const open = await this.quickInputBox.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      await this.page.waitForTimeout(500);
      if (open && (await this.quickInputBox.isVisible())) {
        return;
      }
      if (attempt >= attempts) {
        throw new Error(`The prompt of "${label}" in the walkthrough step "${step}" did not stay open.`);
      }
    }
  }

  /** Saves a screenshot of the whole window to test-results/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.resultsDir, { recursive: true });
    const file = join(this.resultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Title of the first activity bar view container the extension's package.json contributes. */
function contributedActivityBarTitle(): string | undefined {
  const manifest = readManifest<{
    contributes?: { viewsContainers?: { activitybar?: { title?: string }[] } };
  }>(join(__dirname, '..', '..', '..'));
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
