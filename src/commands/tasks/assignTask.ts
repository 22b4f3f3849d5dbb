import * as l10n from '@vscode/l10n';
import type { Task } from '../../api/types';
import type { SessionState } from '../../auth/accountSession';
import { runSteps, settle } from '../../prompts/asker';
import { personChoices } from '../../prompts/choices';
import { positiveId, taskIdFrom, taskLabel } from '../../tasks/taskReference';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { invalidArgument, load, type WriteResult } from '../writes';
import { taskToUpdate, updateTask, type TaskUpdateDependencies } from './taskUpdate';

const COMMAND = 'intervals.assignTask';

/** `intervals.assignTask`: who a task is assigned to, `PUT /task/{id}/`. `{ taskId, assigneeIds }` asks nothing. */
export function assignTaskCommand(deps: TaskUpdateDependencies & { readonly session: { readonly state: SessionState } }): Command {
  return {
    id: COMMAND,
    arguments: argumentKeys('intervals.assignTask'),
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to change a task.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      const options = argumentObject(arg) ?? {};
      if (options.assigneeIds !== undefined) {
        const taskId = taskIdFrom(arg);
        const given = Array.isArray(options.assigneeIds) ? options.assigneeIds.map(positiveId) : [undefined];
        if (taskId === undefined || !given.every((each): each is number => each !== undefined)) {
          return invalidArgument(l10n.t('Give a task id and a list of person ids.'));
        }
        return updateTask(deps, api, COMMAND, taskId, { assigneeIds: given });
      }
      const task = await taskToUpdate(deps, api, arg, l10n.t('Assign Task: Choose a Task'));
      if (!task) {
        return { status: 'cancelled' };
      }
      if (task.projectId === null) {
        return invalidArgument(l10n.t('This task has no project, so there is no one to assign it to.'));
      }
      const projectId = task.projectId;
      const people = await load(deps, l10n.t('Could not load the people on the project'), () => deps.lookups.projectPeople(projectId));
      if (!people) {
        return { status: 'cancelled' };
      }
      const state = deps.session.state;
      const items = personChoices(people, state.signedIn ? state.account.personId : undefined);
      let assigneeIds: number[] | undefined;
      const done = await runSteps(l10n.t('Assign {0}', taskLabel(task)), [
        async (position) =>
          settle(await deps.asker.pickMany({ ...position, placeholder: l10n.t('Assignees (clear all for none)'), items, selected: task.assigneeIds }), (value) => {
            assigneeIds = value;
          }),
      ]);
      if (!done || assigneeIds === undefined) {
        return { status: 'cancelled' };
      }
      return updateTask(deps, api, COMMAND, task.id, { assigneeIds });
    },
  };
}
