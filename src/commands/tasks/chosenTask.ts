import * as l10n from '@vscode/l10n';
import type { Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { TaskCatalog } from '../../tasks/taskCatalog';
import { isTask, taskIdFrom } from '../../tasks/taskReference';
import type { TaskFinder } from '../../views/tasks/taskFinder';
import type { TaskPickerOptions } from '../../views/tasks/taskPicker';
import { resolveTask } from '../args';

/** Where the task commands find the task they act on. */
export interface TaskLookup {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly finder: Pick<TaskFinder, 'askForTask'>;
  readonly catalog: Pick<TaskCatalog, 'knownTask'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/**
 * The task an argument names (a tree node, `{ taskId }`, an id): the task the node holds, one
 * the tree loaded, fetched last (offering to sign in first with `askToSignIn`, the whole sentence; a
 * failure is told).
 */
export async function taskOf(lookup: TaskLookup, arg: unknown, askToSignIn: string): Promise<Task | undefined> {
  try {
    return await resolveTask(arg, isTask, {
      known: (taskId) => lookup.catalog.knownTask(taskId),
      fetch: async (taskId) => (await lookup.guard.clientAsking(askToSignIn))?.getTask(taskId),
    });
  } catch (error) {
    void lookup.errors.reportFailure(lookup.log, l10n.t('Could not find task {0}', String(taskIdFrom(arg))), error);
    return undefined;
  }
}

/** Find Task's picker (recent tasks first, then every open task), after the offer to sign in when signed out. */
export async function askForTask(lookup: TaskLookup, title: string, value?: string): Promise<Task | undefined> {
  const picked = await askForTaskOrExtra(lookup, title, value);
  return picked === 'extra' ? undefined : picked;
}

/** The same picker with one more row after the tasks (`extra`); `'extra'` when that row is chosen. */
export async function askForTaskOrExtra(lookup: TaskLookup, title: string, value?: string, extra?: TaskPickerOptions['extra']): Promise<Task | 'extra' | undefined> {
  if (!(await lookup.guard.clientAsking(l10n.t('Sign in to Intervals to find a task.')))) {
    return undefined;
  }
  const picked = await lookup.finder.askForTask(title, value, extra);
  if (!picked) {
    return undefined;
  }
  if ('extra' in picked) {
    return 'extra';
  }
  return 'task' in picked ? picked.task : taskOf(lookup, picked.summary.id, l10n.t('Sign in to Intervals to find a task.'));
}
