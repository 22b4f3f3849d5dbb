import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import type { WebAddressPrompt } from '../../prompts/webAddress';
import { taskLabel } from '../../tasks/taskReference';
import { taskWebUrl } from '../../tasks/taskUrl';
import { askForTask, taskOf, type TaskLookup } from './chosenTask';

/** The web address of the task an argument names (asking for the task from the palette). */
export async function taskLinkFor(lookup: TaskLookup, webAddress: Pick<WebAddressPrompt, 'webUrl'>, arg: unknown, title: string): Promise<string | undefined> {
  const task = arg === undefined ? await askForTask(lookup, title) : await taskOf(lookup, arg, l10n.t('Sign in to Intervals to open a task.'));
  if (!task) {
    return undefined;
  }
  const webUrl = await webAddress.webUrl();
  if (!webUrl) {
    return undefined;
  }
  const link = taskWebUrl(webUrl, task);
  if (!link) {
    void vscode.window.showWarningMessage(defuseLinks(l10n.t('{0} has no task number in Intervals, so it has no web address.', taskLabel(task))));
  }
  return link;
}
