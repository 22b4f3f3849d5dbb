import type { TaskFilterState } from '../../views/tasks/taskTreeProvider';
import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/** `intervals.showAllTasks`: Every task, whoever it is assigned to. Returns the filters now in force. */
export function showAllTasksCommand(tree: Pick<TaskTree, 'setFilters'>): Command {
  return {
    id: 'intervals.showAllTasks',
    execute(): Promise<TaskFilterState> {
      return tree.setFilters({ assignedToMe: false });
    },
  };
}
