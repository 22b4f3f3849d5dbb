import { id } from './commandArguments';
import * as vscode from 'vscode';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import type { Command } from './commandTable';
import { taskLinkFor } from './taskLink';

/** `intervals.openTaskInBrowser`: opens the task's page of the Intervals web app. Returns the address. */
export function openTaskInBrowserCommand(browser: TaskBrowser): Command {
  return {
    id: 'intervals.openTaskInBrowser',
    arguments: { taskId: id },
    async execute(arg?: unknown): Promise<string | undefined> {
      const link = await taskLinkFor(browser, arg, 'Open Task in Browser');
      if (link) {
        await vscode.env.openExternal(vscode.Uri.parse(link));
      }
      return link;
    },
  };
}
