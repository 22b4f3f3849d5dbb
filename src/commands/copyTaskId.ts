import { id } from './commandArguments';
import * as vscode from 'vscode';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { Command } from './commandTable';

/**
 * `intervals.copyTaskId`: puts the task's number on the clipboard: the `#1002` people see in
 * Intervals (its local id), or the API id of a task without one. Returns the copied text.
 */
export function copyTaskIdCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.copyTaskId',
    arguments: { taskId: id },
    async execute(arg?: unknown): Promise<string | undefined> {
      const task = arg === undefined ? await browser.askForTask('Copy Task ID') : await browser.taskFrom(arg, 'copy a task id');
      if (!task) {
        return undefined;
      }
      const text = String(task.localId ?? task.id);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied task ID ${text}`, 3000);
      return text;
    },
  };
}
