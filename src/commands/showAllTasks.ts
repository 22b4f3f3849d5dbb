import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { TaskFilterState } from '../views/tasks/taskTreeProvider';
import type { Command } from './commandTable';

/** `intervals.showAllTasks`: Every task, whoever it is assigned to. Returns the filters now in force. */
export function showAllTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.showAllTasks',
    execute(): Promise<TaskFilterState> {
      return browser.setFilters({ assignedToMe: false });
    },
  };
}
