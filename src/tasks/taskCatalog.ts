import * as l10n from '@vscode/l10n';
import { IntervalsError } from '../api/errors';
import type { Project, Task } from '../api/types';
import type { TaskFilter } from '../api/filters';
import { projectIdsOf } from './assignedWork';
import type { SavedCatalog } from './catalogCache';
import { listKey, snapshot, type Cached, type ProjectTasks, type TaskCatalogApi, type TaskCatalogOptions, type TaskListEntry, type TaskListQuery } from './catalogTypes';
import { allPages, TASK_PAGE_SIZE } from './taskPages';

export { PARALLEL_PAGES, TASK_PAGE_SIZE } from './taskPages';
export type { ProjectTasks, TaskCatalogApi, TaskCatalogOptions, TaskListQuery } from './catalogTypes';

/**
 * What the task browser and Find Task know about the account's projects and tasks. Every list is
 * loaded with as few requests as the data allows (all active projects in one paged walk, a
 * project's tasks a page at a time), kept for a time-to-live, and shared by concurrent callers.
 * A load that an invalidation overtook is not stored, so a refresh never shows older data.
 */
export class TaskCatalog {
  /** Tasks per page when a project opens or loads more. */
  private readonly pageSize: number;
  private readonly now: () => number;
  private generation = 0;
  private projects: Cached<readonly Project[]> | undefined;
  private projectsPending: Promise<readonly Project[]> | undefined;
  private readonly taskLists = new Map<string, TaskListEntry>();
  private readonly taskListsPending = new Map<string, Promise<ProjectTasks>>();
  /** Bumped by invalidateProject, so a load that started before it is not stored. */
  private readonly projectEpochs = new Map<number, number>();
  private openTaskList: Cached<readonly Task[]> | undefined;
  private openTasksPending: Promise<readonly Task[]> | undefined;
  private readonly clientTaskLists = new Map<number, Cached<readonly Task[]>>();
  private readonly clientTasksPending = new Map<number, Promise<readonly Task[]>>();
  private readonly assignedSets = new Map<string, Cached<ReadonlySet<number>>>();
  private readonly assignedPending = new Map<string, Promise<ReadonlySet<number>>>();
  /**
   * Bumped whenever any task may have changed, so a load across projects (every open task, a
   * client's, yours) that started before is not stored.
   */
  private tasksEpoch = 0;
  private refreshing = false;

  constructor(private readonly options: TaskCatalogOptions) {
    this.now = options.now ?? Date.now;
    this.pageSize = options.pageSize ?? TASK_PAGE_SIZE;
  }

  /** Every active project the person can see, in one paged walk. */
  activeProjects(): Promise<readonly Project[]> {
    if (this.projects?.saved) {
      this.refreshSaved();
      return Promise.resolve(this.projects.value);
    }
    if (this.projects && this.fresh(this.projects.at)) {
      return Promise.resolve(this.projects.value);
    }
    if (this.projectsPending) {
      return this.projectsPending;
    }
    const generation = this.generation;
    const pending = this.call((api) => api.listAllProjects({ active: true }, { pageSize: TASK_PAGE_SIZE }))
      .then(async (projects) => {
        if (generation === this.generation) {
          this.projects = { value: projects, at: this.now() };
          await this.options.onLoaded?.();
        }
        return projects as readonly Project[];
      })
      .finally(() => {
        if (this.projectsPending === pending) {
          this.projectsPending = undefined;
        }
      });
    this.projectsPending = pending;
    return pending;
  }

  /**
   * The first page of a project's tasks, or what is already loaded while it is younger than the
   * time-to-live (`maxAgeMs` overrides it, e.g. Infinity to redraw what "Load more" just added).
   */
  projectTasks(projectId: number, query: TaskListQuery, maxAgeMs?: number): Promise<ProjectTasks> {
    const saved = this.openTaskList?.saved && !query.showClosed ? this.openTaskList.value : undefined;
    if (saved) {
      const tasks = saved.filter((task) => task.projectId === projectId && (query.assigneeId === undefined || task.assigneeIds.includes(query.assigneeId)));
      return Promise.resolve({ projectId, tasks, total: tasks.length, complete: true });
    }
    const key = listKey(projectId, query);
    const entry = this.taskLists.get(key);
    if (entry && this.now() - entry.at < (maxAgeMs ?? this.options.ttlMs())) {
      return Promise.resolve(snapshot(projectId, entry));
    }
    const pending = this.taskListsPending.get(key);
    if (pending) {
      return pending;
    }
    return this.track(key, this.loadPage(projectId, query, undefined));
  }

  /** The next page of a project's tasks, appended to what is loaded. */
  loadMore(projectId: number, query: TaskListQuery): Promise<ProjectTasks> {
    const key = listKey(projectId, query);
    const pending = this.taskListsPending.get(key);
    if (pending) {
      return pending;
    }
    const entry = this.taskLists.get(key);
    if (entry?.complete) {
      return Promise.resolve(snapshot(projectId, entry));
    }
    return this.track(key, this.loadPage(projectId, query, entry));
  }

