import * as vscode from 'vscode';
import { taskLabel } from '../tasks/taskReference';
import { taskWebUrl } from '../tasks/taskUrl';
import type { TaskBrowser } from '../views/tasks/taskBrowser';
import { defuseLinks } from '../common/untrustedText';

/** The web address of the task an argument names (asking for the task from the palette). */
export async function taskLinkFor(browser: TaskBrowser, arg: unknown, title: string): Promise<string | undefined> {
  const task = arg === undefined ? await browser.askForTask(title) : await browser.taskFrom(arg, 'open a task');
  if (!task) {
    return undefined;
  }
  const webUrl = await browser.webUrl();
  if (!webUrl) {
    return undefined;
  }
  const link = taskWebUrl(webUrl, task);
  if (!link) {
    void vscode.window.showWarningMessage(defuseLinks(`${taskLabel(task)} has no task number in Intervals, so it has no web address.`));
  }
  return link;
}
