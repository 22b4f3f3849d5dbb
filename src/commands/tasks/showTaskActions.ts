import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TaskTreeNode } from '../../views/tasks/nodes/taskTreeNode';
import type { TaskActions } from '../../views/tasks/taskActions';
import type { TaskTree } from '../../views/tasks/taskTree';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { taskOf, type TaskLookup } from './chosenTask';

/**
 * `intervals.tasks.showActions` (Enter on a task row): what can be done with the task, as in its
 * context menu. Takes a task row or `{ taskId }`; without one, the task selected in the Tasks view.
 * Returns the command chosen.
 */
export function showTaskActionsCommand(lookup: TaskLookup, tree: Pick<TaskTree, 'view'>, actions: Pick<TaskActions, 'offer'>): Command {
  return {
    id: 'intervals.tasks.showActions',
    arguments: argumentKeys('intervals.tasks.showActions'),
    async execute(arg?: unknown): Promise<string | undefined> {
      if (arg === undefined && tree.view.visible) {
        // The keys move the focus, not the selection: Enter means the row that has the focus.
        await vscode.commands.executeCommand('list.select');
      }
      const selected: TaskTreeNode | undefined = tree.view.selection[0];
      const target = arg ?? (selected?.kind === 'task' ? selected : undefined);
      if (target === undefined) {
        return undefined;
      }
      const task = await taskOf(lookup, target, l10n.t('Sign in to Intervals to show what can be done with a task.'));
      return task ? actions.offer(task) : undefined;
    },
  };
}
