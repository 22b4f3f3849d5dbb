import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { Task, TaskInput } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { DataChanges } from '../../common/dataChanges';
import { escapeIcons } from '../../common/untrustedText';
import type { LookupCache } from '../../lookups/lookupCache';
import type { Asker } from '../../prompts/asker';
import { isTask, taskIdFrom, taskLabel } from '../../tasks/taskReference';
import { resolveTask } from '../args';
import { load, sendWrite, type WriteContext, type WriteResult } from '../writes';

/** What Set Task Status and Assign Task share. */
export interface TaskUpdateDependencies extends WriteContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly lookups: Pick<LookupCache, 'taskStatuses' | 'projectPeople'>;
  readonly changes: Pick<DataChanges, 'fire'>;
  readonly asker: Asker;
}

/** The task a command was run on: the tree node's, the id's (fetched), or one the user finds. */
export async function taskToUpdate(deps: TaskUpdateDependencies, api: IntervalsClient, arg: unknown, title: string): Promise<Task | undefined> {
  if (taskIdFrom(arg) === undefined) {
    return vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title });
  }
  return resolveTask(arg, isTask, { fetch: (taskId) => load(deps, l10n.t('Could not load the task'), () => api.getTask(taskId)) });
}

/**
 * Sends the change. Retry sends the same absolute values again (`{ taskId, statusId }` or
 * `{ taskId, assigneeIds }`), which is safe even when the failed attempt was applied.
 */
export async function updateTask(
  deps: TaskUpdateDependencies,
  api: IntervalsClient,
  command: string,
  taskId: number,
  patch: Pick<TaskInput, 'statusId'> | Pick<TaskInput, 'assigneeIds'>,
  /** The status bar message once the task is changed; by default "Updated #1036 Title". */
  done: (task: Task) => string = (task) => l10n.t('Updated {0}', taskLabel(task)),
): Promise<WriteResult<Task>> {
  const retry = { command, argument: { taskId, ...patch } };
  const result = await sendWrite(deps, l10n.t('Could not update the task'), () => api.updateTask(taskId, patch), retry);
  if (result.status === 'done') {
    const task = result.item;
    deps.log.info(`Updated task ${task.id}`);
    deps.changes.fire({ resource: 'task', id: task.id, projectId: task.projectId ?? undefined, item: task });
    vscode.window.setStatusBarMessage(escapeIcons(done(task)), 5000);
  }
  return result;
}
