import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { LoadMoreNode } from '../views/tasks/loadMoreNode';
import { LOAD_MORE_COMMAND } from '../views/tasks/loadMoreNode';
import type { Command } from './commandTable';

/** `intervals.tasks.loadMore` (internal): the "Load more tasks…" row of a large project. */
export function loadMoreTasksCommand(browser: TaskBrowser): Command {
  return {
    id: LOAD_MORE_COMMAND,
    async execute(arg?: unknown): Promise<void> {
      const node = arg !== null && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'loadMore' ? (arg as LoadMoreNode) : undefined;
      if (node) {
        await browser.loadMore(node);
      }
    },
  };
}