  /**
   * Every open task of the account (for Find Task), in pages of 500: the first page tells the
   * total, the others are asked for a few at a time, so 10,000 tasks take a few round trips
   * instead of twenty.
   */
  openTasks(): Promise<readonly Task[]> {
    if (this.openTaskList?.saved) {
      this.refreshSaved();
      return Promise.resolve(this.openTaskList.value);
    }
    if (this.openTaskList && this.fresh(this.openTaskList.at)) {
      return Promise.resolve(this.openTaskList.value);
    }
    if (this.openTasksPending) {
      return this.openTasksPending;
    }
    const generation = this.generation;
    const epoch = this.tasksEpoch;
    const pending = this.call((api) => allPages(api, { excludeClosed: true }))
      .then(async (tasks) => {
        if (generation === this.generation && epoch === this.tasksEpoch) {
          this.openTaskList = { value: tasks, at: this.now() };
          await this.options.onLoaded?.();
        }
        return tasks as readonly Task[];
      })
      .finally(() => {
        if (this.openTasksPending === pending) {
          this.openTasksPending = undefined;
        }
      });
    this.openTasksPending = pending;
    return pending;
  }

  /** Every task of the account, closed ones too (Find Task's "Search closed tasks too"); asked each time. */
  tasksWithClosed(): Promise<readonly Task[]> {
    return this.call((api) => allPages(api, {}));
  }

  /** A client's open tasks (`clientid=…&excludeclosed=t`); `null` means the projects without a client. */
  clientOpenTasks(clientId: number | null): Promise<readonly Task[]> {
    const key = clientId ?? -1;
    const cached = this.clientTaskLists.get(key);
    if (cached && this.fresh(cached.at)) {
      return Promise.resolve(cached.value);
    }
    const inFlight = this.clientTasksPending.get(key);
    if (inFlight) {
      return inFlight;
    }
    const generation = this.generation;
    const epoch = this.tasksEpoch;
    const pending = this.call((api) => allPages(api, { clientId: key, excludeClosed: true }))
      .then((tasks) => {
        if (generation === this.generation && epoch === this.tasksEpoch) {
          this.clientTaskLists.set(key, { value: tasks, at: this.now() });
        }
        return tasks as readonly Task[];
      })
      .finally(() => {
        if (this.clientTasksPending.get(key) === pending) {
          this.clientTasksPending.delete(key);
        }
      });
    this.clientTasksPending.set(key, pending);
    return pending;
  }

  /**
   * The projects holding at least one task assigned to the person (open ones only unless closed
   * tasks are shown), from one paged walk of `assigneeid=…` reading each task's project.
   */
  assignedProjectIds(personId: number, showClosed: boolean): Promise<ReadonlySet<number>> {
    const key = `${personId}|${showClosed ? 'all' : 'open'}`;
    const cached = this.assignedSets.get(key);
    if (cached && this.fresh(cached.at)) {
      return Promise.resolve(cached.value);
    }
    const inFlight = this.assignedPending.get(key);
    if (inFlight) {
      return inFlight;
    }
    const generation = this.generation;
    const epoch = this.tasksEpoch;
    const filter: TaskFilter = showClosed ? { assigneeId: personId } : { assigneeId: personId, excludeClosed: true };
    const pending = this.call((api) => allPages(api, filter))
      .then((tasks) => {
        const projectIds = projectIdsOf(tasks);
        if (generation === this.generation && epoch === this.tasksEpoch) {
          this.assignedSets.set(key, { value: projectIds, at: this.now() });
        }
        return projectIds;
      })
      .finally(() => {
        if (this.assignedPending.get(key) === pending) {
          this.assignedPending.delete(key);
        }
      });
    this.assignedPending.set(key, pending);
    return pending;
  }

  /** Shows `saved` (the copy on disk) until Intervals answers; everything loaded before is forgotten. */
  showSaved(saved: SavedCatalog): void {
    this.invalidateAll();
    this.projects = { value: saved.projects, at: saved.savedAt, saved: true };
    this.openTaskList = { value: saved.openTasks, at: saved.savedAt, saved: true };
  }

  /** When the lists shown were loaded, while they come from the copy on disk; undefined otherwise. */
  savedAt(): number | undefined {
    return this.projects?.saved || this.openTaskList?.saved ? Math.min(this.projects?.at ?? Infinity, this.openTaskList?.at ?? Infinity) : undefined;
  }

  /** What to keep on disk: the projects and open tasks, once both are known and one is new from Intervals. */
  toSave(): SavedCatalog | undefined {
    const { projects, openTaskList } = this;
    if (!projects || !openTaskList || (projects.saved && openTaskList.saved)) {
      return undefined;
    }
    return { projects: projects.value, openTasks: openTaskList.value, savedAt: Math.min(projects.at, openTaskList.at) };
  }

  /** A task in anything already loaded, without a request. */
  knownTask(taskId: number): Task | undefined {
    for (const entry of this.taskLists.values()) {
      const found = entry.tasks.find((task) => task.id === taskId);
      if (found) {
        return found;
      }
    }
    return this.openTaskList?.value.find((task) => task.id === taskId);
  }

