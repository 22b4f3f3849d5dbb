import * as l10n from '@vscode/l10n';
import type { Task } from '../../api/types';
import { runSteps, settle } from '../../prompts/asker';
import { defaultStatus } from '../../tasks/taskDefaults';
import { positiveId, taskIdFrom, taskLabel } from '../../tasks/taskReference';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { invalidArgument, load, type WriteResult } from '../writes';
import { taskToUpdate, updateTask, type TaskUpdateDependencies } from './taskUpdate';

const COMMAND = 'intervals.setTaskStatus';

/** `intervals.setTaskStatus`: a task's workflow status, `PUT /task/{id}/`. `{ taskId, statusId }` asks nothing. */
export function setTaskStatusCommand(deps: TaskUpdateDependencies): Command {
  return {
    id: COMMAND,
    arguments: argumentKeys('intervals.setTaskStatus'),
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to change a task.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      const options = argumentObject(arg) ?? {};
      if (options.statusId !== undefined) {
        const taskId = taskIdFrom(arg);
        const statusId = positiveId(options.statusId);
        if (taskId === undefined || statusId === undefined) {
          return invalidArgument(l10n.t('Give a task id and a status id.'));
        }
        return updateTask(deps, api, COMMAND, taskId, { statusId }, statusSet);
      }
      const task = await taskToUpdate(deps, api, arg, l10n.t('Set Task Status: Choose a Task'));
      if (!task) {
        return { status: 'cancelled' };
      }
      const statuses = await load(deps, l10n.t('Could not load task statuses'), () => deps.lookups.taskStatuses());
      if (!statuses) {
        return { status: 'cancelled' };
      }
      let statusId: number | undefined;
      const items = [...statuses]
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ label: s.name, description: s.id === task.statusId ? l10n.t({ message: 'current', comment: ['Beside the status a task has now'] }) : undefined, value: s.id }));
      const done = await runSteps(l10n.t('Set Status of {0}', taskLabel(task)), [
        async (position) =>
          settle(await deps.asker.pick({ ...position, placeholder: l10n.t('New status'), items, active: task.statusId ?? defaultStatus(statuses)?.id }), (value) => {
            statusId = value;
          }),
      ]);
      if (!done || statusId === undefined) {
        return { status: 'cancelled' };
      }
      return updateTask(deps, api, COMMAND, task.id, { statusId }, statusSet);
    },
  };
}

/** "Status of #1036 set to In Progress": what changed, in the words of the menu that changed it. */
export function statusSet(task: Task): string {
  if (task.localId === null) {
    return task.status ? l10n.t('Status of “{0}” set to {1}', task.title, task.status) : l10n.t('Status of “{0}” changed', task.title);
  }
  return task.status ? l10n.t('Status of #{0} set to {1}', task.localId, task.status) : l10n.t('Status of #{0} changed', task.localId);
}
