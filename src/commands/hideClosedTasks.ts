import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { TaskFilterState } from '../views/tasks/taskTreeProvider';
import type { Command } from './commandTable';

/** `intervals.hideClosedTasks`: Hide closed tasks (the default). Returns the filters now in force. */
export function hideClosedTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.hideClosedTasks',
    execute(): Promise<TaskFilterState> {
      return browser.setFilters({ showClosed: false });
    },
  };
}
