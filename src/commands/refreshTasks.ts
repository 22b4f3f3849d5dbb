import { positiveId } from '../tasks/taskReference';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import { projectNodeId } from '../views/tasks/projectNode';
import type { TaskTreeNode } from '../views/tasks/taskTreeNode';
import { argumentObject, type Command } from './commandTable';

/**
 * `intervals.refreshTasks`: from the view title, reloads the whole tree and the look-up lists;
 * on a client or project row (or `{ projectId }`), reloads just that branch.
 */
export function refreshTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.refreshTasks',
    execute(arg?: unknown): void {
      browser.refresh(nodeFrom(browser, arg));
    },
  };
}

/** `intervals.tasks.retry`: the Retry action of a branch that failed to load. */
export function retryTasksCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.tasks.retry',
    execute(arg?: unknown): void {
      browser.refresh(nodeFrom(browser, arg));
    },
  };
}

function nodeFrom(browser: TaskBrowser, arg: unknown): TaskTreeNode | undefined {
  const record = argumentObject(arg);
  if (!record) {
    return undefined;
  }
  if (typeof record.id === 'string' && typeof record.kind === 'string') {
    return browser.provider.node(record.id) ?? (record as unknown as TaskTreeNode);
  }
  const projectId = positiveId(record.projectId);
  return projectId === undefined ? undefined : browser.provider.node(projectNodeId(projectId));
}
