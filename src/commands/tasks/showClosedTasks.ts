import type { TaskFilterState } from '../../views/tasks/taskTreeProvider';
import type { TaskTree } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/** `intervals.showClosedTasks`: Show closed tasks too. Returns the filters now in force. */
export function showClosedTasksCommand(tree: Pick<TaskTree, 'setFilters'>): Command {
  return {
    id: 'intervals.showClosedTasks',
    execute(): Promise<TaskFilterState> {
      return tree.setFilters({ showClosed: true });
    },
  };
}
