import { copyTaskIdCommand } from '../../commands/copyTaskId';
import { copyTaskLinkCommand } from '../../commands/copyTaskLink';
import { findTaskCommand } from '../../commands/findTask';
import { hideClosedTasksCommand } from '../../commands/hideClosedTasks';
import { loadMoreTasksCommand } from '../../commands/loadMoreTasks';
import { openTaskInBrowserCommand } from '../../commands/openTaskInBrowser';
import { refreshTasksCommand, retryTasksCommand } from '../../commands/refreshTasks';
import { registerCommands } from '../../commands/commandTable';
import { revealTaskCommand } from '../../commands/revealTask';
import { showAllTasksCommand } from '../../commands/showAllTasks';
import { showClientTasksCommand } from '../../commands/showClientTasks';
import { showClosedTasksCommand } from '../../commands/showClosedTasks';
import { showMyTasksCommand } from '../../commands/showMyTasks';
import type { Services } from '../../services';
import { TaskBrowser } from './taskBrowser';

/** The task browser: its view, its commands, and the listeners that keep it current. */
export function registerTaskBrowser(services: Services): TaskBrowser {
  const browser = new TaskBrowser({
    session: services.session,
    settings: services.settings,
    contextKeys: services.contextKeys,
    lookups: services.lookups,
    recentTasks: services.recentTasks,
    changes: services.changes,
    activeTimers: services.activeTimers,
    globalState: services.context.globalState,
    log: services.log.child('tasks'),
  });
  browser.adopt(
    registerCommands([
      refreshTasksCommand(browser),
      retryTasksCommand(browser),
      findTaskCommand(browser),
      showClosedTasksCommand(browser),
      hideClosedTasksCommand(browser),
      showMyTasksCommand(browser),
      showAllTasksCommand(browser),
      openTaskInBrowserCommand(browser),
      copyTaskLinkCommand(browser),
      copyTaskIdCommand(browser),
      showClientTasksCommand(browser),
      revealTaskCommand(browser),
      loadMoreTasksCommand(browser),
    ]),
  );
  return browser;
}
