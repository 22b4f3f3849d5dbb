import * as vscode from 'vscode';
import { escapeIcons } from '../../common/untrustedText';
import { taskLabel } from '../../tasks/taskReference';
import { formatHoursMinutes } from '../../time/duration';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { timerTargetFrom } from '../args';

/** What the timer commands need of the timers. */
export type Timers = Pick<TimerService, 'entries' | 'find' | 'now' | 'elapsed'>;

export function timerLabel(entry: TimerEntry): string {
  return entry.task ? taskLabel(entry.task) : 'General timer';
}

/**
 * The timer a command acts on: the one its argument names, else the only candidate, else the
 * user picks among the candidates. Undefined when there is none (said in the status bar).
 */
export async function chooseTimer(
  timers: Timers,
  arg: unknown,
  title: string,
  candidate: (entry: TimerEntry) => boolean = () => true,
): Promise<TimerEntry | undefined> {
  const target = timerTargetFrom(arg);
  if (target !== undefined) {
    const named = timers.find(target);
    if (!named) {
      vscode.window.setStatusBarMessage('$(info) No such timer', 3000);
    }
    return named;
  }
  const candidates = timers.entries.filter(candidate);
  if (candidates.length <= 1) {
    if (candidates.length === 0) {
      vscode.window.setStatusBarMessage('$(info) No timer to act on', 3000);
    }
    return candidates[0];
  }
  const now = timers.now();
  const picked = await vscode.window.showQuickPick(
    candidates.map((entry) => ({
      label: `${isRunning(entry.timer) ? '$(clock)' : '$(debug-pause)'} ${escapeIcons(timerLabel(entry))}`,
      description: `${isRunning(entry.timer) ? 'Running' : 'Paused'} · ${formatHoursMinutes(timers.elapsed(entry, now))}`,
      entry,
    })),
    { title, placeHolder: 'Choose a timer' },
  );
  return picked?.entry;
}
