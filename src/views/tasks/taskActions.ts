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
}

/** One action on a task: the label is the command's title, as the task's context menu shows it. */
export interface TaskAction extends vscode.QuickPickItem {
  readonly command: string;
  /** For an error: "Could not <action> <task>". */
  readonly action: string;
}

/** The menu of what can be done with a task, offered after Find Task, a client's task list, or Enter on a task row. */
export class TaskActions {
  constructor(private readonly deps: TaskActionsDependencies) {}

  /** The task's context menu, in its order and with its words (and the commands' icons). */
  actionsFor(task: Task): TaskAction[] {
    const running = this.deps.activeTimers.isRunning(task.id);
    const separator = (label: string): TaskAction => ({ label, kind: vscode.QuickPickItemKind.Separator, command: '', action: '' });
    return [
      running
        ? { label: '$(debug-pause) Pause Timer', command: 'intervals.pauseTimer', action: 'pause the timer of' }
        : { label: '$(play) Start Timer', command: 'intervals.startTimer', action: 'start a timer on' },
      { label: '$(add) Log Time…', command: 'intervals.logTime', action: 'log time on' },
      ...(this.deps.gitAvailable?.() ? [{ label: '$(git-branch) Start Work on Task…', command: 'intervals.startWork', action: 'start work on' }] : []),
      separator(''),
      { label: '$(tag) Set Task Status…', command: 'intervals.setTaskStatus', action: 'set the status of', description: task.status ? escapeIcons(task.status) : undefined },
      { label: '$(person-add) Assign Task…', command: 'intervals.assignTask', action: 'assign' },
      separator(''),
      { label: '$(link-external) Open Task in Browser', command: 'intervals.openTaskInBrowser', action: 'open' },
      { label: '$(link) Copy Task Link', command: 'intervals.copyTaskLink', action: 'copy the link of' },
      {
        label: '$(copy) Copy Task ID',
        command: 'intervals.copyTaskId',
        action: 'copy the ID of',
        description: task.localId !== null ? String(task.localId) : String(task.id),
      },
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
