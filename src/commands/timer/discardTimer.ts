import * as l10n from '@vscode/l10n';
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
      const entry = await chooseTimer(timers, asker, arg, l10n.t('Discard Timer'));
      if (!entry) {
        return false;
      }
      if (argumentObject(arg)?.confirm !== false) {
        const seconds = timers.elapsed(entry);
        const discard = l10n.t({ message: 'Discard', comment: ['Button: discards the timer'] });
        const answer = await vscode.window.showWarningMessage(
          defuseLinks(l10n.t('Discard the timer on {0}?', timerLabel(entry))),
          { modal: true, detail: l10n.t('Its {0} will not be logged. This cannot be undone.', formatDuration(seconds)) },
          discard,
        );
        if (answer !== discard) {
          return false;
        }
      }
      const discarded = await timers.discard(entry.key);
      changes.fire(entry);
      return discarded;
    },
  };
}
