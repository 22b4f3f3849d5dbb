import * as vscode from 'vscode';
import { TASKS_VIEW_ID } from '../../views/tasks/taskTree';
import type { Command } from '../command';

/**
 * `intervals.tasks.collapseAll`: the Tasks view's Collapse All. Ours, not the one VS Code adds to
 * a tree view, so that its `when` can hide it while signed out, when the view shows only the welcome.
 */
export function collapseTasksCommand(): Command {
  return {
    id: 'intervals.tasks.collapseAll',
    execute(): Thenable<unknown> {
      return vscode.commands.executeCommand(`workbench.actions.treeView.${TASKS_VIEW_ID}.collapseAll`);
    },
  };
}
