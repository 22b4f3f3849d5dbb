import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import { formatDuration } from '../../time/duration';
import type { TimerChanges } from '../../timer/timerChanges';
import type { TimerService } from '../../timer/timerService';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { chooseTimer, timerLabel, type TimerAsker, type Timers } from './chooseTimer';

/**
 * `intervals.discardTimer`: deletes a timer and its unlogged time, after a modal confirmation
 * (the one place a modal is right: it deletes). `{ confirm: false }` skips it. Returns true when
 * discarded.
 */
export function discardTimerCommand(timers: Timers & Pick<TimerService, 'discard'>, changes: Pick<TimerChanges, 'fire'>, asker: TimerAsker): Command {
  return {
    id: 'intervals.discardTimer',
    arguments: argumentKeys('intervals.discardTimer'),
    async execute(arg?: unknown): Promise<boolean> {
      const entry = await chooseTimer(timers, asker, arg, 'Discard Timer');
      if (!entry) {
        return false;
      }
      if (argumentObject(arg)?.confirm !== false) {
        const seconds = timers.elapsed(entry);
        const answer = await vscode.window.showWarningMessage(
          defuseLinks(`Discard the timer on ${timerLabel(entry)}?`),
          { modal: true, detail: `Its ${formatDuration(seconds)} will not be logged. This cannot be undone.` },
          'Discard',
        );
        if (answer !== 'Discard') {
          return false;
        }
      }
      const discarded = await timers.discard(entry.key);
      changes.fire(entry);
      return discarded;
    },
  };
}
