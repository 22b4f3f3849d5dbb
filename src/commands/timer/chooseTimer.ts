import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Asker, Choice } from '../../prompts/asker';
import { escapeIcons } from '../../common/untrustedText';
import { taskLabel } from '../../tasks/taskReference';
import { formatHoursMinutes } from '../../time/duration';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentObject, timerTargetFrom } from '../args';

/** What the timer commands need of the timers. */
export type Timers = Pick<TimerService, 'entries' | 'find' | 'now' | 'elapsed'>;

/** Where the timer commands ask which timer. */
export type TimerAsker = Pick<Asker, 'pick'>;

export function timerLabel(entry: TimerEntry): string {
  if (entry.task) {
    return taskLabel(entry.task);
  }
  return entry.timer.name ? l10n.t('General timer: {0}', escapeIcons(entry.timer.name.replace(/\s+/g, ' ').trim())) : l10n.t('General timer');
}

/** The running timers first, each group in the order Intervals lists them. */
export function runningFirst(entries: readonly TimerEntry[]): TimerEntry[] {
  return [...entries.filter((entry) => isRunning(entry.timer)), ...entries.filter((entry) => !isRunning(entry.timer))];
}

/** A timer as a row of a pick: its state icon, task, state and time, project and client. */
export function timerChoice<T>(entry: TimerEntry, elapsedSeconds: number, value: T): Choice<T> {
  const running = isRunning(entry.timer);
  return {
    icon: running ? 'clock' : 'debug-pause',
    label: timerLabel(entry),
    description: timerState(running, formatHoursMinutes(elapsedSeconds), entry.unsynced),
    ...(entry.task?.project || entry.task?.client ? { detail: [entry.task.project, entry.task.client].filter(Boolean).join(' · ') } : {}),
    value,
  };
}

/** "Running · 1:20", and whether the timer is not on Intervals yet. */
function timerState(running: boolean, time: string, unsynced: boolean): string {
  if (running) {
    return unsynced ? l10n.t('Running · {0} · not yet saved', time) : l10n.t('Running · {0}', time);
  }
  return unsynced ? l10n.t('Paused · {0} · not yet saved', time) : l10n.t('Paused · {0}', time);
}

/**
 * The timer a command acts on: the one its argument names, else the only candidate, else the
 * user picks among the candidates, the running one first and preselected. An argument object
 * that names none takes the running candidate and never asks. Undefined when there is none (said
 * in the status bar).
 */
export async function chooseTimer(
  timers: Timers,
  asker: TimerAsker,
  arg: unknown,
  title: string,
  candidate: (entry: TimerEntry) => boolean = () => true,
): Promise<TimerEntry | undefined> {
  const target = timerTargetFrom(arg);
  if (target !== undefined) {
    const named = timers.find(target);
    if (!named) {
      vscode.window.setStatusBarMessage(l10n.t('$(info) No such timer'), 3000);
    }
    return named;
  }
  const candidates = runningFirst(timers.entries.filter(candidate));
  if (candidates.length <= 1) {
    if (candidates.length === 0) {
      vscode.window.setStatusBarMessage(l10n.t('$(info) No timer to act on'), 3000);
    }
    return candidates[0];
  }
  const running = candidates.filter((entry) => isRunning(entry.timer));
  if (argumentObject(arg) !== undefined) {
    if (running.length !== 1) {
      vscode.window.setStatusBarMessage(l10n.t('$(info) Several timers: name one with { taskId } or { timerId }'), 5000);
    }
    return running.length === 1 ? running[0] : undefined;
  }
  const now = timers.now();
  const picked = await asker.pick<TimerEntry>({
    title,
    step: 1,
    totalSteps: 1,
    placeholder: l10n.t('Choose a timer'),
    items: candidates.map((entry) => timerChoice(entry, timers.elapsed(entry, now), entry)),
    ...(running[0] ? { active: running[0] } : {}),
  });
  return typeof picked === 'object' ? picked : undefined;
}
