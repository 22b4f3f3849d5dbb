import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { ContextKey } from '../../src/common/contextKeys';
import type { Task } from '../../src/api/types';
import { TASK_PAGE_SIZE } from '../../src/tasks/taskCatalog';
import type { TaskTree } from '../../src/views/tasks/taskTree';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import type { RecordedRequest } from '../fake-intervals/server';
import { chooseInQuickPick, EXTENSION_ID, extensionGraph, fakeServer, type Graph, setSetting, signIn, signOut } from './helpers';
import { readManifest } from '../manifest';

// Demo account (test/fake-intervals/fixture.ts): project 1 "Website Redesign" of "Acme & Sons"
// has 7 tasks, one of them closed; projects 6 and 7 have no client; 8 and 9 are inactive.
const WEBSITE = 1;
const WEBSITE_OPEN_TASKS = 6;

describe('Task tree', () => {
  const fake = fakeServer();
  let graph: Graph;
  let browser: TaskTree;

  before(async () => {
    graph = await extensionGraph();
    browser = graph.taskTree;
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await browser.setFilters({ showClosed: false, assignedToMe: false });
    // What an earlier test revealed stays expanded in the real view, which VS Code would reload on its own;
    // a closed view asks for nothing, so only the tests' own calls load the tree.
    await Promise.resolve(vscode.commands.executeCommand('workbench.actions.treeView.intervals.tasks.collapseAll')).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.view.explorer');
    browser.refresh();
    await fake.control.clearRequests();
  });

  after(async () => {
    await browser.setFilters({ showClosed: false, assignedToMe: false });
    await setSetting('intervals.tasks.showModules', undefined);
    await setSetting('intervals.webUrl', undefined);
    await fake.control.clearFaults();
    await signOut();
  });

  async function children(node?: TaskTreeNode): Promise<TaskTreeNode[]> {
    return browser.provider.getChildren(node);
  }

  function item(node: TaskTreeNode): vscode.TreeItem {
    return browser.provider.getTreeItem(node);
  }

  function label(node: TaskTreeNode): string {
    const value = item(node).label;
    return typeof value === 'string' ? value : (value?.label ?? '');
  }

  async function apiRequests(resource: string): Promise<RecordedRequest[]> {
    return (await fake.control.requests()).filter((request) => request.path.replace(/^\/+/, '').split('/')[0] === resource);
  }

  /**
   * Task list requests whose query has these values (`null`: without that parameter). VS Code
   * reloads what is expanded in the real view on its own, so counts look at one list only.
   */
  async function taskRequests(query: Record<string, string | null>): Promise<RecordedRequest[]> {
    return (await apiRequests('task')).filter((request) =>
      Object.entries(query).every(([key, value]) => (value === null ? request.query[key] === undefined : request.query[key] === value)),
    );
  }

  async function projectNode(projectId: number): Promise<TaskTreeNode> {
    for (const root of await children()) {
      for (const child of root.kind === 'client' || root.kind === 'noClient' ? await children(root) : []) {
        if (child.kind === 'project' && child.project.id === projectId) {
          return child;
        }
      }
    }
    assert.fail(`project ${projectId} is in the tree`);
  }

  async function taskNodes(projectId: number): Promise<TaskTreeNode[]> {
    return (await children(await projectNode(projectId))).filter((node) => node.kind === 'task');
  }

  function taskOf(node: TaskTreeNode): Task {
    assert.equal(node.kind, 'task');
    return (node as { task: Task }).task;
  }

  /** Resolves with the tree's selection once it holds the row `id` (VS Code reports it after the reveal). */
  function selectionOf(id: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const current = browser.view.selection[0]?.id;
      if (current === id) {
        resolve(current);
        return;
      }
      const listener = browser.view.onDidChangeSelection((event) => {
        if (event.selection[0]?.id === id) {
          listener.dispose();
          resolve(id);
        }
      });
    });
  }

  it('lists clients with active projects, then "No client" last, from one request for the projects', async () => {
    const roots = await children();
    const names = roots.map(label);
    assert.deepEqual(names.slice(-1), ['No client']);
    assert.deepEqual(new Set(names), new Set(['Acme & Sons', '<Initech> Ltd.', 'O\'Brien "Quoted" Consulting', 'Café Zürich', 'No client']));
    assert.ok(!names.includes('Umbrella Research'), 'a client whose only project is inactive is not listed');
    assert.equal(item(roots[0]).contextValue, 'client');
    assert.equal(item(roots.at(-1) as TaskTreeNode).contextValue, 'client noClient');
    assert.ok(item(roots[0]).accessibilityInformation?.label.startsWith('Client '), 'clients have an accessible label');

    const projects = await apiRequests('project');
    assert.equal(projects.length, 1, 'all active projects in one request');
    assert.equal(projects[0]?.query.active, 't');
    assert.equal(projects[0]?.query.limit, String(TASK_PAGE_SIZE));
    assert.equal((await apiRequests('task')).length, 0, 'no task is loaded for the first level');
    assert.equal((await apiRequests('client')).length, 0, 'clients come with their projects');

    const noClient = roots.at(-1) as TaskTreeNode;
    assert.deepEqual((await children(noClient)).map(label), ['Internal Tools', 'Training & Onboarding']);
    const acme = roots.find((root) => label(root) === 'Acme & Sons') as TaskTreeNode;
    const acmeProjects = await children(acme);
    assert.deepEqual(acmeProjects.map(label), ['Mobile App', 'Website Redesign']);
    assert.equal(item(acmeProjects[0] as TaskTreeNode).contextValue, 'project');
    assert.equal((await fake.control.requests()).length, 1, 'opening a client needs no request');
  });

  it('loads a project\'s open tasks with one request when it opens, and keeps them for the cache time', async () => {
    const tasks = await taskNodes(WEBSITE);
    assert.equal(tasks.length, WEBSITE_OPEN_TASKS);
    const requests = await taskRequests({ projectid: String(WEBSITE) });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query.projectid, String(WEBSITE));
    assert.equal(requests[0]?.query.excludeclosed, 't');
    assert.ok(!tasks.some((node) => taskOf(node).title === 'Migrate blog posts'), 'the closed task is hidden');

    // Task 5: no timer of the demo account runs on it.
    const first = tasks.find((node) => taskOf(node).localId === 1005) as TaskTreeNode;
    const treeItem = item(first);
    assert.equal(treeItem.label, 'Launch checklist');
    assert.match(String(treeItem.description), /^#1005 · Open · Critical priority · due \d{4}-\d\d-\d\d$/);
    assert.equal(treeItem.contextValue, 'task');
    assert.equal(treeItem.id, 'task:5');
    assert.match(treeItem.accessibilityInformation?.label ?? '', /^Task 1005 Launch checklist, status Open, priority Critical, due /);
    assert.ok(treeItem.iconPath instanceof vscode.ThemeIcon);

    const overdue = item(tasks.find((node) => taskOf(node).localId === 1002) as TaskTreeNode);
    assert.match(String(overdue.description), /overdue since/);
    assert.match(String(overdue.contextValue), /\boverdue\b/);
    assert.equal((overdue.iconPath as vscode.ThemeIcon).id, 'warning');

    await taskNodes(WEBSITE);
    assert.equal((await taskRequests({ projectid: String(WEBSITE) })).length, 1, 'opening it again within the cache time sends nothing');
    await vscode.commands.executeCommand('intervals.refreshTasks', await projectNode(WEBSITE));
    await taskNodes(WEBSITE);
    assert.equal((await taskRequests({ projectid: String(WEBSITE) })).length, 2, 'Refresh on the project loads it again');
    assert.equal((await apiRequests('project')).length, 1, 'refreshing a project leaves the project list alone');
  });

  it('refreshes one client: its project list is asked for again, nothing else', async () => {
    const acme = (await children()).find((root) => label(root) === 'Acme & Sons') as TaskTreeNode;
    assert.equal((await children(acme)).length, 2);
    await fake.control.insertRow('project', { name: 'Support Retainer', clientid: 1, active: true });
    assert.equal((await children(acme)).length, 2, 'cached until refreshed');
    await fake.control.clearRequests();
    await vscode.commands.executeCommand('intervals.refreshTasks', acme);
    assert.deepEqual((await children(acme)).map(label), ['Mobile App', 'Support Retainer', 'Website Redesign']);
    assert.equal((await apiRequests('project')).length, 1);
    assert.equal((await taskRequests({ projectid: '1' })).length + (await taskRequests({ projectid: '2' })).length, 0, 'no task list of its projects');
  });

  it('keeps Markdown in a title inert: plain label, escaped tooltip, untrusted', async () => {
    const node = (await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).localId === 1007) as TaskTreeNode;
    const treeItem = item(node);
    assert.equal(treeItem.label, '**bold** [link](command:x) — Markdown in a title');
    const tooltip = treeItem.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.notEqual(tooltip.isTrusted, true);
    assert.notEqual(tooltip.supportHtml, true);
    assert.ok(tooltip.value.includes('\\*\\*bold\\*\\* \\[link\\]\\(command\\:x\\)'), tooltip.value);
    assert.ok(!tooltip.value.includes('[link](command:x)'), 'no link survives');
    assert.match(tooltip.value, /Project: Website Redesign/);
    assert.match(tooltip.value, /Client: Acme \\& Sons/);

    const script = (await taskNodes(6)).find((candidate) => taskOf(candidate).title.includes('<script>')) as TaskTreeNode;
    const scriptTooltip = (item(script).tooltip as vscode.MarkdownString).value;
    assert.ok(!scriptTooltip.includes('<script>'), 'HTML in a title is escaped');
  });

  it('shows closed tasks on request, and hides them again', async () => {
    const shown = await vscode.commands.executeCommand<{ showClosed: boolean }>('intervals.showClosedTasks');
    assert.equal(shown?.showClosed, true);
    assert.equal(graph.contextKeys.get('intervals.showClosed'), true);
    const all = await taskNodes(WEBSITE);
    assert.equal(all.length, WEBSITE_OPEN_TASKS + 1);
    const closed = all.find((node) => taskOf(node).title === 'Migrate blog posts') as TaskTreeNode;
    assert.equal(item(closed).contextValue, 'task closed');
    assert.equal((item(closed).iconPath as vscode.ThemeIcon).id, 'pass');
    const request = (await taskRequests({ projectid: String(WEBSITE) })).at(-1);
    assert.equal(request?.query.excludeclosed, undefined, 'closed tasks are asked for');

    await vscode.commands.executeCommand('intervals.hideClosedTasks');
    assert.equal(graph.contextKeys.get('intervals.showClosed'), false);
    assert.equal((await taskNodes(WEBSITE)).length, WEBSITE_OPEN_TASKS);
  });

  it('shows only the tasks assigned to me with the API\'s assignee filter', async () => {
    await vscode.commands.executeCommand('intervals.showMyTasks');
    assert.equal(graph.contextKeys.get('intervals.assignedToMe'), true);
    const mine = await taskNodes(WEBSITE);
    assert.deepEqual(mine.map((node) => taskOf(node).localId).sort(), [1001, 1004, 1005]);
    const request = (await taskRequests({ projectid: String(WEBSITE) })).at(-1);
    assert.equal(request?.query.assigneeid, '1');
    assert.equal(request?.query.excludeclosed, 't');

    await vscode.commands.executeCommand('intervals.showAllTasks');
    assert.equal(graph.contextKeys.get('intervals.assignedToMe'), false);
    assert.equal((await taskNodes(WEBSITE)).length, WEBSITE_OPEN_TASKS);
  });

  describe('assigned to me', () => {
    // The admin's open tasks are in every active project but "Brand & Identity" (client "O'Brien
    // "Quoted" Consulting"), which holds a closed task assigned to someone else (task 18).
    const BRAND = 4;
    const OBRIEN = 'O\'Brien "Quoted" Consulting';

    async function shownTree(): Promise<Record<string, string[]>> {
      const tree: Record<string, string[]> = {};
      for (const root of await children()) {
        tree[label(root)] = (await children(root)).map(label);
      }
      return tree;
    }

    it('lists only the clients and projects holding one of my open tasks, from one walk of my tasks', async () => {
      await vscode.commands.executeCommand('intervals.showMyTasks');
      const roots = await children();
      assert.deepEqual(roots.map(label), ['<Initech> Ltd.', 'Acme & Sons', 'Café Zürich', 'No client']);
      assert.deepEqual(
        roots.map((root) => item(root).description),
        ['1 project', '2 projects', '2 projects', '2 projects'],
      );

      const walk = await taskRequests({ assigneeid: '1', projectid: null });
      assert.equal(walk.length, 1, 'one request finds the projects with my tasks');
      assert.equal(walk[0]?.query.excludeclosed, 't');
      assert.equal(walk[0]?.query.limit, String(TASK_PAGE_SIZE));
      assert.equal((await apiRequests('task')).length, 1, 'no request per project for the first level');
      assert.equal((await apiRequests('project')).length, 1, 'the projects in one request');
      assert.equal(graph.contextKeys.get('intervals.noAssignedTasks'), false);

      const tree = await shownTree();
      assert.deepEqual(tree['Acme & Sons'], ['Mobile App', 'Website Redesign']);
      assert.deepEqual(tree['Café Zürich'], ['Café Zürich Loyalty App', 'Menu Ordering Kiosk']);
      assert.equal((await apiRequests('task')).length, 1, 'opening the clients needs no request');
      for (const root of roots) {
        for (const project of await children(root)) {
          assert.ok((await children(project)).length > 0, `${label(project)} holds one of my tasks`);
        }
      }
    });

    it('lists everything again when the filter is switched off', async () => {
      await vscode.commands.executeCommand('intervals.showMyTasks');
      assert.ok(!(await children()).map(label).includes(OBRIEN));
      await vscode.commands.executeCommand('intervals.showAllTasks');
      const tree = await shownTree();
      assert.deepEqual(tree[OBRIEN], ['Brand & Identity']);
      assert.equal(Object.keys(tree).length, 5);
      assert.equal(graph.contextKeys.get('intervals.noAssignedTasks'), false);
    });

    it('counts closed tasks only when closed tasks are shown', async () => {
      await fake.control.updateRow('task', 18, { assigneeids: [1] });
      await vscode.commands.executeCommand('intervals.showMyTasks');
      assert.ok(!(await children()).map(label).includes(OBRIEN), 'a closed task alone does not list its project');
      await vscode.commands.executeCommand('intervals.showClosedTasks');
      const tree = await shownTree();
      assert.deepEqual(tree[OBRIEN], ['Brand & Identity']);
      const walk = (await taskRequests({ assigneeid: '1', projectid: null })).at(-1);
      assert.equal(walk?.query.excludeclosed, undefined, 'closed tasks are asked for too');
      const brand = (await children((await children()).find((root) => label(root) === OBRIEN) as TaskTreeNode))[0] as TaskTreeNode;
      assert.deepEqual((await children(brand)).map((node) => taskOf(node).id), [18]);
      await vscode.commands.executeCommand('intervals.hideClosedTasks');
      assert.ok(!(await children()).map(label).includes(OBRIEN));
    });

    it('shows a project once a task in it is assigned to me, and hides it when the task is given away', async () => {
      await vscode.commands.executeCommand('intervals.showMyTasks');
      assert.ok(!(await children()).map(label).includes(OBRIEN));
      const fired: (TaskTreeNode | undefined)[] = [];
      const listener = browser.provider.onDidChangeTreeData((node) => fired.push(node));
      try {
        await vscode.commands.executeCommand('intervals.assignTask', { taskId: 17, assigneeIds: [1, 7] });
      } finally {
        listener.dispose();
      }
      assert.ok(fired.includes(undefined), 'the first level is redrawn, so the view shows the project');
      const tree = await shownTree();
      assert.deepEqual(tree[OBRIEN], ['Brand & Identity']);
      assert.deepEqual((await taskNodes(BRAND)).map((node) => taskOf(node).id), [17]);

      await vscode.commands.executeCommand('intervals.assignTask', { taskId: 17, assigneeIds: [7] });
      assert.ok(!(await children()).map(label).includes(OBRIEN), 'the project left with its only task of mine');
    });

    it('keeps the first level for the cache time, and asks again on Refresh', async () => {
      await vscode.commands.executeCommand('intervals.showMyTasks');
      await children();
      await fake.control.updateRow('task', 17, { assigneeids: [1] });
      assert.ok(!(await children()).map(label).includes(OBRIEN), 'still the loaded answer');
      assert.equal((await taskRequests({ assigneeid: '1', projectid: null })).length, 1);
      await vscode.commands.executeCommand('intervals.refreshTasks');
      assert.ok((await children()).map(label).includes(OBRIEN));
      assert.equal((await taskRequests({ assigneeid: '1', projectid: null })).length, 2);
    });

    it('shows the welcome content, not an empty tree, when no task is assigned to me', async () => {
      // The demo account's Executive can see the projects but has no task.
      await signIn('executive');
      try {
        assert.ok((await children()).length > 0, 'the Executive sees active projects');
        await vscode.commands.executeCommand('intervals.showMyTasks');
        assert.deepEqual(await children(), []);
        assert.equal(graph.contextKeys.get('intervals.noAssignedTasks'), true);
        assert.equal(graph.contextKeys.get('intervals.noActiveProjects'), false);
        await vscode.commands.executeCommand('intervals.showAllTasks');
        assert.equal(graph.contextKeys.get('intervals.noAssignedTasks'), false);
        assert.ok((await children()).length > 0);
      } finally {
        await signIn('admin');
      }
    });
  });

  it('shows an error row with Retry when the projects fail to load, and Retry recovers', async () => {
    await fake.control.failNext(1, { status: 403, code: 10, message: 'Forbidden' }, { resource: 'project' });
    const failed = await children();
    assert.equal(failed.length, 1);
    const error = failed[0] as TaskTreeNode;
    assert.equal(error.kind, 'error');
    assert.equal(item(error).contextValue, 'error');
    assert.equal(item(error).command, undefined, 'the error row itself is not clickable');
    assert.match(label(error), /Could not load projects/);

    await vscode.commands.executeCommand('intervals.tasks.retry', error);
    const roots = await children();
    assert.ok(roots.length > 1 && roots.every((node) => node.kind === 'client' || node.kind === 'noClient'));
  });

  it('shows an error row in a project whose tasks fail to load, and Retry reloads only that project', async () => {
    const project = await projectNode(WEBSITE);
    await fake.control.clearRequests();
    await fake.control.failNext(1, { status: 403, code: 10, message: 'Forbidden' }, { resource: 'task' });
    const failed = await children(project);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.kind, 'error');
    assert.match(label(failed[0] as TaskTreeNode), /Could not load tasks/);

    await vscode.commands.executeCommand('intervals.tasks.retry', failed[0]);
    assert.equal((await children(project)).length, WEBSITE_OPEN_TASKS);
    assert.equal((await apiRequests('project')).length, 0, 'the project list was not asked for again');
  });

  it('pages a large project with a "Load more" row, across several pages', async () => {
    await vscode.commands.executeCommand('intervals.showClosedTasks');
    // More tasks than a page holds: the project's seven and a page more.
    for (let index = 0; index < TASK_PAGE_SIZE; index++) {
      await fake.control.insertRow('task', { projectid: WEBSITE, title: `Bulk task ${index}`, statusid: 1, priorityid: 3, ownerid: 1, moduleid: 3 });
    }
    const project = await projectNode(WEBSITE);
    await fake.control.clearRequests();
    // Then a task added on the service: 7 + 500 + 1 = 508, in pages of 500.
    await fake.control.insertRow('task', { projectid: WEBSITE, title: 'Added later', statusid: 1, priorityid: 3, ownerid: 1, moduleid: 3 });
    const total = 7 + TASK_PAGE_SIZE + 1;

    let nodes = await children(project);
    assert.equal(nodes.filter((node) => node.kind === 'task').length, TASK_PAGE_SIZE);
    const more = nodes.at(-1) as TaskTreeNode;
    assert.equal(more.kind, 'loadMore');
    assert.equal(item(more).description, `${TASK_PAGE_SIZE} of ${total} shown`);
    assert.equal(item(more).command?.command, 'intervals.tasks.loadMore');

    await vscode.commands.executeCommand('intervals.tasks.loadMore', more);
    nodes = await children(project);
    assert.equal(nodes.filter((node) => node.kind === 'task').length, total);
    assert.ok(!nodes.some((node) => node.kind === 'loadMore'), 'no "Load more" once everything is loaded');
    assert.equal(new Set(nodes.map((node) => node.id)).size, nodes.length, 'every row has its own id');

    const offsets = (await taskRequests({ projectid: String(WEBSITE) })).map((request) => `${request.query.offset ?? '0'}/${request.query.limit}`);
    assert.deepEqual(offsets, [`0/${TASK_PAGE_SIZE}`, `${TASK_PAGE_SIZE}/${TASK_PAGE_SIZE}`], 'one request per page');
  });

  it('groups tasks by module when the setting asks for it', async () => {
    await setSetting('intervals.tasks.showModules', true);
    try {
      const modules = await children(await projectNode(WEBSITE));
      assert.ok(modules.every((node) => node.kind === 'module'));
      assert.ok(modules.map(label).includes('Development'));
      const development = modules.find((node) => label(node) === 'Development') as TaskTreeNode;
      const tasks = await children(development);
      assert.ok(tasks.length > 0 && tasks.every((node) => node.kind === 'task' && taskOf(node).module === 'Development'));
      assert.equal((await apiRequests('projectmodule')).length, 0, 'modules come with the tasks');
    } finally {
      await setSetting('intervals.tasks.showModules', undefined);
    }
  });

  it('marks the task whose timer runs, and redraws just that row', async () => {
    const node = (await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).id === 3) as TaskTreeNode;
    const fired: (TaskTreeNode | undefined)[] = [];
    const previous = graph.activeTimers.all.filter((timer) => timer.taskId !== 3);
    const listener = browser.provider.onDidChangeTreeData((changed) => fired.push(changed as TaskTreeNode | undefined));
    try {
      graph.activeTimers.set([...previous, { timerId: 900, taskId: 3, running: true }]);
      assert.equal(item(node).contextValue, 'task running');
      assert.match(String(item(node).description), /timer running/);
      assert.deepEqual(fired, [node]);
    } finally {
      graph.activeTimers.set(previous);
      listener.dispose();
    }
    assert.equal(item(node).contextValue, 'task');
  });

  it("explains a task's icon in its tooltip: status, priority and the timer", async () => {
    const node = (await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).localId === 1005) as TaskTreeNode;
    const tooltip = (): string => (item(node).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip(), /Status: Open {2}\nPriority: Critical {2}\n/);
    assert.doesNotMatch(tooltip(), /Timer:/);
    const previous = graph.activeTimers.all.filter((timer) => timer.taskId !== 5);
    try {
      graph.activeTimers.set([...previous, { timerId: 901, taskId: 5, running: true }]);
      assert.match(tooltip(), /Priority: Critical {2}\nTimer: running(, [\d\\:]+)? {2}\n/);
    } finally {
      graph.activeTimers.set(previous);
    }
  });

  it('gives "No client" a neutral icon', async () => {
    const noClient = (await children()).at(-1) as TaskTreeNode;
    assert.equal(noClient.kind, 'noClient');
    assert.equal((item(noClient).iconPath as vscode.ThemeIcon).id, 'folder');
  });

  it('names the "assigned to me" filter beside the title only while signed in', async () => {
    await browser.setFilters({ assignedToMe: true });
    assert.equal(browser.view.description, 'assigned to me');
    await signOut();
    assert.equal(browser.view.description, undefined, 'signed out, the view shows only the welcome');
    await signIn('admin');
    assert.equal(browser.view.description, 'assigned to me', 'the filter is kept for the next sign-in');
  });

  it('collapses every branch with its own Collapse All', async () => {
    const task = (await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).localId === 1005) as TaskTreeNode;
    await vscode.commands.executeCommand('intervals.tasks.reveal', { taskId: taskOf(task).id });
    await selectionOf(task.id);
    const collapsed = new Promise<string>((resolve) => {
      const listener = browser.view.onDidCollapseElement((event) => {
        listener.dispose();
        resolve(event.element.id);
      });
    });
    await vscode.commands.executeCommand('intervals.tasks.collapseAll');
    assert.match(await collapsed, /^(client|project):/);
  });

  it('updates a changed task in place and reloads a project when a task moves or closes', async () => {
    const node = (await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).id === 2) as TaskTreeNode;
    const changed: Task = { ...taskOf(node), title: 'Fix broken images' };
    graph.changes.fire({ resource: 'task', id: 2, projectId: WEBSITE, item: changed });
    assert.equal(label(node), 'Fix broken images');
    assert.equal((await taskRequests({ projectid: String(WEBSITE) })).length, 1, 'no request for an update in place');

    graph.changes.fire({ resource: 'task', id: 2, projectId: WEBSITE, item: { ...changed, dateClosed: '2026-01-01', status: 'Closed' } });
    await taskNodes(WEBSITE);
    assert.equal((await taskRequests({ projectid: String(WEBSITE) })).length, 2, 'a task that leaves the filter reloads its project');
  });

  it('Find Task lists every open task in pages of 500 and returns the one chosen with pick: true', async () => {
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: '#1005' }), 'Launch checklist');
    assert.equal(chosen?.localId, 1005);
    assert.equal(chosen?.title, 'Launch checklist');
    const requests = await taskRequests({ projectid: null, clientid: null });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query.excludeclosed, 't');
    assert.equal(requests[0]?.query.limit, '500');
    assert.equal(requests[0]?.query.projectid, undefined, 'one list for the whole account');
  });

  it('Find Task reveals the chosen task in the tree and runs a task action on it', async () => {
    await vscode.env.clipboard.writeText('');
    const chosen = await chooseInQuickPick(
      vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { value: '#1013', action: 'intervals.copyTaskId' }),
      'Map legacy GL accounts',
    );
    assert.equal(chosen?.localId, 1013);
    assert.equal(await selectionOf(`task:${chosen?.id}`), 'task:13', 'selected in the tree');
    assert.equal(await vscode.env.clipboard.readText(), '1013', 'the action ran on it');
  });

  it('Find Task offers recent tasks first', async () => {
    await graph.recentTasks.remember({ id: 21, localId: 1021, title: 'Payment terminal integration', projectId: 5, project: 'Menu Ordering Kiosk', clientId: 4, client: 'Café Zürich' });
    try {
      const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true }), 'Payment terminal integration');
      assert.equal(chosen?.id, 21);
      assert.equal(typeof chosen?.dateOpen, 'string', 'a full task comes back');
    } finally {
      await graph.recentTasks.clear();
    }
  });

  it('Find Task ignores accents and case, and matches several words in any order', async () => {
    // "Kiosk UI: Grüezi screen" is in "Menu Ordering Kiosk" of "Café Zürich".
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: 'ZURICH kiosk' }), 'Kiosk UI: Grüezi screen');
    assert.equal(chosen?.title, 'Kiosk UI: Grüezi screen');
    const again = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: 'gruezi cafe' }), 'Kiosk UI: Grüezi screen');
    assert.equal(again?.id, chosen?.id);
  });

  it('Find Task offers to search closed tasks too when no open task matches, and finds a closed one', async () => {
    // "Migrate blog posts" is closed: no open task matches.
    const pending = vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, value: 'blog MIGRATE' });
    void chooseInQuickPick(Promise.resolve(), 'Search closed tasks too');
    const chosen = await chooseInQuickPick(pending, 'Migrate blog posts');
    assert.equal(chosen?.title, 'Migrate blog posts');
    assert.ok(chosen?.dateClosed, 'a closed task');
    const lists = await taskRequests({ projectid: null, clientid: null, assigneeid: null });
    assert.deepEqual(
      lists.map((request) => request.query.excludeclosed ?? 'closed too'),
      ['t', 'closed too'],
      'the open tasks, then every task once asked',
    );
  });

  it("offers a task's context menu, with its words, after Find Task and on Enter in the tree", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = readManifest<{
      contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string; when: string; group: string }>> };
    }>(extension.extensionPath);
    const titles = new Map(manifest.contributes.commands.map((entry) => [entry.command, entry.title]));
    // The menu of a task without a running timer, in its order (groups, then their positions).
    const menu = manifest.contributes.menus['view/item/context']
      .filter((entry) => entry.when.includes('view == intervals.tasks') && /\\btask\\b/.test(entry.when) && !entry.group.startsWith('inline'))
      .filter((entry) => !entry.when.includes('running') || entry.when.includes('!(viewItem =~'))
      // Start Work shows only with a Git repository open.
      .filter((entry) => !entry.when.includes('intervals.gitAvailable') || graph.contextKeys.get(ContextKey.gitAvailable) === true)
      .sort((a, b) => a.group.localeCompare(b.group, undefined, { numeric: true }))
      .map((entry) => titles.get(entry.command));
    const launch = taskOf((await taskNodes(WEBSITE)).find((candidate) => taskOf(candidate).localId === 1005) as TaskTreeNode);
    const offered = graph.taskActions
      .actionsFor(launch)
      .filter((action) => action.kind !== vscode.QuickPickItemKind.Separator)
      .map((action) => action.label.replace(/^\$\([\w-]+\) /, ''));
    assert.deepEqual(offered, menu);
    assert.ok(offered.includes('Set Task Status…') && offered.includes('Assign Task…'));

    // Enter on the selected task row runs the actions of that task.
    await vscode.commands.executeCommand('intervals.tasks.reveal', { taskId: launch.id });
    await selectionOf(`task:${launch.id}`);
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<string | undefined>('intervals.tasks.showActions'), 'Copy Task ID');
    assert.equal(chosen, 'intervals.copyTaskId');
    assert.equal(await vscode.env.clipboard.readText(), '1005');
  });

  it('lists a client\'s open tasks with one request (clientid, excludeclosed)', async () => {
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.showClientTasks', { clientId: 1, pick: true }), 'Launch checklist');
    assert.equal(chosen?.clientId, 1);
    assert.equal(chosen?.localId, 1005);
    const requests = await taskRequests({ clientid: '1' });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query.clientid, '1');
    assert.equal(requests[0]?.query.excludeclosed, 't');
  });

  it('lists the open tasks of the projects without a client from the "No client" row (clientid=-1)', async () => {
    const noClient = (await children()).at(-1) as TaskTreeNode;
    assert.equal(noClient.kind, 'noClient');
    const chosen = await chooseInQuickPick(vscode.commands.executeCommand<Task | undefined>('intervals.showClientTasks', { ...noClient, pick: true }), 'Upgrade CI runners');
    assert.equal(chosen?.clientId, null);
    assert.equal(chosen?.projectId, 6);
    const request = (await taskRequests({ clientid: '-1' })).at(-1);
    assert.equal(request?.query.clientid, '-1');
  });

  it('shows the welcome content, not an empty tree, when the account has no active project', async () => {
    for (const project of await fake.control.rows('project')) {
      await fake.control.updateRow('project', project.id, { active: false });
    }
    // What the tree loaded before is kept for the cache time: the user refreshes to see the change.
    browser.refresh();
    assert.deepEqual(await children(), []);
    assert.equal(graph.contextKeys.get('intervals.noActiveProjects'), true);
    await fake.control.reset();
    browser.refresh();
    assert.ok((await children()).length > 0);
    assert.equal(graph.contextKeys.get('intervals.noActiveProjects'), false);
  });

  it('copies a task\'s number and its web link', async () => {
    await setSetting('intervals.webUrl', 'https://demo.intervalsonline.com');
    const id = await vscode.commands.executeCommand<string>('intervals.copyTaskId', { taskId: 5 });
    assert.equal(id, '1005');
    assert.equal(await vscode.env.clipboard.readText(), '1005');
    const link = await vscode.commands.executeCommand<string>('intervals.copyTaskLink', { taskId: 5 });
    assert.equal(link, 'https://demo.intervalsonline.com/tasks/view/1005');
    assert.equal(await vscode.env.clipboard.readText(), link);
  });

  it('asks for the task from the palette (Find Task\'s picker) when Copy Task ID gets none', async () => {
    await graph.recentTasks.remember({ id: 17, localId: 1017, title: 'Logo refresh', projectId: 4, project: 'Brand & Identity', clientId: 3, client: 'O\'Brien "Quoted" Consulting' });
    try {
      const copied = await chooseInQuickPick(vscode.commands.executeCommand<string | undefined>('intervals.copyTaskId'), 'Logo refresh');
      assert.equal(copied, '1017');
    } finally {
      await graph.recentTasks.clear();
    }
  });

  it('clears the tree on sign-out and loads it again on sign-in', async () => {
    assert.ok((await children()).length > 0);
    await signOut();
    assert.deepEqual(await children(), []);
    await signIn('admin');
    assert.ok((await children()).length > 0);
  });

  it('reveals and selects a task in the tree', async () => {
    const selected = selectionOf('task:5');
    const revealed = await vscode.commands.executeCommand<boolean>('intervals.tasks.reveal', { taskId: 5 });
    assert.equal(revealed, true);
    assert.equal(await selected, 'task:5');
  });
});
