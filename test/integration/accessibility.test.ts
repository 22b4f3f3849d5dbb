import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Task } from '../../src/api/types';
import { formatDurationAs } from '../../src/time/duration';
import { entryTitle } from '../../src/views/time/nodes/entryNode';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import type { TimeTreeNode } from '../../src/views/time/myTimeView';
import { extensionGraph, fakeServer, type Graph, settled, signIn, signOut } from './helpers';

const WEBSITE = 1;

// What a screen reader says for each kind of row: the row's kind first, then its facts.
describe('Accessible labels', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
  });

  afterEach(async () => {
    await fake.control.clearFaults();
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
    graph.myTime.clear();
  });

  after(async () => {
    await signOut();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  function spoken(item: vscode.TreeItem): string {
    return item.accessibilityInformation?.label ?? '';
  }

  async function taskRows(): Promise<TaskTreeNode[]> {
    const provider = graph.taskTree.provider;
    const clients = await provider.getChildren();
    for (const client of clients) {
      const project = (await provider.getChildren(client)).find((node) => node.kind === 'project' && node.project.id === WEBSITE);
      if (project) {
        return (await provider.getChildren(project)).filter((node) => node.kind === 'task');
      }
    }
    assert.fail('the Website Redesign project is listed');
  }

  function taskRow(rows: readonly TaskTreeNode[], localId: number): TaskTreeNode {
    const row = rows.find((node) => node.kind === 'task' && (node as { task: Task }).task.localId === localId);
    assert.ok(row, `task ${localId} is listed`);
    return row;
  }

  it('names clients, projects and tasks with their status, priority, due date and timer', async () => {
    const provider = graph.taskTree.provider;
    const clients = await provider.getChildren();
    const acme = clients.find((node) => node.kind === 'client' && node.name === 'Acme & Sons');
    assert.ok(acme);
    assert.equal(spoken(provider.getTreeItem(acme)), 'Client Acme & Sons, 2 projects');
    const website = (await provider.getChildren(acme)).find((node) => node.kind === 'project' && node.project.id === WEBSITE);
    assert.ok(website);
    assert.equal(spoken(provider.getTreeItem(website)), 'Project Website Redesign, client Acme & Sons');

    const rows = await taskRows();
    assert.match(spoken(provider.getTreeItem(taskRow(rows, 1005))), /^Task 1005 Launch checklist, status Open, priority Critical, due \d{4}-\d\d-\d\d$/);
    assert.match(spoken(provider.getTreeItem(taskRow(rows, 1002))), /^Task 1002 .+, overdue, was due \d{4}-\d\d-\d\d$/);

    // A paused timer of 35 minutes on task 1005: the row says so, with the time it shows.
    const previous = graph.activeTimers.all.filter((timer) => timer.taskId !== 5);
    try {
      graph.activeTimers.set([...previous, { timerId: 902, taskId: 5, running: false, accumulatedSeconds: 35 * 60, startedAt: null }]);
      assert.match(spoken(provider.getTreeItem(taskRow(rows, 1005))), /^Task 1005 Launch checklist, status Open, priority Critical, due \S+, timer paused, 35 min$/);
    } finally {
      graph.activeTimers.set(previous);
    }
  });

  it('names the days, entries and waiting entries of My Time', async () => {
    await vscode.commands.executeCommand('intervals.refreshTime');
    const roots = await graph.myTime.getChildren();
    const days = roots.filter((node): node is Extract<TimeTreeNode, { kind: 'day' }> => node.kind === 'day');
    const busy = days.find((node) => node.day.entries.length > 1);
    assert.ok(busy, 'a day of the week has entries');
    const weekday = new Date(`${busy.day.date}T12:00:00`).toLocaleDateString('en', { weekday: 'long', day: 'numeric', month: 'long' });
    assert.match(spoken(graph.myTime.getTreeItem(busy)), new RegExp(`^${weekday}, (today, )?\\d.* logged, ${busy.day.entries.length} time entries$`));
    const empty = days.find((node) => node.day.entries.length === 0);
    if (empty) {
      assert.match(spoken(graph.myTime.getTreeItem(empty)), /, nothing logged$/);
    }

    const [entry] = await graph.myTime.getChildren(busy);
    assert.ok(entry?.kind === 'entry');
    const { time, project, workType, billable } = entry.entry;
    const facts = [formatDurationAs(time * 3600, 'hoursMinutes'), entryTitle(entry.entry), project, workType, billable ? 'billable' : 'not billable'];
    assert.equal(spoken(graph.myTime.getTreeItem(entry)), ['Time entry', ...facts.filter(Boolean)].join(', '));

    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    await vscode.commands.executeCommand('intervals.logTime', { taskId: 1, hours: 1.5, worktypeId: 1, description: 'spoken while waiting' });
    await settled();
    const group = (await graph.myTime.getChildren()).find((node) => node.kind === 'waitingGroup');
    assert.ok(group);
    assert.equal(spoken(graph.myTime.getTreeItem(group)), 'Waiting to sync, 1 time entry');
    const [waiting] = await graph.myTime.getChildren(group);
    assert.ok(waiting);
    assert.match(spoken(graph.myTime.getTreeItem(waiting)), /^Time entry waiting to sync, 1 h 30 min, #\d+ .+, \w+day, \w+ \d+$/);
    assert.match(graph.waitingStatus.view.accessibilityLabel, /^Intervals: 1 time entry waiting to be sent to Intervals/);
  });
});
