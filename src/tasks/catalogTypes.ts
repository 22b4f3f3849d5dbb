import type { FetchAllOptions, ListOptions } from '../api/client';
import type { Page, Project, Task } from '../api/types';
import type { TaskFilter, ProjectFilter } from '../api/filters';

/** The part of the API client the catalog uses, so benchmarks and tests can hand it any client. */
export interface TaskCatalogApi {
  listAllProjects(filter?: ProjectFilter, options?: FetchAllOptions): Promise<Project[]>;
  listTasks(filter?: TaskFilter, options?: ListOptions): Promise<Page<Task>>;
  listAllTasks(filter?: TaskFilter, options?: FetchAllOptions): Promise<Task[]>;
}

/** Which tasks of a project the tree lists. */
export interface TaskListQuery {
  /** Closed tasks too; otherwise `excludeclosed=t`. */
  readonly showClosed: boolean;
  /** Only tasks assigned to this person (the API's `assigneeid` filter). */
  readonly assigneeId?: number;
}

/** The tasks of one project loaded so far: the first page, and more on request. */
export interface ProjectTasks {
  readonly projectId: number;
  readonly tasks: readonly Task[];
  /** What the server reported as the total (`listcount`), when it did. */
  readonly total: number | undefined;
  /** True once every task of the query is loaded. */
  readonly complete: boolean;
}

export interface TaskCatalogOptions {
  readonly api: () => TaskCatalogApi | undefined;
  /** How long a loaded list is used before it is asked for again (setting `intervals.tasks.cacheMinutes`). */
  readonly ttlMs: () => number;
  readonly now?: () => number;
  /** Tasks per request when a project opens or loads more. */
  readonly pageSize?: number;
  /**
   * Runs a refresh of lists shown from the saved copy, after the caller has had them (the owner
   * tracks it as background work); its outcome is reported through `onSavedRefresh`.
   */
  readonly inBackground?: (work: () => Promise<void>) => void;
  /** A list of every active project or every open task was loaded from Intervals: saved before the load answers. */
  readonly onLoaded?: () => Promise<void>;
  /** After a background refresh of the saved lists: whether Intervals answered. */
  readonly onSavedRefresh?: (answered: boolean) => void | Promise<void>;
}


export interface Cached<T> {
  value: T;
  at: number;
  /** Read from the copy on disk, not yet loaded again from Intervals. */
  saved?: true;
}

export interface TaskListEntry {
  tasks: Task[];
  total: number | undefined;
  complete: boolean;
  at: number;
}

export function listKey(projectId: number, query: TaskListQuery): string {
  return `${projectId}|${query.showClosed ? 'all' : 'open'}|${query.assigneeId ?? 'anyone'}`;
}

export function snapshot(projectId: number, entry: TaskListEntry): ProjectTasks {
  return { projectId, tasks: entry.tasks.slice(), total: entry.total, complete: entry.complete };
}
