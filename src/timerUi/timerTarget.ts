import * as vscode from 'vscode';
import { argumentObject } from '../commands/commandTable';
import { taskIdFrom, taskLabel, positiveId } from '../tasks/taskReference';
import { formatHoursMinutes } from '../time/duration';
import { isRunning } from '../timer/timerModel';
import type { TimerEntry, TimerService, TimerTarget } from '../timer/timerService';
import { escapeIcons } from '../common/untrustedText';

/** The timer a command argument names: `{ timerId }`, a task (`{ taskId }`, tree node) or nothing. */
export function timerTargetFrom(arg: unknown): TimerTarget {
  const record = argumentObject(arg);
  const timerId = positiveId(record?.timerId);
  if (timerId !== undefined) {
    return String(timerId);
  }
  if (typeof record?.key === 'string') {
    return record.key;
  }
  const taskId = taskIdFrom(arg);
  return taskId !== undefined ? { taskId } : undefined;
}

export function timerLabel(entry: TimerEntry): string {
  return entry.task ? taskLabel(entry.task) : 'General timer';
}

/**
 * The timer a command acts on: the one its argument names, else the only candidate, else the
 * user picks among the candidates. Undefined when there is none (said in the status bar).
 */
export async function chooseTimer(
  service: TimerService,
  arg: unknown,
  title: string,
  candidate: (entry: TimerEntry) => boolean = () => true,
): Promise<TimerEntry | undefined> {
  const target = timerTargetFrom(arg);
  if (target !== undefined) {
    const named = service.find(target);
    if (!named) {
      vscode.window.setStatusBarMessage('$(info) No such timer', 3000);
    }
    return named;
  }
  const candidates = service.entries.filter(candidate);
  if (candidates.length <= 1) {
    if (candidates.length === 0) {
      vscode.window.setStatusBarMessage('$(info) No timer to act on', 3000);
    }
    return candidates[0];
  }
  const now = service.now();
  const picked = await vscode.window.showQuickPick(
    candidates.map((entry) => ({
      label: `${isRunning(entry.timer) ? '$(clock)' : '$(debug-pause)'} ${escapeIcons(timerLabel(entry))}`,
      description: `${isRunning(entry.timer) ? 'Running' : 'Paused'} · ${formatHoursMinutes(service.elapsed(entry, now))}`,
      entry,
    })),
    { title, placeHolder: 'Choose a timer' },
  );
  return picked?.entry;
}
