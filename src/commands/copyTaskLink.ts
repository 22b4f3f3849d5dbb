import { id } from './commandArguments';
import * as vscode from 'vscode';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { Command } from './commandTable';
import { taskLinkFor } from './taskLink';

/** `intervals.copyTaskLink`: puts the task's web address on the clipboard. Returns it. */
export function copyTaskLinkCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.copyTaskLink',
    arguments: { taskId: id },
    async execute(arg?: unknown): Promise<string | undefined> {
      const link = await taskLinkFor(browser, arg, 'Copy Task Link');
      if (link) {
        await vscode.env.clipboard.writeText(link);
        vscode.window.setStatusBarMessage(`Copied ${link}`, 3000);
      }
      return link;
    },
  };
}
