import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Task } from '../../src/api/types';
import { catalogCacheFile, type CatalogOwner } from '../../src/tasks/catalogCache';
import { chooseInQuickPick, extensionGraph, fakeServer, type Graph, settled, signIn, signOut } from './helpers';

// Demo account (test/fake-intervals/fixture.ts): task #1005 "Launch checklist" is open.
describe('Saved task list', () => {
  const fake = fakeServer();
  let graph: Graph;

  function owner(): CatalogOwner {
    const state = graph.session.state;
    assert.ok(state.signedIn);
    return { apiUrl: state.account.apiUrl, personId: state.account.personId };
  }

  /** Loads the lists from Intervals, which saves them, then forgets them as a new window would. */
  async function saveThenStartCold(): Promise<void> {
    await graph.catalog.activeProjects();
    await graph.catalog.openTasks();
    await settled();
    const saved = JSON.parse(await fs.readFile(catalogCacheFile(graph.stateFolder, owner()), 'utf8')) as { openTasks: Task[] };
    assert.ok(saved.openTasks.some((task) => task.localId === 1005), 'the open tasks are on disk');
    graph.catalog.invalidateAll();
    assert.equal(graph.catalog.savedAt(), undefined);
  }

  beforeEach(async () => {
    graph = await extensionGraph();
    await fake.control.reset();
    await signIn('admin');
    await settled();
  });

  after(async () => {
    await fake.control.clearFaults();
    await signOut();
  });

  it('starts from the saved list with Intervals out of reach: Find Task works, and the Tasks view says so', async () => {
    await saveThenStartCold();
    await fake.control.dropNext(1000, { method: 'GET' });
    await graph.catalogKeeper.restore();
    assert.notEqual(graph.catalog.savedAt(), undefined, 'the saved list is shown');
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: '#1005' }), 'Launch checklist');
    assert.equal(chosen?.localId, 1005);
    await settled();
    assert.equal(graph.catalogKeeper.offline, true);
    assert.match(graph.taskTree.view.description ?? '', /^offline, updated /);
    await fake.control.clearFaults();
  });

  it('opens Find Task on the saved list at once, while its refresh is still out, then shows what Intervals answered', async () => {
    await saveThenStartCold();
    // The refresh of the saved list is held: Find Task must not wait for it.
    await fake.control.stallNext(1, 3000, { method: 'GET', resource: 'task' });
    await graph.catalogKeeper.restore();
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: '#1005' }), 'Launch checklist');
    assert.equal(chosen?.localId, 1005);
    assert.notEqual(graph.catalog.savedAt(), undefined, 'the list shown was the saved one');
    assert.deepEqual(await fake.control.inFlight(), ['GET /task/'], 'only the held refresh asked Intervals');
    await settled();
    assert.equal(graph.catalog.savedAt(), undefined, 'refreshed from Intervals');
    assert.equal(graph.catalogKeeper.offline, false);
    assert.equal(graph.taskTree.view.description ?? '', '');
  });

  it('never shows the saved list of another account', async () => {
    await saveThenStartCold();
    await signIn('resource');
    await settled();
    await graph.catalogKeeper.restore();
    assert.equal(graph.catalog.savedAt(), undefined, 'no copy of the other account is shown');
    assert.equal(graph.taskTree.view.description ?? '', '');
  });
});
