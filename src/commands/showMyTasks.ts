import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { TaskFilterState } from '../views/tasks/taskTreeProvider';
import type { Command } from './commandTable';

/** `intervals.showMyTasks`: Only the tasks assigned to the signed-in person. Returns the filters now in force. */
export function showMyTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.showMyTasks',
    execute(): Promise<TaskFilterState> {
      return browser.setFilters({ assignedToMe: true });
    },
  };
}
