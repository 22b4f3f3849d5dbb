import type { TaskFilterState } from '../../views/tasks/taskTreeProvider';
import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/** `intervals.showMyTasks`: Only the tasks assigned to the signed-in person. Returns the filters now in force. */
export function showMyTasksCommand(tree: Pick<TaskTree, 'setFilters'>): Command {
  return {
    id: 'intervals.showMyTasks',
    execute(): Promise<TaskFilterState> {
      return tree.setFilters({ assignedToMe: true });
    },
  };
}
