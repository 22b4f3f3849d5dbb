import type { FetchAllOptions, ListOptions } from '../api/client';
import type { Page, Task } from '../api/types';
import type { TaskFilter } from '../api/filters';

/** The task lists of the API client that a walk over every page uses. */
export interface TaskPagesApi {
  listTasks(filter?: TaskFilter, options?: ListOptions): Promise<Page<Task>>;
  listAllTasks(filter?: TaskFilter, options?: FetchAllOptions): Promise<Task[]>;
}

/** Intervals documents no cap on `limit`; 500 keeps a page quick to send and to draw. */
export const TASK_PAGE_SIZE = 500;

/** Pages asked for at once after the first; few enough to stay polite to the service's rate limit. */
export const PARALLEL_PAGES = 4;

/**
 * Every task the filter selects, in pages of 500: the first page tells the total, the others are
 * asked for a few at a time.
 */
export async function allPages(api: TaskPagesApi, filter: TaskFilter): Promise<Task[]> {
  const first = await api.listTasks(filter, { offset: 0, limit: TASK_PAGE_SIZE });
  const step = first.items.length;
  if (step === 0 || first.listCount === undefined) {
    // Without a total, only walking page by page finds the end.
    return step < TASK_PAGE_SIZE ? first.items : api.listAllTasks(filter, { pageSize: TASK_PAGE_SIZE });
  }
  const offsets: number[] = [];
  for (let offset = step; offset < first.listCount; offset += step) {
    offsets.push(offset);
  }
  const pages: Task[][] = new Array<Task[]>(offsets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < offsets.length) {
      const index = next++;
      pages[index] = (await api.listTasks(filter, { offset: offsets[index], limit: step })).items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, offsets.length) }, () => worker()));
  const seen = new Set<number>();
  const tasks: Task[] = [];
  // A task created or closed meanwhile shifts the pages; list each task once.
  for (const task of [first.items, ...pages].flat()) {
    if (!seen.has(task.id)) {
      seen.add(task.id);
      tasks.push(task);
    }
  }
  return tasks;
}
