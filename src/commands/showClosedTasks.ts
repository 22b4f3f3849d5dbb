import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { TaskFilterState } from '../views/tasks/taskTreeProvider';
import type { Command } from './commandTable';

/** `intervals.showClosedTasks`: Show closed tasks too. Returns the filters now in force. */
export function showClosedTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.showClosedTasks',
    execute(): Promise<TaskFilterState> {
      return browser.setFilters({ showClosed: true });
    },
  };
}
