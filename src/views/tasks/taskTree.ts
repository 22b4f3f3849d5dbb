import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import type { Clock } from '../../common/clock';
import { ContextKey, type ContextKeys } from '../../common/contextKeys';
import type { DataChange, DataChanges } from '../../common/dataChanges';
import { Disposable } from '../../common/disposable';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { Settings } from '../../common/settings';
import type { CurrentBranchTask } from '../../git/currentBranchTask';
import type { LookupCache } from '../../lookups/lookupCache';
import type { PinnedTasks } from '../../tasks/pinnedTasks';
import type { TaskCatalog } from '../../tasks/taskCatalog';
import type { TaskNotes } from '../../tasks/taskNotes';
import { isClosed } from '../../tasks/taskPresentation';
import { isTask } from '../../tasks/taskReference';
import { toIsoDate } from '../../time/dates';
import { activeTimerSeconds, type ActiveTimer, type ActiveTimers } from '../../timer/activeTimers';
import type { LoadMoreNode } from './nodes/loadMoreNode';
import type { TaskTreeNode } from './nodes/taskTreeNode';
import { TaskTreeProvider, type TaskFilterState, type TaskTreeEmptiness } from './taskTreeProvider';

export const TASKS_VIEW_ID = 'intervals.tasks';
const FILTERS_KEY = 'intervals.tasks.filters';

export interface TaskTreeDependencies {
  readonly session: Pick<AccountSession, 'state' | 'onDidChange'>;
  readonly settings: Pick<Settings, 'tasksShowModules' | 'onDidChange'>;
  readonly contextKeys: Pick<ContextKeys, 'set'>;
  /** The look-up lists, forgotten with the whole tree on Refresh. */
  readonly lookups: Pick<LookupCache, 'clear'>;
  readonly catalog: TaskCatalog;
  readonly changes: Pick<DataChanges, 'onDidChange'>;
  readonly activeTimers: Pick<ActiveTimers, 'all' | 'isRunning' | 'forTask' | 'onDidChange'>;
  readonly branchTask: Pick<CurrentBranchTask, 'value' | 'onDidChange'>;
  readonly pinnedTasks: Pick<PinnedTasks, 'list' | 'onDidChange'>;
  readonly globalState: vscode.Memento;
  readonly clock: Clock;
  readonly errors: ErrorReporter;
  readonly log: Logger;
  readonly notes?: Pick<TaskNotes, 'latest'>;
}

/**
 * The Tasks view: its tree, its filters (kept across sessions), and the listeners that keep it in
 * step with sign-in, timers and changes made elsewhere.
 */
export class TaskTree extends Disposable {
  readonly provider: TaskTreeProvider;
  readonly view: vscode.TreeView<TaskTreeNode>;
  private filterState: TaskFilterState;
  /** Each task with a timer, and its timer's state as last drawn. */
  private timerStates: Map<number, string>;

