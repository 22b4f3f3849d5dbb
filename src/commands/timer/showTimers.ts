import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Choice } from '../../prompts/asker';
import { taskLabel, type TaskSummary } from '../../tasks/taskReference';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry } from '../../timer/timerService';
import { argumentObject } from '../args';
import type { Command } from '../command';
import { runningFirst, timerChoice, timerLabel, type TimerAsker, type Timers } from './chooseTimer';

export interface TimerListing {
  key: string;
  timerId: number | undefined;
  taskId: number | undefined;
  label: string;
  running: boolean;
  elapsedSeconds: number;
  unsynced: boolean;
}

const START = 'start';
/** How many of the recent tasks "Switch to…" offers after the pinned ones. */
const RECENT_SWITCHES = 5;

/** The tasks the timer menu offers to switch to: the pinned ones, then the most recent. */
export interface SwitchTargets {
  readonly pinned: () => readonly TaskSummary[];
  readonly recent: () => readonly TaskSummary[];
}

interface SwitchTo {
  readonly switchTo: TaskSummary;
}

type Picked = TimerEntry | typeof START | SwitchTo;

/**
 * `intervals.showTimers` (the status bar item's click): every timer with its state and time, the
 * running one first and preselected, then what to do with the chosen one. With an argument object
 * it shows nothing and returns the timers.
 */
export function showTimersCommand(timers: Timers, asker: TimerAsker, targets?: SwitchTargets): Command {
  return {
    id: 'intervals.showTimers',
    async execute(arg?: unknown): Promise<TimerListing[] | undefined> {
      const listing = (): TimerListing[] =>
        timers.entries.map((entry) => ({
          key: entry.key,
          timerId: entry.timer.id,
          taskId: entry.timer.taskId,
          label: timerLabel(entry),
          running: isRunning(entry.timer),
          elapsedSeconds: timers.elapsed(entry),
          unsynced: entry.unsynced,
        }));
      if (argumentObject(arg)) {
        return listing();
      }
      const now = timers.now();
      const ordered = runningFirst(timers.entries);
      const items: Choice<Picked>[] = ordered.map((entry) => timerChoice<Picked>(entry, timers.elapsed(entry, now), entry));
      items.push({ icon: 'play', label: l10n.t('Start Timer…'), value: START }, ...switchChoices(ordered, targets));
      const running = ordered.find((entry) => isRunning(entry.timer));
      const picked = await asker.pick({
        title: l10n.t('Timers'),
        step: 1,
        totalSteps: 1,
        placeholder: ordered.length > 0 ? l10n.t('Choose a timer') : l10n.t('No timers yet'),
        items,
        ...(running ? { active: running } : {}),
      });
      if (picked === START) {
        await vscode.commands.executeCommand('intervals.startTimer');
        return listing();
      }
      if (typeof picked !== 'object') {
        return undefined;
      }
      if ('switchTo' in picked) {
        await switchTo(picked.switchTo, timers);
        return listing();
      }
      await act(picked, asker);
      return listing();
    },
  };
}

/** What to do with the chosen timer: each runs the command on it, which asks nothing more about which. */
async function act(entry: TimerEntry, asker: TimerAsker): Promise<void> {
  const target = entry.timer.id !== undefined ? { timerId: entry.timer.id } : { taskId: entry.timer.taskId };
  const actions: Choice<string>[] = [
    isRunning(entry.timer)
      ? { icon: 'debug-pause', label: l10n.t({ message: 'Pause', comment: ['Action: pauses the timer'] }), value: 'intervals.pauseTimer' }
      : { icon: 'play', label: l10n.t({ message: 'Resume', comment: ['Action: resumes the timer'] }), value: 'intervals.resumeTimer' },
    { icon: 'check', label: l10n.t('Stop and Log Time…'), value: 'intervals.stopTimer' },
    { icon: 'edit', label: l10n.t({ message: 'Adjust…', comment: ['Action: adjusts the timer'] }), value: 'intervals.adjustTimer' },
    { icon: 'trash', label: l10n.t({ message: 'Discard…', comment: ['Action: discards the timer'] }), value: 'intervals.discardTimer' },
  ];
  const action = await asker.pick({ title: timerLabel(entry), step: 1, totalSteps: 1, placeholder: l10n.t('What to do with this timer'), items: actions });
  if (typeof action === 'string') {
    await vscode.commands.executeCommand(action, target);
  }
}

/**
 * "Switch to" the pinned tasks and the five most recent others, each once, leaving out the task
 * whose timer runs already.
 */
function switchChoices(entries: readonly TimerEntry[], targets: SwitchTargets | undefined): Choice<Picked>[] {
  if (!targets) {
    return [];
  }
  const runningTasks = new Set(entries.filter((entry) => isRunning(entry.timer)).map((entry) => entry.timer.taskId));
  const seen = new Set<number>();
  const choice = (task: TaskSummary, pinned: boolean): Choice<Picked>[] => {
    if (seen.has(task.id) || runningTasks.has(task.id)) {
      return [];
    }
    seen.add(task.id);
    const where = [task.project, task.client].filter((part) => !!part && part.trim() !== '').join(' · ');
    return [{ icon: pinned ? 'pinned' : 'history', label: l10n.t('Switch to {0}', taskLabel(task)), description: pinned ? l10n.t('pinned') : l10n.t('recent'), detail: where || undefined, value: { switchTo: task } }];
  };
  const pinned = targets.pinned().flatMap((task) => choice(task, true));
  return [...pinned, ...targets.recent().flatMap((task) => choice(task, false)).slice(0, RECENT_SWITCHES)];
}

/** One click: the task's timer starts (or resumes) and every other running timer pauses. */
async function switchTo(task: TaskSummary, timers: Pick<Timers, 'entries'>): Promise<void> {
  const started = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId: task.id });
  if (!started) {
    return;
  }
  for (const entry of [...timers.entries]) {
    // Several timers may run (a setting): a switch still leaves only the chosen one running.
    if (isRunning(entry.timer) && entry.timer.taskId !== task.id && entry.key !== started.key) {
      await vscode.commands.executeCommand('intervals.pauseTimer', entry.timer.id !== undefined ? { timerId: entry.timer.id } : { taskId: entry.timer.taskId });
    }
  }
}
