import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import { escapeIcons } from '../../common/untrustedText';
import { taskLabel } from '../../tasks/taskReference';
import type { ActiveTimers } from '../../timer/activeTimers';

export interface TaskActionsDependencies {
  readonly activeTimers: Pick<ActiveTimers, 'isRunning'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
  /** Whether git features show (the Git extension on, a repository open): Start Work is offered then. */
  readonly gitAvailable?: () => boolean;
  /** Whether the task is pinned: its list offers Unpin instead of Pin. */
  readonly isPinned?: (taskId: number) => boolean;
}

/** One action on a task: the label is the command's title, as the task's context menu shows it. */
export interface TaskAction extends vscode.QuickPickItem {
  readonly command: string;
  /** For an error: the sentence "Could not <action> <task>" for the task's label. */
  readonly failure: (task: string) => string;
}

/** The menu of what can be done with a task, offered after Find Task, a client's task list, or Enter on a task row. */
export class TaskActions {
  constructor(private readonly deps: TaskActionsDependencies) {}

  /** The task's context menu, in its order and with its words (and the commands' icons). */
  actionsFor(task: Task): TaskAction[] {
    const running = this.deps.activeTimers.isRunning(task.id);
    const separator = (label: string): TaskAction => ({ label, kind: vscode.QuickPickItemKind.Separator, command: '', failure: () => '' });
    const startWork: TaskAction = {
      label: `$(git-branch) ${l10n.t('Start Work on Task…')}`,
      command: 'intervals.startWork',
      failure: (label) => l10n.t('Could not start work on {0}', label),
    };
    return [
      running
        ? { label: `$(debug-pause) ${l10n.t('Pause Timer')}`, command: 'intervals.pauseTimer', failure: (label) => l10n.t('Could not pause the timer of {0}', label) }
        : { label: `$(play) ${l10n.t('Start Timer')}`, command: 'intervals.startTimer', failure: (label) => l10n.t('Could not start a timer on {0}', label) },
      { label: `$(add) ${l10n.t('Log Time…')}`, command: 'intervals.logTime', failure: (label) => l10n.t('Could not log time on {0}', label) },
      ...(this.deps.gitAvailable?.() ? [startWork] : []),
      separator(''),
      {
        label: `$(tag) ${l10n.t('Set Task Status…')}`,
        command: 'intervals.setTaskStatus',
        failure: (label) => l10n.t('Could not set the status of {0}', label),
        description: task.status ? escapeIcons(task.status) : undefined,
      },
      { label: `$(person-add) ${l10n.t('Assign Task…')}`, command: 'intervals.assignTask', failure: (label) => l10n.t('Could not assign {0}', label) },
      { label: `$(note) ${l10n.t('Add Note to Task…')}`, command: 'intervals.addTaskNote', failure: (label) => l10n.t('Could not add a note to {0}', label) },
      separator(''),
      { label: `$(link-external) ${l10n.t('Open Task in Browser')}`, command: 'intervals.openTaskInBrowser', failure: (label) => l10n.t('Could not open {0}', label) },
      { label: `$(link) ${l10n.t('Copy Task Link')}`, command: 'intervals.copyTaskLink', failure: (label) => l10n.t('Could not copy the link of {0}', label) },
      {
        label: `$(copy) ${l10n.t('Copy Task ID')}`,
        command: 'intervals.copyTaskId',
        failure: (label) => l10n.t('Could not copy the ID of {0}', label),
        description: task.localId !== null ? String(task.localId) : String(task.id),
      },
      separator(''),
      this.deps.isPinned?.(task.id)
        ? { label: `$(pinned) ${l10n.t('Unpin Task')}`, command: 'intervals.unpinTask', failure: (label) => l10n.t('Could not unpin {0}', label) }
        : { label: `$(pin) ${l10n.t('Pin Task')}`, command: 'intervals.pinTask', failure: (label) => l10n.t('Could not pin {0}', label) },
    ];
  }

  /**
   * Offers what can be done with a task and runs the chosen command; returns its id. `preset`
   * (one of the offered command ids) runs that action without asking.
   */
  async offer(task: Task, preset?: string): Promise<string | undefined> {
    const actions = this.actionsFor(task);
    const chosen =
      actions.find((action) => action.command !== '' && action.command === preset) ??
      (await vscode.window.showQuickPick(actions, { title: taskLabel(task), placeHolder: l10n.t('What do you want to do with this task?') }));
    if (!chosen) {
      return undefined;
    }
    try {
      await vscode.commands.executeCommand(chosen.command, { taskId: task.id });
    } catch (error) {
      void this.deps.errors.reportFailure(this.deps.log, chosen.failure(taskLabel(task)), error);
    }
    return chosen.command;
  }
}
