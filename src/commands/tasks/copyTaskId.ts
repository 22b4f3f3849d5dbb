import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { askForTask, taskOf, type TaskLookup } from './chosenTask';

/**
 * `intervals.copyTaskId`: puts the task's number on the clipboard: the `#1002` people see in
 * Intervals (its local id), or the API id of a task without one. Returns the copied text.
 */
export function copyTaskIdCommand(lookup: TaskLookup): Command {
  return {
    id: 'intervals.copyTaskId',
    arguments: argumentKeys('intervals.copyTaskId'),
    async execute(arg?: unknown): Promise<string | undefined> {
      const task = arg === undefined ? await askForTask(lookup, l10n.t('Copy Task ID')) : await taskOf(lookup, arg, l10n.t('Sign in to Intervals to copy a task id.'));
      if (!task) {
        return undefined;
      }
      const text = String(task.localId ?? task.id);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(l10n.t('Copied task ID {0}', text), 3000);
      return text;
    },
  };
}