  constructor(private readonly deps: TaskTreeDependencies) {
    super();
    this.filterState = readFilters(deps.globalState.get<unknown>(FILTERS_KEY));
    this.provider = this.register(
      new TaskTreeProvider({
        catalog: deps.catalog,
        signedIn: () => deps.session.state.signedIn,
        personId: () => (deps.session.state.signedIn ? deps.session.state.account.personId : undefined),
        filters: () => this.filterState,
        showModules: () => deps.settings.tasksShowModules,
        isRunning: (taskId) => deps.activeTimers.isRunning(taskId),
        timerOf: (taskId) => {
          const timer = deps.activeTimers.forTask(taskId);
          return timer && { running: timer.running, seconds: activeTimerSeconds(timer, deps.clock.now()) };
        },
        branchTaskId: () => deps.branchTask.value?.taskId,
        pinned: () => deps.pinnedTasks.list(),
        today: () => toIsoDate(deps.clock.now()),
        progress: (work) => Promise.resolve(vscode.window.withProgress({ location: { viewId: TASKS_VIEW_ID } }, work)),
        onEmpty: (emptiness) => void this.publishEmptiness(emptiness),
        onError: (what, error) => deps.log.warn(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`),
        latestNotes: deps.notes && ((taskId, signal) => deps.notes!.latest(taskId, signal)),
      }),
    );
    this.view = this.register(vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: this.provider }));
    void this.publishFilters();
    this.timerStates = timerStates(deps.activeTimers.all);
    this.listen();
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
      void this.deps.errors.reportFailure(this.deps.log, l10n.t('Could not load more tasks'), error, { retry: () => this.loadMore(node) });
    }
  }

  private listen(): void {
    const { session, activeTimers, changes, settings } = this.deps;
    this.register(
      session.onDidChange(() => {
        // Another account, or none: nothing loaded applies any more. Signed in, VS Code asks for the root again.
        void this.publishEmptiness(undefined);
        void this.publishFilters();
        this.provider.clear();
      }),
    );
    this.register(
      activeTimers.onDidChange(() => {
        const next = timerStates(activeTimers.all);
        const affected = new Set([...this.timerStates.keys(), ...next.keys()].filter((id) => this.timerStates.get(id) !== next.get(id)));
        this.timerStates = next;
        this.provider.redrawTasks(affected);
      }),
    );
    this.register(changes.onDidChange((change) => this.applyChange(change)));
    // A pin or unpin redraws the tree from what is loaded: the Pinned group and the rows' menus.
    this.register(this.deps.pinnedTasks.onDidChange(() => this.provider.redraw()));
    let branchTaskId = this.deps.branchTask.value?.taskId;
    this.register(
      this.deps.branchTask.onDidChange((task) => {
        this.provider.redrawTasks([branchTaskId, task?.taskId].filter((id): id is number => id !== undefined));
        branchTaskId = task?.taskId;
      }),
    );
    this.register(
      settings.onDidChange((affects) => {
        if (affects('intervals.tasks.showModules')) {
          this.provider.redraw();
        }
      }),
    );
  }

  private applyChange(change: DataChange): void {
    if (change.resource === 'client' || change.resource === 'project') {
      this.deps.catalog.invalidateProjects();
      if (change.resource === 'project' && change.id !== undefined) {
        this.deps.catalog.invalidateProject(change.id);
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
    this.reloadProjects([change.projectId, item?.projectId, shown?.task.projectId]);
  }

  /** Reloads the projects a changed task was or is in; every project when none is known. */
  private reloadProjects(projectIds: readonly (number | null | undefined)[]): void {
    const projects = new Set(projectIds.filter((projectId): projectId is number => typeof projectId === 'number'));
    if (projects.size === 0) {
      this.provider.refresh();
      return;
    }
    for (const projectId of projects) {
      const node = this.provider.projectNode(projectId);
      if (node) {
        this.provider.refresh(node);
      } else {
        this.deps.catalog.invalidateProject(projectId);
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
    const state = this.deps.session.state;
    const personId = state.signedIn ? state.account.personId : undefined;
    return !this.filterState.assignedToMe || personId === undefined || task.assigneeIds.includes(personId);
  }

  private async publishEmptiness(emptiness: TaskTreeEmptiness): Promise<void> {
    await this.deps.contextKeys.set(ContextKey.noActiveProjects, emptiness === 'noActiveProjects');
    await this.deps.contextKeys.set(ContextKey.noAssignedTasks, emptiness === 'noAssignedTasks');
  }

  private async publishFilters(): Promise<void> {
    await this.deps.contextKeys.set(ContextKey.showClosed, this.filterState.showClosed);
    await this.deps.contextKeys.set(ContextKey.assignedToMe, this.filterState.assignedToMe);
    const parts = [this.filterState.assignedToMe ? l10n.t('assigned to me') : undefined, this.filterState.showClosed ? l10n.t('closed shown') : undefined].filter(
      (part) => part !== undefined,
    );
    // Signed out, the view shows only the welcome: no filter applies to it.
    this.view.description = parts.length > 0 && this.deps.session.state.signedIn ? parts.join(', ') : undefined;
  }
}

function readFilters(stored: unknown): TaskFilterState {
  const record = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return { showClosed: record.showClosed === true, assignedToMe: record.assignedToMe === true };
}

function timerStates(timers: readonly ActiveTimer[]): Map<number, string> {
  return new Map(timers.map((timer) => [timer.taskId, `${timer.running}|${timer.accumulatedSeconds ?? ''}|${timer.startedAt ?? ''}`]));
}
