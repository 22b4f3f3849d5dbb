import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench, type Workbench } from './workbench';

const WEB_ADDRESS = 'https://demo.intervalsonline.com';

async function signedIn(ui: Workbench): Promise<void> {
  const { tokens } = fakeServerFromEnvironment();
  assert.ok(tokens.admin, 'the runner passes the admin token');
  await ui.ensureSignedIn(tokens.admin);
}

describe('Task browser (UI)', () => {
  it('shows clients, projects and tasks in the sidebar, with number, status and due date', async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Website Redesign');
    const row = ui.treeItem('Tasks', 'Launch checklist');
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await row.locator('.label-description').textContent()) ?? '', /^#1005 · Open · Critical priority · due \d{4}-\d\d-\d\d$/);
    assert.match((await row.getAttribute('aria-label')) ?? '', /^Task 1005 Launch checklist, status Open/);
    const markdown = ui.treeItem('Tasks', 'Markdown in a title');
    assert.equal(await markdown.locator('.label-name').textContent(), '**bold** [link](command:x) — Markdown in a title');
    await ui.screenshot('task-tree');
  });

  it('sets a task status from the context menu in one step, without a step counter, and says what it set', async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Website Redesign');
    await ui.treeItemContextMenu('Tasks', 'Accessibility audit (WCAG 2.2)', 'Set Task Status…');
    await ui.quickInputRows.filter({ hasText: 'In Progress' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await ui.quickInputTitle(), 'Set Status of #1003 Accessibility audit (WCAG 2.2)', 'no "(1/1)" after the title');
    await ui.pickQuickInputItem('In Progress');
    await ui.page.locator('.part.statusbar').getByText('Status of #1003 set to In Progress').waitFor({ state: 'visible', timeout: 10_000 });
    await ui.screenshot('task-status-set');
  });

  it("offers the task's context menu on Enter on a task row, and for the row the keys move to", async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Website Redesign');
    await ui.treeItem('Tasks', 'Launch checklist').click();
    await ui.page.keyboard.press('Enter');
    await ui.quickInputRows.filter({ hasText: 'Set Task Status…' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const labels = (await ui.quickInputRows.locator('.label-name').allTextContents()).map((label) => label.trim());
    // The UI suite's workspace is a Git repository, so Start Work is offered as on the context menu.
    assert.deepEqual(labels, ['Start Timer', 'Log Time…', 'Start Work on Task…', 'Set Task Status…', 'Assign Task…', 'Add Note to Task…', 'Open Task in Browser', 'Copy Task Link', 'Copy Task ID', 'Pin Task']);
    assert.match(await ui.quickInputTitle(), /^#1005 Launch checklist/);
    await ui.screenshot('task-actions');
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden' });

    // The keys go to the tree once the focus is back on its row; then to the row above.
    const focusedRow = ui.page.locator('.monaco-list:focus-within .monaco-list-row.focused');
    await focusedRow.filter({ hasText: 'Launch checklist' }).waitFor({ state: 'visible', timeout: 15_000 });
    await ui.page.keyboard.press('ArrowUp');
    await focusedRow.filter({ hasNotText: 'Launch checklist' }).waitFor({ state: 'visible', timeout: 15_000 });
    await ui.page.keyboard.press('Enter');
    await ui.quickInputRows.filter({ hasText: 'Set Task Status…' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.doesNotMatch(await ui.quickInputTitle(), /Launch checklist/, 'the actions of the row above');
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden' });
  });

  it('finds a task by words in any order without accents, and offers closed tasks when no open one matches', async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.runCommand('Intervals: Find Task…');
    await ui.typeIntoQuickInput('zurich kiosk', { submit: false });
    await ui.quickInputRows.filter({ hasText: 'Kiosk UI: Grüezi screen' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('find-task-words');
    await ui.typeIntoQuickInput('blog migrate', { submit: false });
    await ui.quickInput.getByText('No open task matches “blog migrate”').waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('find-task-no-match');
    await ui.quickInputRows.filter({ hasText: 'Search closed tasks too' }).first().click();
    await ui.quickInputRows.filter({ hasText: 'Migrate blog posts' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await ui.quickInputRows.filter({ hasText: 'Migrate blog posts' }).first().textContent()) ?? '', /closed/);
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden' });
  });

  it('asks once for the web address, refusing a non-https one, then copies a task link from the palette', async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.runCommand('Intervals: Copy Task Link');
    await ui.typeIntoQuickInput('#1005', { submit: false });
    // The web address prompt follows in the same widget, so wait for it rather than for the picker to close.
    await ui.quickInputRows.filter({ hasText: 'Launch checklist' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await ui.quickInputBox.press('Enter');
    await ui.quickInput.locator('.quick-input-title').getByText('Intervals Web Address').waitFor({ state: 'visible', timeout: 10_000 });
    await ui.typeIntoQuickInput('http://demo.intervalsonline.com', { submit: false });
    await ui.quickInput.getByText('must start with https://', { exact: false }).waitFor({ state: 'visible', timeout: 10_000 });
    await ui.typeIntoQuickInput(WEB_ADDRESS);
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await ui.page
      .locator('.part.statusbar')
      .getByText(`Copied ${WEB_ADDRESS}/tasks/view/1005`, { exact: false })
      .waitFor({ state: 'visible', timeout: 10_000 });

    // Asked once: the next link needs no prompt.
    await ui.runCommand('Intervals: Copy Task Link');
    await ui.typeIntoQuickInput('#1001', { submit: false });
    await ui.pickQuickInputItem('Homepage hero & navigation', 30_000);
    await ui.page
      .locator('.part.statusbar')
      .getByText(`Copied ${WEB_ADDRESS}/tasks/view/1001`, { exact: false })
      .waitFor({ state: 'visible', timeout: 10_000 });
  });
});
