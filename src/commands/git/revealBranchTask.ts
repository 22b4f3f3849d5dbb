import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { GitWork } from '../../gitExtension/index';
import type { CurrentBranchTask } from '../../git/currentBranchTask';
import type { Command } from '../command';

/** `intervals.revealBranchTask`: shows the task the current branch names in the Tasks view. */
export function revealBranchTaskCommand(git: () => Promise<GitWork>, current: Pick<CurrentBranchTask, 'value'>): Command {
  return {
    id: 'intervals.revealBranchTask',
    async execute(): Promise<boolean> {
      await (await git()).branches.refreshCurrent();
      const task = current.value;
      if (!task) {
        vscode.window.setStatusBarMessage(l10n.t('$(git-branch) The current branch names no task'), 5000);
        return false;
      }
      return (await vscode.commands.executeCommand<boolean>('intervals.tasks.reveal', { taskId: task.taskId })) === true;
    },
  };
}
