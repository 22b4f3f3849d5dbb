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
    assert.match((await row.locator('.label-description').textContent()) ?? '', /^#1005 · Open · due \d{4}-\d\d-\d\d$/);
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
