import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { Asker } from '../../prompts/asker';
import { escapeIcons } from '../../common/untrustedText';
import type { RecentTasks } from '../../tasks/recentTasks';
import { isTaskSummary, summarizeTask, taskIdFrom, type TaskSummary } from '../../tasks/taskReference';
import type { TimerChanges } from '../../timer/timerChanges';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentObject, resolveTask } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import type { GeneralTimerChosen } from '../tasks/findTask';

export interface StartTimerDependencies {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly timers: Pick<TimerService, 'entries' | 'start' | 'startGeneral'>;
  readonly changes: Pick<TimerChanges, 'fire'>;
  readonly recentTasks: Pick<RecentTasks, 'list' | 'remember'>;
  /** Asks the general timer's name. */
  readonly asker: Pick<Asker, 'input'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/**
 * `intervals.startTimer`: a task (tree node, `Task`, `{ taskId }`), `{ name }` for a general timer
 * or, from the palette, Find Task's picker (recent tasks first, "General timer…" last). Resumes the task's timer if it has one; pauses the running
 * one unless several may run. Returns the timer.
 */
export function startTimerCommand(deps: StartTimerDependencies): Command {
  return {
    id: 'intervals.startTimer',
    arguments: argumentKeys('intervals.startTimer'),
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to start a timer.'));
      if (!api) {
        return undefined;
      }
      const name = argumentObject(arg)?.name;
      if (typeof name === 'string') {
        return startGeneral(deps, name);
      }
      const task = await taskFor(deps, arg, (taskId) => api.getTask(taskId));
      if (task === 'general') {
        const asked = await askName(deps);
        return asked === undefined ? undefined : startGeneral(deps, asked);
      }
      if (!task) {
        return undefined;
      }
      const runningBefore = runningKeys(deps.timers.entries);
      const entry = await deps.timers.start(task);
      await deps.recentTasks.remember(task);
      deps.changes.fire(entry);
      announcePaused(runningBefore, deps.timers.entries, entry);
      return entry;
    },
  };
}

/** `{ name }` (checked and trimmed by the argument table): a general timer (no task) with that name. */
async function startGeneral(deps: StartTimerDependencies, name: string): Promise<TimerEntry | undefined> {
  const runningBefore = runningKeys(deps.timers.entries);
  const entry = await deps.timers.startGeneral(name);
  deps.changes.fire(entry);
  announcePaused(runningBefore, deps.timers.entries, entry);
  return entry;
}

/** The task the argument names: the one it carries, a timer's or a recent one, fetched last; else the user finds one. */
async function taskFor(deps: StartTimerDependencies, arg: unknown, fetch: (taskId: number) => Promise<Task>): Promise<TaskSummary | 'general' | undefined> {
  if (taskIdFrom(arg) === undefined) {
    const picked = await vscode.commands.executeCommand<Task | GeneralTimerChosen | undefined>('intervals.findTask', { pick: true, generalTimer: true, title: l10n.t('Start Timer') });
    return picked && 'generalTimer' in picked ? 'general' : picked ? summarizeTask(picked) : undefined;
  }
  try {
    const task = await resolveTask<TaskSummary>(arg, isTaskSummary, {
      known: (taskId) => deps.timers.entries.find((entry) => entry.task?.id === taskId)?.task ?? deps.recentTasks.list().find((task) => task.id === taskId),
      fetch,
    });
    return task && summarizeTask(task);
  } catch (error) {
    await deps.errors.reportFailure(deps.log, l10n.t('Could not find the task for the timer'), error);
    return undefined;
  }
}

/** The keys of the timers running now, to tell afterwards which of them a start paused. */
export function runningKeys(entries: readonly TimerEntry[]): string[] {
  return entries.filter((each) => isRunning(each.timer)).map((each) => each.key);
}

/** Says which of the timers that ran before were paused by starting or resuming `started`. */
export function announcePaused(runningBefore: readonly string[], entries: readonly TimerEntry[], started: TimerEntry | undefined): void {
  const paused = entries.filter((each) => runningBefore.includes(each.key) && each.key !== started?.key && !isRunning(each.timer));
  if (paused.length > 0) {
    // Said, since the user asked only to start one.
    vscode.window.setStatusBarMessage(l10n.t('$(debug-pause) Paused {0}', paused.map((each) => escapeIcons(pausedName(each))).join(', ')), 5000);
  }
}

/** The general timer's name, asked after "General timer…"; a blank name is refused where it is typed. */
async function askName(deps: StartTimerDependencies): Promise<string | undefined> {
  const answer = await deps.asker.input({
    title: l10n.t('Start General Timer'),
    step: 1,
    totalSteps: 1,
    prompt: l10n.t('Name of the general timer, for example Client call (the project can be chosen when you stop it)'),
    placeholder: l10n.t('Timer name'),
    value: '',
    validate: (value) => (value.trim() === '' ? l10n.t('Type a name for the timer.') : value.trim().length > 255 ? l10n.t('A timer name holds at most 255 characters.') : undefined),
  });
  return typeof answer === 'string' && answer.trim() !== '' ? answer.trim() : undefined;
}

/** `#1001`, the number the user knows the task by; the title when it has none. */
function pausedName(entry: TimerEntry): string {
  if (!entry.task) {
    return l10n.t('the general timer');
  }
  return entry.task.localId != null ? `#${entry.task.localId}` : entry.task.title;
}
