import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import { taskLabel } from '../../tasks/taskReference';
import type { ActiveTimers } from '../../timer/activeTimers';

export interface TaskActionsDependencies {
  readonly activeTimers: Pick<ActiveTimers, 'isRunning'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
  /** Whether git features show (the Git extension on, a repository open): Start Work is offered then. */
  readonly gitAvailable?: () => boolean;
}

/** The menu of what can be done with a task, offered after Find Task or a client's task list. */
export class TaskActions {
  constructor(private readonly deps: TaskActionsDependencies) {}

  /**
   * Offers what can be done with a task and runs the chosen command; returns its id. `preset`
   * (one of the offered command ids) runs that action without asking.
   */
  async offer(task: Task, preset?: string): Promise<string | undefined> {
    const running = this.deps.activeTimers.isRunning(task.id);
    const actions: (vscode.QuickPickItem & { command: string; action: string })[] = [
      running
        ? { label: '$(debug-pause) Pause Timer', command: 'intervals.pauseTimer', action: 'pause the timer of' }
        : { label: '$(play) Start Timer', command: 'intervals.startTimer', action: 'start a timer on' },
      { label: '$(add) Log Time…', command: 'intervals.logTime', action: 'log time on' },
      ...(this.deps.gitAvailable?.() ? [{ label: '$(git-branch) Start Work on Task…', command: 'intervals.startWork', action: 'start work on' }] : []),
      { label: '$(link-external) Open in Browser', command: 'intervals.openTaskInBrowser', action: 'open' },
      { label: '$(link) Copy Link', command: 'intervals.copyTaskLink', action: 'copy the link of' },
      {
        label: '$(copy) Copy ID',
        command: 'intervals.copyTaskId',
        action: 'copy the ID of',
        description: task.localId !== null ? String(task.localId) : String(task.id),
      },
    ];
    const chosen =
      actions.find((action) => action.command === preset) ??
      (await vscode.window.showQuickPick(actions, { title: taskLabel(task), placeHolder: 'What do you want to do with this task?' }));
    if (!chosen) {
      return undefined;
    }
    try {
      await vscode.commands.executeCommand(chosen.command, { taskId: task.id });
    } catch (error) {
      void this.deps.errors.report(this.deps.log, `${chosen.action} ${taskLabel(task)}`, error);
    }
    return chosen.command;
  }
}
