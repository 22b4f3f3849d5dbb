import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench, type Workbench } from './workbench';

async function signedIn(ui: Workbench): Promise<void> {
  const { tokens } = fakeServerFromEnvironment();
  assert.ok(tokens.admin, 'the runner passes the admin token');
  await ui.ensureSignedIn(tokens.admin);
}

// Runs last of the UI suite (files run in name order): it leaves a timer running and a branch checked out.
describe('Work from your branch (UI)', () => {
  it('links the folder to a project from the palette: Find Task lists that project first', async () => {
    const ui = workbench();
    await signedIn(ui);
    await ui.runCommand('Intervals: Link Folder to Project…');
    await ui.pickQuickInputItem('Mobile App', 30_000);
    // The link is kept once the status bar says so (the picker closes before).
    await ui.page.locator('.part.statusbar').getByText('workspace: project linked', { exact: false }).waitFor({ state: 'visible', timeout: 10_000 });
    await ui.runCommand('Intervals: Find Task…');
    const separator = ui.quickInput.getByText('Mobile App (linked to this folder)', { exact: false }).first();
    await separator.waitFor({ state: 'visible', timeout: 30_000 });
    const first = ui.quickInputRows.first();
    assert.match((await first.textContent()) ?? '', /Mobile App/);
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('starts work on a task from its context menu: the branch checked out, the timer running, the task marked', async () => {
    const ui = workbench();
    await signedIn(ui);
    // A clear window for the screenshot: what earlier tests opened is closed.
    await ui.runCommand('View: Close All Editors');
    if (await ui.panel.isVisible()) {
      await ui.runCommand('View: Toggle Panel Visibility');
      await ui.panel.waitFor({ state: 'hidden' });
    }
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Mobile App');
    await ui.treeItemContextMenu('Tasks', 'Offline sync conflicts', 'Start Work on Task…');
    const statusBar = ui.page.locator('.part.statusbar');
    // Git's own branch item and the timer.
    await statusBar.getByText('1009-offline-sync-conflicts', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await statusBar.getByText('#1009 Offline sync conflicts', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const row = ui.treeItem('Tasks', 'Offline sync conflicts');
    await row.locator('.label-description', { hasText: /timer running · current branch$/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await ui.clearNotifications();
    // The timer's tooltip names the branch it belongs to.
    await statusBar.getByText('#1009 Offline sync conflicts', { exact: false }).first().hover();
    await ui.page.getByText('Branch 1009-offline-sync-conflicts: this task', { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.screenshot('work-from-branch');
  });
});
