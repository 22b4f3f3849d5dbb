import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import { escapeIcons } from '../../common/untrustedText';
import type { RecentTasks } from '../../tasks/recentTasks';
import { isTaskSummary, summarizeTask, taskIdFrom, type TaskSummary } from '../../tasks/taskReference';
import type { TimerChanges } from '../../timer/timerChanges';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentObject, resolveTask } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';

export interface StartTimerDependencies {
  readonly guard: Pick<AccountGuard, 'client'>;
  readonly timers: Pick<TimerService, 'entries' | 'start' | 'startGeneral'>;
  readonly changes: Pick<TimerChanges, 'fire'>;
  readonly recentTasks: Pick<RecentTasks, 'list' | 'remember'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/**
 * `intervals.startTimer`: a task (tree node, `Task`, `{ taskId }`) or, from the palette, Find
 * Task's picker (recent tasks first). Resumes the task's timer if it has one; pauses the running
 * one unless several may run. Returns the timer.
 */
export function startTimerCommand(deps: StartTimerDependencies): Command {
  return {
    id: 'intervals.startTimer',
    arguments: argumentKeys('intervals.startTimer'),
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const api = await deps.guard.client(l10n.t({ message: 'start a timer', comment: ['Completes the sentence: Sign in to Intervals to …'] }));
      if (!api) {
        return undefined;
      }
      const name = argumentObject(arg)?.name;
      if (typeof name === 'string') {
        return startGeneral(deps, name);
      }
      const task = await taskFor(deps, arg, (taskId) => api.getTask(taskId));
      if (!task) {
        return undefined;
      }
      const runningBefore = deps.timers.entries.filter((each) => isRunning(each.timer) && each.timer.taskId !== task.id).map((each) => each.key);
      const entry = await deps.timers.start(task);
      await deps.recentTasks.remember(task);
      deps.changes.fire(entry);
      const paused = deps.timers.entries.filter((each) => runningBefore.includes(each.key) && !isRunning(each.timer));
      if (paused.length > 0) {
        // Said, since the user asked only to start one.
        vscode.window.setStatusBarMessage(l10n.t('$(debug-pause) Paused {0}', paused.map((each) => escapeIcons(pausedName(each))).join(', ')), 5000);
      }
      return entry;
    },
  };
}

/** `{ name }` (checked and trimmed by the argument table): a general timer (no task) with that name. */
async function startGeneral(deps: StartTimerDependencies, name: string): Promise<TimerEntry | undefined> {
  const entry = await deps.timers.startGeneral(name);
  deps.changes.fire(entry);
  return entry;
}

/** The task the argument names: the one it carries, a timer's or a recent one, fetched last; else the user finds one. */
async function taskFor(deps: StartTimerDependencies, arg: unknown, fetch: (taskId: number) => Promise<Task>): Promise<TaskSummary | undefined> {
  if (taskIdFrom(arg) === undefined) {
    const picked = await vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: l10n.t('Start Timer') });
    return picked ? summarizeTask(picked) : undefined;
  }
  try {
    const task = await resolveTask<TaskSummary>(arg, isTaskSummary, {
      known: (taskId) => deps.timers.entries.find((entry) => entry.task?.id === taskId)?.task ?? deps.recentTasks.list().find((task) => task.id === taskId),
      fetch,
    });
    return task && summarizeTask(task);
  } catch (error) {
    await deps.errors.report(deps.log, l10n.t({ message: 'find the task for the timer', comment: ['Completes the sentence: Could not ….'] }), error);
    return undefined;
  }
}

/** `#1001`, the number the user knows the task by; the title when it has none. */
function pausedName(entry: TimerEntry): string {
  if (!entry.task) {
    return l10n.t('the general timer');
  }
  return entry.task.localId != null ? `#${entry.task.localId}` : entry.task.title;
}
