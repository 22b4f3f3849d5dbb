import type { TaskFilterState } from '../../views/tasks/taskTreeProvider';
import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/** `intervals.hideClosedTasks`: Hide closed tasks (the default). Returns the filters now in force. */
export function hideClosedTasksCommand(tree: Pick<TaskTree, 'setFilters'>): Command {
  return {
    id: 'intervals.hideClosedTasks',
    execute(): Promise<TaskFilterState> {
      return tree.setFilters({ showClosed: false });
    },
  };
}
