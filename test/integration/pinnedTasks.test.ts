import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TimerListing } from '../../src/commands/timer/showTimers';
import { PINNED_TASKS_KEY } from '../../src/tasks/pinnedTasks';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import { answerPrompts, chooseInQuickPick, extensionGraph, fakeServer, type Graph, settled, signIn, signOut } from './helpers';
import { choose, dismiss, ScriptedAsker, type AskedRequest } from './scriptedAsker';

// Demo account (test/fake-intervals/fixture.ts): tasks 1 "Homepage hero & navigation" (#1001),
// 4 "Write copy for 'Our Story' page" (#1004) and 5 "Launch checklist" (#1005) of project 1.
const HOMEPAGE = 1;
const LAUNCH = 5;

describe('Pinned tasks', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await graph.context.globalState.update(PINNED_TASKS_KEY, undefined);
    await graph.recentTasks.clear();
    graph.pinnedTasks.refresh();
    graph.taskTree.refresh();
  });

  after(async () => {
    answerPrompts(graph, undefined);
    await signOut();
  });

  function label(node: TaskTreeNode): string {
    const value = graph.taskTree.provider.getTreeItem(node).label;
    return typeof value === 'string' ? value : (value?.label ?? '');
  }

  async function roots(): Promise<TaskTreeNode[]> {
    return graph.taskTree.provider.getChildren();
  }

  it('pins and unpins a task by its id: a Pinned group first in the Tasks view, its rows offering Unpin', async () => {
    assert.equal((await roots())[0]?.kind, 'client', 'no Pinned group without pins');
    assert.equal(await vscode.commands.executeCommand<boolean>('intervals.pinTask', { taskId: LAUNCH }), true);
    const [group] = await roots();
    assert.ok(group);
    assert.equal(group.kind, 'pinned');
    assert.equal(label(group), 'Pinned');
    const item = graph.taskTree.provider.getTreeItem(group);
    assert.ok(item.accessibilityInformation?.label.includes('Pinned tasks'));
    const rows = await graph.taskTree.provider.getChildren(group);
    assert.deepEqual(rows.map(label), ['Launch checklist']);
    const row = graph.taskTree.provider.getTreeItem(rows[0] as TaskTreeNode);
    assert.match(String(row.contextValue), /\btask\b.*\bpinned\b/);
    assert.equal(row.description, '#1005 · Website Redesign');
    assert.ok(row.accessibilityInformation?.label.includes('Pinned task #1005 Launch checklist'));
    // The row commands act on it as on the task itself.
    assert.equal(await vscode.commands.executeCommand<string>('intervals.copyTaskId', rows[0]), '1005');
    assert.equal(await vscode.commands.executeCommand<boolean>('intervals.unpinTask', { taskId: LAUNCH }), true);
    assert.notEqual((await roots())[0]?.kind, 'pinned');
    assert.equal(await vscode.commands.executeCommand<boolean>('intervals.unpinTask', { taskId: LAUNCH }), false, 'a task not pinned is told, not unpinned');
  });

  it('keeps pins per account, in the synced globalState key', async () => {
    await vscode.commands.executeCommand('intervals.pinTask', { taskId: HOMEPAGE });
    assert.deepEqual(graph.pinnedTasks.list().map((task) => task.id), [HOMEPAGE]);
    const stored = graph.context.globalState.get<Record<string, unknown>>(PINNED_TASKS_KEY);
    assert.ok(stored && Object.keys(stored).length === 1, 'kept under one account key');
    await signIn('manager');
    assert.deepEqual(graph.pinnedTasks.list(), [], "another person's account shows none of the admin's pins");
    assert.notEqual((await roots())[0]?.kind, 'pinned');
    await signIn('admin');
    assert.deepEqual(graph.pinnedTasks.list().map((task) => task.id), [HOMEPAGE]);
  });

  it('pins from the palette with Find Task\'s picker, and lists the pins first in it and in Log Time', async () => {
    const pinned = await chooseInQuickPick(vscode.commands.executeCommand<boolean>('intervals.pinTask'), 'Launch checklist');
    assert.equal(pinned, true);
    assert.deepEqual(graph.pinnedTasks.list().map((task) => task.id), [LAUNCH]);
    // Log Time's task step: the pinned task first, with the pin icon.
    const asker = new ScriptedAsker([dismiss]);
    answerPrompts(graph, asker);
    try {
      await vscode.commands.executeCommand('intervals.logTime');
      await settled();
    } finally {
      answerPrompts(graph, undefined);
    }
    const step = asker.asked[0] as Extract<AskedRequest, { kind: 'pick' }>;
    assert.equal(step.request.items[0]?.label, '#1005 Launch checklist');
    assert.equal(step.request.items[0]?.icon, 'pinned');
  });

  it('unpins from the palette, offering the pinned tasks', async () => {
    await vscode.commands.executeCommand('intervals.pinTask', { taskId: HOMEPAGE });
    await vscode.commands.executeCommand('intervals.pinTask', { taskId: LAUNCH });
    const asker = new ScriptedAsker([choose('Launch checklist')]);
    answerPrompts(graph, asker);
    try {
      assert.equal(await vscode.commands.executeCommand<boolean>('intervals.unpinTask'), true);
    } finally {
      answerPrompts(graph, undefined);
    }
    assert.deepEqual(graph.pinnedTasks.list().map((task) => task.id), [HOMEPAGE]);
  });

  it('offers Switch to the pinned and five most recent tasks in the timer menu; one choice switches timers', async () => {
    for (const taskId of [2, 3, 4, 6, 7, HOMEPAGE]) {
      const task = graph.catalog.knownTask(taskId);
      await graph.recentTasks.remember(task ?? { id: taskId, localId: 1000 + taskId, title: `Task ${taskId}`, projectId: 1, project: 'Website Redesign', clientId: 1, client: 'Acme & Sons' });
    }
    await vscode.commands.executeCommand('intervals.pinTask', { taskId: LAUNCH });
    await vscode.commands.executeCommand('intervals.startTimer', { taskId: HOMEPAGE });
    const asker = new ScriptedAsker([(asked) => {
      const items = asked.kind === 'input' ? [] : asked.request.items;
      const switches = items.filter((item) => item.label.startsWith('Switch to'));
      assert.equal(switches[0]?.label, 'Switch to #1005 Launch checklist');
      assert.equal(switches[0]?.icon, 'pinned');
      // The running task is not offered; the five most recent after it are.
      assert.equal(switches.length, 1 + 5, switches.map((item) => item.label).join(', '));
      assert.ok(!switches.some((item) => item.label.includes('#1001 ')));
      return switches[0]?.value;
    }]);
    answerPrompts(graph, asker);
    let listing: TimerListing[] | undefined;
    try {
      listing = await vscode.commands.executeCommand<TimerListing[]>('intervals.showTimers');
    } finally {
      answerPrompts(graph, undefined);
    }
    await settled();
    const running = (listing ?? []).filter((timer) => timer.running).map((timer) => timer.taskId);
    assert.deepEqual(running, [LAUNCH]);
    assert.ok((listing ?? []).some((timer) => timer.taskId === HOMEPAGE && !timer.running), 'the timer switched from is paused');
    for (const timer of listing ?? []) {
      await vscode.commands.executeCommand('intervals.discardTimer', { ...(timer.timerId !== undefined ? { timerId: timer.timerId } : { taskId: timer.taskId }), confirm: false });
    }
    await settled();
  });
});
