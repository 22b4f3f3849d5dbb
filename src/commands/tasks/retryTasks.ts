import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';
import { nodeFrom } from './refreshTasks';

/** `intervals.tasks.retry`: the Retry action of a branch that failed to load. */
export function retryTasksCommand(tree: Pick<TaskTree, 'refresh' | 'provider'>): Command {
  return {
    id: 'intervals.tasks.retry',
    execute(arg?: unknown): void {
      tree.refresh(nodeFrom(tree, arg));
    },
  };
}
