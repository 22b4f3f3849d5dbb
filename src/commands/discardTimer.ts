import { boolean, id } from './commandArguments';
import * as vscode from 'vscode';
import { formatDuration } from '../time/duration';
import type { TimerCommandContext } from '../timerUi/timerCommandContext';
import { chooseTimer, timerLabel } from '../timerUi/timerTarget';
import { argumentObject, type Command } from './commandTable';
import { defuseLinks } from '../common/untrustedText';

/**
 * `intervals.discardTimer`: deletes a timer and its unlogged time, after a modal confirmation
 * (the one place a modal is right: it deletes). `{ confirm: false }` skips it. Returns true when
 * discarded.
 */
export function discardTimerCommand(context: TimerCommandContext): Command {
  return {
    id: 'intervals.discardTimer',
    arguments: { taskId: id, timerId: id, confirm: boolean },
    async execute(arg?: unknown): Promise<boolean> {
      const entry = await chooseTimer(context.service, arg, 'Discard Timer');
      if (!entry) {
        return false;
      }
      if (argumentObject(arg)?.confirm !== false) {
        const seconds = context.service.elapsed(entry);
        const answer = await vscode.window.showWarningMessage(
          defuseLinks(`Discard the timer on ${timerLabel(entry)}?`),
          { modal: true, detail: `Its ${formatDuration(seconds)} will not be logged. This cannot be undone.` },
          'Discard',
        );
        if (answer !== 'Discard') {
          return false;
        }
      }
      const discarded = await context.service.discard(entry.key);
      context.fireChange(entry);
      return discarded;
    },
  };
}
