import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Task } from '../../src/api/types';
import type { PickRequest } from '../../src/prompts/asker';
import { catalogCacheFile, parseCatalog, type CatalogOwner } from '../../src/tasks/catalogCache';
import { PINNED_TASKS_KEY } from '../../src/tasks/pinnedTasks';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import { answerPrompts, chooseInQuickPick, closeQuickInput, extensionGraph, fakeServer, type Graph, settled, signIn, signOut } from './helpers';
import { dismiss, ScriptedAsker, type AskedRequest, type Answer } from './scriptedAsker';

// Demo account (test/fake-intervals/fixture.ts): task #1005 "Launch checklist" (id 5) and #1001
// "Homepage hero & navigation" of project 1 "Website Redesign" are open.
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
    const saved = parseCatalog(await fs.readFile(catalogCacheFile(graph.stateFolder, owner()), 'utf8'), owner());
    assert.ok(saved?.openTasks.some((task) => task.localId === 1005), 'the open tasks are on disk');
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
    answerPrompts(graph, undefined);
    await graph.context.globalState.update(PINNED_TASKS_KEY, undefined);
    graph.pinnedTasks.refresh();
    await signOut();
  });

  /** Intervals out of reach: every request from now on is dropped, as if the server had stopped. */
  async function stopIntervals(): Promise<void> {
    await fake.control.dropNext(10_000);
  }

  /** A task step's row by label, among the rows shown at once and those that follow as the list loads. */
  function chooseTask(label: string): Answer {
    return async (asked) => {
      const request = asked.request as PickRequest<unknown>;
      const items = [...request.items, ...((await request.more?.()) ?? [])];
      const item = items.find((candidate) => candidate.label === label);
      assert.ok(item, `"${label}" is offered among ${items.map((candidate) => candidate.label).join(', ')}`);
      return item.value;
    };
  }

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

  it('says in Find Task\'s title that it works offline from the saved list, and how old it is', async () => {
    await saveThenStartCold();
    await stopIntervals();
    await graph.catalogKeeper.restore();
    await settled();
    assert.equal(graph.catalogKeeper.offline, true);
    // The runner presses Escape only once the title says so; another title leaves the picker open and the test fails.
    closeQuickInput('Type a task title', { once: 'loaded', title: 'offline — saved list from' });
    const chosen = await vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true });
    assert.equal(chosen, undefined);
    await settled();
    assert.equal(graph.catalogKeeper.offline, true, 'still out of reach after the picker\'s refresh');
    await fake.control.clearFaults();
  });

  it('opens Log Time\'s pickers offline from the saved lists: the open tasks and the project\'s work types', async () => {
    const lastWorkTypes = 'intervals.lastWorkTypeByProject';
    const previous = graph.context.globalState.get(lastWorkTypes);
    await graph.context.globalState.update(lastWorkTypes, undefined);
    try {
      const workTypes = await graph.lookups.projectWorkTypes(1);
      await saveThenStartCold();
      const lookupsFile = JSON.parse(await fs.readFile(catalogCacheFile(graph.stateFolder, owner(), 'lookups'), 'utf8')) as { lists: Record<string, unknown[]> };
      assert.deepEqual(lookupsFile.lists['projectWorkTypes:1'], workTypes, 'the work types are on disk beside the task list');
      graph.lookups.clear();
      await stopIntervals();
      await graph.catalogKeeper.restore();
      const asker = new ScriptedAsker([chooseTask('#1001 Homepage hero & navigation'), (asked) => (asked.kind === 'input' ? 'today' : undefined), () => '1h', dismiss]);
      answerPrompts(graph, asker);
      await vscode.commands.executeCommand('intervals.logTime');
      await settled();
      const summary = asker.asked.at(-1) as Extract<AskedRequest, { kind: 'pick' }>;
      assert.ok(summary.request.items.some((item) => item.label === 'Work type'), `the summary offers the saved work types (${summary.request.items.map((item) => item.label).join(', ')})`);
      const active = summary.request.items.find((item) => item.value === summary.request.active) ?? summary.request.items[0];
      assert.ok(workTypes.some((type) => active?.label.includes(type.name)), `Enter logs with a saved work type: ${active?.label ?? ''}`);
      assert.equal(graph.catalogKeeper.offline, true, 'Intervals was out of reach all along');
    } finally {
      answerPrompts(graph, undefined);
      await graph.context.globalState.update(lastWorkTypes, previous);
      await fake.control.clearFaults();
    }
  });

  it('shows the Pinned group first on a cold start from the saved list, with Intervals out of reach', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('intervals.pinTask', { taskId: 5 }), true);
    await saveThenStartCold();
    await stopIntervals();
    await graph.catalogKeeper.restore();
    const roots: TaskTreeNode[] = await graph.taskTree.provider.getChildren();
    assert.equal(roots[0]?.kind, 'pinned');
    const pinned = await graph.taskTree.provider.getChildren(roots[0]);
    assert.deepEqual(pinned.map((node) => graph.taskTree.provider.getTreeItem(node).label), ['Launch checklist']);
    assert.ok(roots.slice(1).length > 0 && roots.slice(1).every((node) => node.kind === 'client' || node.kind === 'noClient'), 'the clients of the saved list follow');
    await settled();
    assert.equal(graph.catalogKeeper.offline, true);
    await fake.control.clearFaults();
    await graph.context.globalState.update(PINNED_TASKS_KEY, undefined);
    graph.pinnedTasks.refresh();
  });
});
