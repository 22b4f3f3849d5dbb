import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import type { Frame, Locator } from 'playwright-core';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench, type Workbench } from './workbench';

// The time report page as a screen reader and keyboard user meets it (an automated check with
// axe-core run inside the page, sorting with the keyboard alone), and the Tasks view's priority
// and overdue markers in the high-contrast theme.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page's own frame. The page's policy allows no inline script, so axe is
 * not added as a `<script>`: Playwright evaluates its source through the browser's debugging
 * protocol, which the page's content security policy does not govern.
 */
async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(source);
  return frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

async function openReport(ui: Workbench): Promise<void> {
  await ui.runCommand('Intervals: Time Report…');
  await ui.pickQuickInputStep('This week');
  await ui.pickQuickInputItem('Ada Lovelace');
  await ui.webview().locator('h1').waitFor({ state: 'visible', timeout: 30_000 });
}

/** The text of the element that has the keyboard focus in the report page. */
async function focusedText(ui: Workbench): Promise<string> {
  return ui.webview().locator('html').evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } }).document.activeElement;
    return active ? `${active.tagName}:${(active.textContent ?? '').trim()}` : '';
  });
}

async function iconColor(row: Locator): Promise<{ icon: string; color: string }> {
  return row.locator('.custom-view-tree-node-item-icon').first().evaluate((element) => {
    const view = (element as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { color: string } } } }).ownerDocument.defaultView;
    return { icon: String((element as unknown as { className: string }).className), color: view.getComputedStyle(element).color };
  });
}

/** Chooses a colour theme in the theme picker; returns the one it had (the picker opens on it). */
async function pickTheme(ui: Workbench, label: string): Promise<string> {
  await ui.runCommand('Preferences: Color Theme');
  const current = ui.quickInput.locator('.quick-input-list .monaco-list-row.focused .label-name').first();
  await current.waitFor({ state: 'visible', timeout: 15_000 });
  const previous = ((await current.textContent()) ?? '').trim();
  // Typing filters the themes to the one named, which the picker focuses; Enter chooses it.
  await ui.typeIntoQuickInput(label, { submit: false });
  await ui.quickInput.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: label }).first().waitFor({ state: 'attached', timeout: 15_000 });
  await ui.quickInputBox.press('Enter');
  await ui.quickInput.waitFor({ state: 'hidden' });
  return previous;
}

describe('Accessibility (UI)', () => {
  before(async () => {
    const { tokens } = fakeServerFromEnvironment();
    assert.ok(tokens.admin, 'the runner passes the admin token');
    await workbench().ensureSignedIn(tokens.admin);
  });

  after(() => workbench().signOutAndReset());

  it('the time report passes an automated accessibility check (axe-core) inside its page', async () => {
    const ui = workbench();
    await openReport(ui);
    const frame = await (await ui.webview().locator('html').elementHandle())?.ownerFrame();
    assert.ok(frame, 'the report page has a frame');
    assert.equal(await ui.webview().locator('html').getAttribute('lang'), 'en', 'the page says its language');
    const violations = await axeViolations(frame);
    for (const violation of violations) {
      console.log(`axe: ${violation.id} (${violation.impact}): ${violation.help}`);
      for (const node of violation.nodes) {
        console.log(`  ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`);
      }
    }
    assert.deepEqual(violations.map((v) => v.id), [], 'no accessibility violation');
    // The check ran: axe is in the page, and the page is the report.
    assert.equal(await frame.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe), 'object');
  });

  it('sorts the report with the keyboard alone: Tab to a column, Enter, then Space for the other way', async () => {
    const ui = workbench();
    await openReport(ui);
    const report = ui.webview();
    // The first stop of the page's tab order, reached without the mouse.
    await report.locator('#export').focus();
    assert.equal(await focusedText(ui), 'BUTTON:Export to CSV…');
    const stops: string[] = [];
    for (let presses = 0; presses < 15 && !stops.includes('BUTTON:Hours'); presses++) {
      await ui.page.keyboard.press('Tab');
      stops.push(await focusedText(ui));
    }
    assert.deepEqual(stops, ['BUTTON:Date', 'BUTTON:Client', 'BUTTON:Project', 'BUTTON:Task', 'BUTTON:Work type', 'BUTTON:Hours'], 'every sort button in turn');
    const hours = report.locator('#entries th').filter({ hasText: 'Hours' });
    const column = async (): Promise<number[]> =>
      (await report.locator('#entries tbody td.num').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { dataset: { sort: string } }).dataset.sort))).map(Number);
    await ui.page.keyboard.press('Enter');
    assert.equal(await hours.getAttribute('aria-sort'), 'ascending');
    const ascending = await column();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), 'shortest first');
    await ui.page.keyboard.press('Space');
    assert.equal(await hours.getAttribute('aria-sort'), 'descending');
    const descending = await column();
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'longest first');
    assert.equal(await report.locator('#sort-status').textContent(), 'Entries sorted by Hours, descending');
    const outline = await report.locator('#entries th button').filter({ hasText: 'Hours' }).evaluate((button) => {
      const view = (button as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string } } } }).ownerDocument.defaultView;
      const style = view.getComputedStyle(button);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.equal(outline, 'solid 2px', 'the focused button shows its focus');
    await ui.screenshot('time-report-keyboard');
  });

  it('keeps priority and overdue apart in the high-contrast theme, by colour and by icon and words', async () => {
    const ui = workbench();
    // `workbench.colorTheme: "Default High Contrast"`, which the theme picker calls Dark High Contrast.
    const previous = await pickTheme(ui, 'Dark High Contrast');
    await ui.page.locator('.monaco-workbench.hc-black').waitFor({ state: 'attached', timeout: 15_000 });
    try {
      await ui.expandTreeItem('Tasks', 'Acme & Sons');
      await ui.expandTreeItem('Tasks', 'Website Redesign');
      const critical = ui.treeItem('Tasks', 'Launch checklist');
      const high = ui.treeItem('Tasks', 'Accessibility audit (WCAG 2.2)');
      const overdue = ui.treeItem('Tasks', 'Fix broken <img> tags on /about');
      const normal = ui.treeItem('Tasks', "Write copy for 'Our Story' page");
      for (const row of [critical, high, overdue, normal]) {
        await row.waitFor({ state: 'visible', timeout: 30_000 });
      }
      await ui.clearNotifications();
      await ui.screenshot('high-contrast');
      const [c, h, o, n] = await Promise.all([critical, high, overdue, normal].map(iconColor));
      console.log(`high contrast icons: critical ${JSON.stringify(c)}, high ${JSON.stringify(h)}, overdue ${JSON.stringify(o)}, normal ${JSON.stringify(n)}`);
      assert.equal(new Set([c.color, h.color, o.color, n.color]).size, 4, 'critical, high, overdue and normal each in a colour of their own');
      for (const [name, look] of Object.entries({ critical: c, high: h, normal: n })) {
        assert.doesNotMatch(look.icon, /codicon-(play-circle|watch|warning)\b/, `${name}: no timer or overdue icon takes the priority's place`);
      }
      assert.match(o.icon, /codicon-warning/, 'overdue also has its own icon');
      assert.match((await critical.locator('.label-description').textContent()) ?? '', /Critical priority/, 'and the priority is in words');
      assert.match((await high.locator('.label-description').textContent()) ?? '', /High priority/);
      assert.match((await overdue.locator('.label-description').textContent()) ?? '', /overdue since/);
    } finally {
      await pickTheme(ui, previous);
      await ui.page.locator('.monaco-workbench.hc-black').waitFor({ state: 'detached', timeout: 15_000 });
    }
  });
});
