import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench } from './workbench';

describe('Pinned tasks (UI)', () => {
  after(() => workbench().signOutAndReset());

  it('pins a task from its context menu: a Pinned group at the top of the Tasks view, and unpins it again', async () => {
    const ui = workbench();
    const { tokens } = fakeServerFromEnvironment();
    assert.ok(tokens.admin, 'the runner passes the admin token');
    await ui.ensureSignedIn(tokens.admin);
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Website Redesign');
    await ui.treeItemContextMenu('Tasks', 'Launch checklist', 'Pin Task');
    const group = ui.treeItem('Tasks', 'Pinned');
    await group.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await group.getAttribute('aria-label')) ?? '', /^Pinned tasks, 1 task/);
    const pinnedRow = ui.page.locator('.monaco-list-row[aria-label^="Pinned task #1005 Launch checklist"]');
    await pinnedRow.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('pinned-tasks');
    await pinnedRow.hover();
    await pinnedRow.locator('.actions .action-label[aria-label^="Unpin Task"]').first().click();
    await group.waitFor({ state: 'hidden', timeout: 15_000 });
  });
});
