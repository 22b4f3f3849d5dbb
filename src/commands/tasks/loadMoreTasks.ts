import type { LoadMoreNode } from '../../views/tasks/nodes/loadMoreNode';
import { LOAD_MORE_COMMAND } from '../../views/tasks/nodes/loadMoreNode';
import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/** `intervals.tasks.loadMore` (internal): the "Load more tasks…" row of a large project. */
export function loadMoreTasksCommand(tree: Pick<TaskTree, 'loadMore'>): Command {
  return {
    id: LOAD_MORE_COMMAND,
    async execute(arg?: unknown): Promise<void> {
      const node = arg !== null && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'loadMore' ? (arg as LoadMoreNode) : undefined;
      if (node) {
        await tree.loadMore(node);
      }
    },
  };
}
