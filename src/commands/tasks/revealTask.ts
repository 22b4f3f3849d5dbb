import * as l10n from '@vscode/l10n';
import { positiveId } from '../../tasks/taskReference';
import type { TaskReveal } from '../../views/tasks/taskReveal';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { taskOf, type TaskLookup } from './chosenTask';

/** `intervals.tasks.reveal` (internal): `{ taskId }` or `{ projectId }` shown and selected in the tree. */
export function revealTaskCommand(lookup: TaskLookup, reveal: Pick<TaskReveal, 'revealTask' | 'revealProject'>): Command {
  return {
    id: 'intervals.tasks.reveal',
    arguments: argumentKeys('intervals.tasks.reveal'),
    async execute(arg?: unknown): Promise<boolean> {
      const options = argumentObject(arg) ?? {};
      const taskId = positiveId(options.taskId);
      if (taskId !== undefined) {
        const task = await taskOf(lookup, taskId, l10n.t('Sign in to Intervals to show a task.'));
        return task ? reveal.revealTask(task) : false;
      }
      const projectId = positiveId(options.projectId);
      return projectId === undefined ? false : reveal.revealProject(projectId);
    },
  };
}
