import * as vscode from 'vscode';
import { escapeIcons } from '../../common/untrustedText';
import { formatHoursMinutes } from '../../time/duration';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry } from '../../timer/timerService';
import { argumentObject } from '../args';
import type { Command } from '../command';
import { timerLabel, type Timers } from './chooseTimer';

export interface TimerListing {
  key: string;
  timerId: number | undefined;
  taskId: number | undefined;
  label: string;
  running: boolean;
  elapsedSeconds: number;
  unsynced: boolean;
}

interface TimerPick extends vscode.QuickPickItem {
  entry?: TimerEntry;
  start?: true;
}

interface ActionPick extends vscode.QuickPickItem {
  command: string;
}

/**
 * `intervals.showTimers` (the status bar item's click): every timer with its state and time,
 * then what to do with the chosen one. With an argument object it shows nothing and returns the
 * timers.
 */
export function showTimersCommand(timers: Timers): Command {
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
      const items: TimerPick[] = timers.entries.map((entry) => {
        const running = isRunning(entry.timer);
        return {
          label: `${running ? '$(clock)' : '$(debug-pause)'} ${escapeIcons(timerLabel(entry))}`,
          description: `${running ? 'Running' : 'Paused'} · ${formatHoursMinutes(timers.elapsed(entry, now))}${entry.unsynced ? ' · not yet saved' : ''}`,
          detail: escapeIcons([entry.task?.project, entry.task?.client].filter(Boolean).join(' · ')) || undefined,
          entry,
        };
      });
      items.push({ label: '$(play) Start Timer…', start: true, alwaysShow: true });
      const picked = await vscode.window.showQuickPick(items, { title: 'Timers', placeHolder: items.length > 1 ? 'Choose a timer' : 'No timers yet' });
      if (!picked) {
        return undefined;
      }
      if (picked.start) {
        await vscode.commands.executeCommand('intervals.startTimer');
        return listing();
      }
      const entry = picked.entry;
      if (!entry) {
        return undefined;
      }
      const target = entry.timer.id !== undefined ? { timerId: entry.timer.id } : { taskId: entry.timer.taskId };
      const actions: ActionPick[] = [
        isRunning(entry.timer)
          ? { label: '$(debug-pause) Pause', command: 'intervals.pauseTimer' }
          : { label: '$(play) Resume', command: 'intervals.resumeTimer' },
        { label: '$(check) Stop and Log Time…', command: 'intervals.stopTimer' },
        { label: '$(edit) Adjust…', command: 'intervals.adjustTimer' },
        { label: '$(trash) Discard…', command: 'intervals.discardTimer' },
      ];
      const action = await vscode.window.showQuickPick(actions, { title: timerLabel(entry), placeHolder: 'What to do with this timer' });
      if (action) {
        await vscode.commands.executeCommand(action.command, target);
      }
      return listing();
    },
  };
}
