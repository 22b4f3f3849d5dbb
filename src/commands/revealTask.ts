import { id } from './commandArguments';
import { positiveId } from '../tasks/taskReference';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import { argumentObject, type Command } from './commandTable';

/** `intervals.tasks.reveal` (internal): `{ taskId }` or `{ projectId }` shown and selected in the tree. */
export function revealTaskCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.tasks.reveal',
    arguments: { taskId: id, projectId: id },
    async execute(arg?: unknown): Promise<boolean> {
      const options = argumentObject(arg) ?? {};
      const taskId = positiveId(options.taskId);
      if (taskId !== undefined) {
        const task = await browser.taskFrom(taskId, 'show a task');
        return task ? browser.revealTask(task) : false;
      }
      const projectId = positiveId(options.projectId);
      return projectId === undefined ? false : browser.revealProject(projectId);
    },
  };
}
