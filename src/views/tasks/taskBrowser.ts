import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { Task } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import { clientOrSignIn } from '../../common/accountGuard';
import { ContextKey, type ContextKeys } from '../../common/contextKeys';
import type { DataChange, DataChanges } from '../../common/dataChanges';
import { Disposable } from '../../common/disposable';
import { reportError } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { Settings } from '../../common/settings';
import type { LookupCache } from '../../lookups/lookupCache';
import { TaskCatalog } from '../../tasks/taskCatalog';
import { groupProjectsByClient, type ClientGroup } from '../../tasks/taskGroups';
import { isClosed } from '../../tasks/taskPresentation';
import { taskIdFrom, taskLabel, type TaskSummary } from '../../tasks/taskReference';
import type { RecentTasks } from '../../tasks/recentTasks';
import { checkWebUrl } from '../../tasks/taskUrl';
import { toIsoDate } from '../../time/dates';
import type { ActiveTimers } from '../../timer/activeTimers';
import type { LoadMoreNode } from './loadMoreNode';
import type { ProjectNode } from './projectNode';
import { pickTask } from './taskPicker';
import type { TaskNode } from './taskNode';
import { TaskTreeProvider, type TaskFilterState, type TaskTreeEmptiness } from './taskTreeProvider';
import type { TaskTreeNode } from './taskTreeNode';
import { asPromptText, defuseLinks } from '../../common/untrustedText';

export const TASKS_VIEW_ID = 'intervals.tasks';
const FILTERS_KEY = 'intervals.tasks.filters';
/** Pages "reveal" loads, at most, looking for a task in a very large project. */
const REVEAL_MAX_PAGES = 40;

export interface TaskBrowserDependencies {
  readonly session: AccountSession;
  readonly settings: Settings;
  readonly contextKeys: ContextKeys;
  readonly lookups: LookupCache;
  readonly recentTasks: RecentTasks;
  readonly changes: DataChanges;
  readonly activeTimers: ActiveTimers;
  readonly globalState: vscode.Memento;
  readonly log: Logger;
}

/** A task action offered after Find Task or a client's task list; runs the command by id. */
export interface TaskAction {
  readonly label: string;
  readonly command: string;
}

/**
 * The sidebar task browser: owns the catalog, the tree and its view, the filters, and the
 * listeners that keep the tree in step with sign-in, timers and changes made elsewhere.
 */
export class TaskBrowser extends Disposable {
  readonly catalog: TaskCatalog;
  readonly provider: TaskTreeProvider;
  readonly view: vscode.TreeView<TaskTreeNode>;
  private filterState: TaskFilterState;
  private runningTaskIds = new Set<number>();