  /** Replaces a task where it is loaded; false when it was nowhere. */
  updateTask(task: Task): boolean {
    let found = false;
    for (const entry of this.taskLists.values()) {
      const index = entry.tasks.findIndex((candidate) => candidate.id === task.id);
      if (index >= 0) {
        entry.tasks[index] = task;
        found = true;
      }
    }
    return found;
  }

  /** Forgets a project's task lists (every filter), so the next look asks again. */
  invalidateProject(projectId: number): void {
    this.projectEpochs.set(projectId, (this.projectEpochs.get(projectId) ?? 0) + 1);
    const prefix = `${projectId}|`;
    for (const key of [...this.taskLists.keys()]) {
      if (key.startsWith(prefix)) {
        this.taskLists.delete(key);
      }
    }
    for (const key of [...this.taskListsPending.keys()]) {
      if (key.startsWith(prefix)) {
        this.taskListsPending.delete(key);
      }
    }
    this.forgetTasksAcrossProjects();
  }

  /** Forgets the project list (a project was created, renamed or closed). */
  invalidateProjects(): void {
    this.projects = undefined;
    this.projectsPending = undefined;
  }

  /** Forgets everything; loads already under way are not stored when they finish. */
  invalidateAll(): void {
    this.generation++;
    this.projects = undefined;
    this.projectsPending = undefined;
    this.taskLists.clear();
    this.taskListsPending.clear();
    this.forgetTasksAcrossProjects();
  }

  /**
   * A task of some project may have been created, (un)assigned, opened or closed: the lists that
   * span projects are forgotten, and loads of them already under way are neither shared nor stored.
   */
  private forgetTasksAcrossProjects(): void {
    this.tasksEpoch++;
    this.openTaskList = undefined;
    this.openTasksPending = undefined;
    this.clientTaskLists.clear();
    this.clientTasksPending.clear();
    this.assignedSets.clear();
    this.assignedPending.clear();
  }

  /** Loads the saved lists again in the background, once at a time; on failure they stay shown. */
  refreshSaved(): void {
    if (this.refreshing || !this.options.inBackground) {
      return;
    }
    this.refreshing = true;
    const generation = this.generation;
    this.options.inBackground(async () => {
      const saved = { projects: this.projects, openTasks: this.openTaskList };
      let answered = false;
      try {
        const [projects, tasks] = await Promise.all([
          this.call((api) => api.listAllProjects({ active: true }, { pageSize: TASK_PAGE_SIZE })),
          this.call((api) => allPages(api, { excludeClosed: true })),
        ]);
        answered = true;
        if (generation === this.generation && this.projects === saved.projects && this.openTaskList === saved.openTasks) {
          this.projects = { value: projects, at: this.now() };
          this.openTaskList = { value: tasks, at: this.now() };
        }
      } catch {
        // Offline or refused: the saved lists stay shown, and the owner says so.
      } finally {
        this.refreshing = false;
      }
      await this.options.onSavedRefresh?.(answered);
    });
  }

  private fresh(at: number): boolean {
    return this.now() - at < this.options.ttlMs();
  }

  private call<T>(request: (api: TaskCatalogApi) => Promise<T>): Promise<T> {
    const api = this.options.api();
    if (!api) {
      return Promise.reject(new IntervalsError({ kind: 'unauthorized', message: l10n.t('Sign in to Intervals first.') }));
    }
    return request(api);
  }

  private track(key: string, load: Promise<ProjectTasks>): Promise<ProjectTasks> {
    const pending = load.finally(() => {
      if (this.taskListsPending.get(key) === pending) {
        this.taskListsPending.delete(key);
      }
    });
    this.taskListsPending.set(key, pending);
    return pending;
  }

  private async loadPage(projectId: number, query: TaskListQuery, previous: TaskListEntry | undefined): Promise<ProjectTasks> {
    const generation = this.generation;
    const epoch = this.projectEpochs.get(projectId) ?? 0;
    const key = listKey(projectId, query);
    const offset = previous?.tasks.length ?? 0;
    const limit = Math.max(1, Math.floor(this.pageSize));
    const filter: TaskFilter = { projectId };
    if (!query.showClosed) {
      filter.excludeClosed = true;
    }
    if (query.assigneeId !== undefined) {
      filter.assigneeId = query.assigneeId;
    }
    const page = await this.call((api) => api.listTasks(filter, { offset, limit }));
    const seen = new Set(previous?.tasks.map((task) => task.id));
    // A task created between two pages shifts the offsets; never list one twice.
    const tasks = [...(previous?.tasks ?? []), ...page.items.filter((task) => !seen.has(task.id))];
    const complete = page.items.length === 0 || (page.listCount !== undefined ? offset + page.items.length >= page.listCount : page.items.length < limit);
    const entry: TaskListEntry = { tasks, total: page.listCount, complete, at: previous?.at ?? this.now() };
    const current = generation === this.generation && epoch === (this.projectEpochs.get(projectId) ?? 0);
    if (current && (previous === undefined || this.taskLists.get(key) === previous)) {
      this.taskLists.set(key, entry);
    }
    return snapshot(projectId, entry);
  }
}