  constructor(private readonly deps: TaskBrowserDependencies) {
    super();
    this.filterState = readFilters(deps.globalState.get<unknown>(FILTERS_KEY));
    this.catalog = new TaskCatalog({ api: () => deps.session.client, ttlMs: () => deps.settings.tasksCacheMs });
    this.provider = this.register(
      new TaskTreeProvider({
        catalog: this.catalog,
        signedIn: () => deps.session.state.signedIn,
        personId: () => (deps.session.state.signedIn ? deps.session.state.account.personId : undefined),
        filters: () => this.filterState,
        showModules: () => deps.settings.tasksShowModules,
        isRunning: (taskId) => deps.activeTimers.isRunning(taskId),
        today: () => toIsoDate(new Date()),
        progress: (work) => Promise.resolve(vscode.window.withProgress({ location: { viewId: TASKS_VIEW_ID } }, work)),
        onEmpty: (emptiness) => void this.publishEmptiness(emptiness),
        onError: (what, error) => deps.log.warn(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`),
      }),
    );
    this.view = this.register(vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    void this.publishFilters();
    this.runningTaskIds = runningIds(deps.activeTimers);

    this.register(
      deps.session.onDidChange(() => {
        // Another account, or none: nothing loaded applies any more. Signed in, VS Code asks for the root again.
        void this.publishEmptiness(undefined);
        this.provider.clear();
      }),
    );
    this.register(
      deps.activeTimers.onDidChange(() => {
        const next = runningIds(deps.activeTimers);
        const affected = new Set([...this.runningTaskIds, ...next].filter((id) => this.runningTaskIds.has(id) !== next.has(id)));
        this.runningTaskIds = next;
        this.provider.redrawTasks(affected);
      }),
    );
    this.register(deps.changes.onDidChange((change) => this.applyChange(change)));
    this.register(
      deps.settings.onDidChange((affects) => {
        if (affects('intervals.tasks.showModules')) {
          this.provider.redraw();
        }
      }),
    );
  }

  /** Makes the browser the owner of something registered for it (its commands). */
  adopt(disposable: vscode.Disposable): void {
    this.register(disposable);
  }

  get filters(): TaskFilterState {
    return this.filterState;
  }

  /** Changes the filters, remembers them, and redraws the tree with them. */
  async setFilters(change: Partial<TaskFilterState>): Promise<TaskFilterState> {
    this.filterState = { ...this.filterState, ...change };
    await this.deps.globalState.update(FILTERS_KEY, this.filterState);
    if (!this.filterState.assignedToMe) {
      // At once, so the "nothing assigned" welcome never lingers over the full tree while it loads.
      await this.deps.contextKeys.set(ContextKey.noAssignedTasks, false);
    }
    await this.publishFilters();
    this.provider.filtersChanged();
    return this.filterState;
  }

  /** Whole tree: forgets every loaded list and look-up; a node: reloads that branch. */
  refresh(node?: TaskTreeNode): void {
    if (node === undefined) {
      this.deps.lookups.clear();
    }
    this.provider.refresh(node);
  }

  /** "Load more tasks…": the rows already shown stay; a failure is told, with Retry. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    try {
      await this.provider.loadMore(node);
    } catch (error) {
      void reportError(this.deps.log, 'load more tasks', error, { retry: () => this.loadMore(node) });
    }
  }

  /** The API client, offering to sign in first when signed out. */
  client(purpose: string): Promise<IntervalsClient | undefined> {
    return clientOrSignIn(this.deps.session, purpose);
  }

  /** The task an argument names (a node, `{ taskId }`, an id), fetched when nothing loaded has it. */
  async taskFrom(arg: unknown, purpose: string): Promise<Task | undefined> {
    if (isTaskNode(arg)) {
      return arg.task;
    }
    const taskId = taskIdFrom(arg);
    if (taskId === undefined) {
      return undefined;
    }
    const known = this.catalog.knownTask(taskId);
    if (known) {
      return known;
    }
    const api = await this.client(purpose);
    if (!api) {
      return undefined;
    }
    try {
      return await api.getTask(taskId);
    } catch (error) {
      void reportError(this.deps.log, `find task ${taskId}`, error);
      return undefined;
    }
  }

  /** Find Task's picker: recent tasks first, then every open task of the account. */
  async askForTask(title: string, value?: string): Promise<Task | undefined> {
    const api = await this.client('find a task');
    if (!api) {
      return undefined;
    }
    const picked = await pickTask({
      title,
      placeholder: 'Type a task title, #number, project or client',
      recent: this.deps.recentTasks.list(),
      load: () => this.catalog.openTasks(),
      value,
      onLoadError: (error) => void reportError(this.deps.log, 'load the open tasks', error),
    });
    if (!picked) {
      return undefined;
    }
    return 'task' in picked ? picked.task : this.taskFrom(picked.summary.id, 'find a task');
  }

  /** A client's open tasks in a picker (workflow "List non-closed tasks for a client"). */
  async askForClientTask(group: Pick<ClientGroup, 'clientId' | 'name'>): Promise<Task | undefined> {
    const picked = await pickTask({
      title: `Open Tasks of ${group.name}`,
      placeholder: 'Type a task title, #number or project',
      load: () => this.catalog.clientOpenTasks(group.clientId),
      onLoadError: (error) => void reportError(this.deps.log, `load the open tasks of ${group.name}`, error),
    });
    return picked && 'task' in picked ? picked.task : undefined;
  }

  /** The clients with active projects, for a picker. */
  async clientGroups(): Promise<ClientGroup[] | undefined> {
    try {
      return groupProjectsByClient(await this.catalog.activeProjects());
    } catch (error) {
      void reportError(this.deps.log, 'load the clients', error);
      return undefined;
    }
  }

  /**
   * Offers what can be done with a task and runs the chosen command; returns its id. `preset`
   * (one of the offered command ids) runs that action without asking.
   */
  async offerTaskActions(task: Task, preset?: string): Promise<string | undefined> {
    const running = this.deps.activeTimers.isRunning(task.id);
    const actions: (vscode.QuickPickItem & { command: string; action: string })[] = [
      running
        ? { label: '$(debug-pause) Pause Timer', command: 'intervals.pauseTimer', action: 'pause the timer of' }
        : { label: '$(play) Start Timer', command: 'intervals.startTimer', action: 'start a timer on' },
      { label: '$(add) Log Time…', command: 'intervals.logTime', action: 'log time on' },
      { label: '$(link-external) Open in Browser', command: 'intervals.openTaskInBrowser', action: 'open' },
      { label: '$(link) Copy Link', command: 'intervals.copyTaskLink', action: 'copy the link of' },
      {
        label: '$(copy) Copy ID',
        command: 'intervals.copyTaskId',
        action: 'copy the ID of',
        description: task.localId !== null ? String(task.localId) : String(task.id),
      },
    ];
    const chosen =
      actions.find((action) => action.command === preset) ??
      (await vscode.window.showQuickPick(actions, { title: taskLabel(task), placeHolder: 'What do you want to do with this task?' }));
    if (!chosen) {
      return undefined;
    }
    try {
      await vscode.commands.executeCommand(chosen.command, { taskId: task.id });
    } catch (error) {
      void reportError(this.deps.log, `${chosen.action} ${taskLabel(task)}`, error);
    }
    return chosen.command;
  }

  /** Shows a task in the tree (loading its branch, and more pages if needed) and selects it. */
  async revealTask(task: Task | TaskSummary): Promise<boolean> {
    if (task.projectId === null) {
      return false;
    }
    const projectNode = await this.findProjectNode(task.projectId);
    if (!projectNode && this.filterState.assignedToMe && (await this.isActiveProject(task.projectId))) {
      return this.offerAllTasks(task);
    }
    if (!projectNode) {
      void vscode.window.showInformationMessage(defuseLinks(`${taskLabel(task)} belongs to a project that is not active, so the task tree does not list it.`));
      return false;
    }
    const node = await this.findTaskNode(projectNode, task.id);
    if (!node) {
      const full = 'dateClosed' in task ? task : undefined;
      if (full && isClosed(full) && !this.filterState.showClosed) {
        const choice = await vscode.window.showInformationMessage(defuseLinks(`${taskLabel(task)} is closed, and closed tasks are hidden.`), 'Show Closed Tasks');
        if (choice === 'Show Closed Tasks') {
          await this.setFilters({ showClosed: true });
          return this.revealTask(task);
        }
      } else if (this.filterState.assignedToMe) {
        return this.offerAllTasks(task);
      }
      return false;
    }
    await this.showView();
    await this.view.reveal(node, { select: true, focus: true, expand: false });
    return true;
  }

  /**
   * Opens the task view and waits until VS Code shows it: a reveal into a view that is still
   * opening can lose its selection while the view draws its first level.
   */
  private async showView(): Promise<void> {
    if (this.view.visible) {
      return;
    }
    const shown = new Promise<void>((resolve) => {
      const listener = this.view.onDidChangeVisibility((event) => {
        if (event.visible) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('intervals.tasks.focus');
    await shown;
  }

  async revealProject(projectId: number): Promise<boolean> {
    const node = await this.findProjectNode(projectId);
    if (!node) {
      return false;
    }
    await this.showView();
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** The account's web address, asked for once (an https address) and kept in `intervals.webUrl`. */
  async webUrl(): Promise<string | undefined> {
    const current = this.deps.settings.webUrl;
    const checked = current === '' ? undefined : checkWebUrl(current);
    if (checked?.ok) {
      return checked.url;
    }
    const input = await vscode.window.showInputBox({
      title: 'Intervals Web Address',
      prompt: checked
        ? asPromptText(`The setting intervals.webUrl is not usable (${checked.message}). Enter the address you open Intervals at.`)
        : 'Enter the address you open Intervals at in the browser. It is kept in the setting intervals.webUrl.',
      placeHolder: 'https://acme.intervalsonline.com/',
      value: current,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const result = checkWebUrl(value);
        return result.ok ? undefined : result.message;
      },
    });
    if (input === undefined) {
      return undefined;
    }
    const result = checkWebUrl(input);
    if (!result.ok) {
      return undefined;
    }
    await this.deps.settings.setWebUrl(result.url);
    return result.url;
  }

  private async offerAllTasks(task: Task | TaskSummary): Promise<boolean> {
    const choice = await vscode.window.showInformationMessage(
      defuseLinks(`${taskLabel(task)} is not assigned to you, and the tree shows only your tasks.`),
      'Show All Tasks',
    );
    if (choice !== 'Show All Tasks') {
      return false;
    }
    await this.setFilters({ assignedToMe: false });
    return this.revealTask(task);
  }

  private async isActiveProject(projectId: number): Promise<boolean> {
    try {
      return (await this.catalog.activeProjects()).some((project) => project.id === projectId);
    } catch {
      // The tree shows the failure where it happened; here it only changes the wording.
      return false;
    }
  }

  private async findProjectNode(projectId: number): Promise<ProjectNode | undefined> {
    const roots = await this.provider.getChildren();
    for (const root of roots) {
      if ((root.kind === 'client' || root.kind === 'noClient') && root.projects.some((project) => project.id === projectId)) {
        await this.provider.getChildren(root);
        return this.provider.projectNode(projectId);
      }
    }
    return undefined;
  }

  private async findTaskNode(projectNode: ProjectNode, taskId: number): Promise<TaskNode | undefined> {
    for (let page = 0; page < REVEAL_MAX_PAGES; page++) {
      const children = await this.provider.getChildren(projectNode);
      for (const child of children) {
        if (child.kind === 'module' && child.tasks.some((task) => task.id === taskId)) {
          await this.provider.getChildren(child);
        }
      }
      const found = this.provider.taskNode(taskId);
      if (found) {
        return found;
      }
      const more = children.find((child): child is LoadMoreNode => child.kind === 'loadMore');
      if (!more) {
        return undefined;
      }
      try {
        await this.provider.loadMore(more);
      } catch (error) {
        void reportError(this.deps.log, 'load more tasks', error);
        return undefined;
      }
    }
    return undefined;
  }

  private applyChange(change: DataChange): void {
    if (change.resource === 'client' || change.resource === 'project') {
      this.catalog.invalidateProjects();
      if (change.resource === 'project' && change.id !== undefined) {
        this.catalog.invalidateProject(change.id);
      }
      this.provider.redraw();
      return;
    }
    if (change.resource !== 'task') {
      return;
    }
    const item = isTask(change.item) ? change.item : undefined;
    const shown = item ? this.provider.taskNode(item.id) : undefined;
    if (item && shown && shown.task.projectId === item.projectId && this.stillListed(item)) {
      this.provider.updateTask(item);
      return;
    }
    const projects = new Set<number>();
    for (const projectId of [change.projectId, item?.projectId, shown?.task.projectId]) {
      if (typeof projectId === 'number') {
        projects.add(projectId);
      }
    }
    if (projects.size === 0) {
      this.provider.refresh();
      return;
    }
    for (const projectId of projects) {
      const node = this.provider.projectNode(projectId);
      if (node) {
        this.provider.refresh(node);
      } else {
        this.catalog.invalidateProject(projectId);
      }
    }
    if (this.filterState.assignedToMe) {
      // The task may have joined or left the person's tasks: a project (and its client) may appear or go.
      this.provider.redraw();
    }
  }

  /** Whether a changed task still passes the filters, so it can stay where it is. */
  private stillListed(task: Task): boolean {
    if (!this.filterState.showClosed && isClosed(task)) {
      return false;
    }
    const personId = this.deps.session.state.signedIn ? this.deps.session.state.account.personId : undefined;
    return !this.filterState.assignedToMe || personId === undefined || task.assigneeIds.includes(personId);
  }

  private async publishEmptiness(emptiness: TaskTreeEmptiness): Promise<void> {
    await this.deps.contextKeys.set(ContextKey.noActiveProjects, emptiness === 'noActiveProjects');
    await this.deps.contextKeys.set(ContextKey.noAssignedTasks, emptiness === 'noAssignedTasks');
  }

  private async publishFilters(): Promise<void> {
    await this.deps.contextKeys.set(ContextKey.showClosed, this.filterState.showClosed);
    await this.deps.contextKeys.set(ContextKey.assignedToMe, this.filterState.assignedToMe);
    const parts = [this.filterState.assignedToMe ? 'assigned to me' : undefined, this.filterState.showClosed ? 'closed shown' : undefined].filter(
      (part) => part !== undefined,
    );
    this.view.description = parts.length > 0 ? parts.join(', ') : undefined;
  }
}

function readFilters(stored: unknown): TaskFilterState {
  const record = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return { showClosed: record.showClosed === true, assignedToMe: record.assignedToMe === true };
}

function runningIds(timers: ActiveTimers): Set<number> {
  return new Set(timers.all.filter((timer) => timer.running).map((timer) => timer.taskId));
}

function isTaskNode(arg: unknown): arg is TaskNode {
  return arg !== null && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'task' && isTask((arg as { task?: unknown }).task);
}

function isTask(value: unknown): value is Task {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const task = value as Record<string, unknown>;
  return typeof task.id === 'number' && typeof task.title === 'string' && Array.isArray(task.assigneeIds);
}
