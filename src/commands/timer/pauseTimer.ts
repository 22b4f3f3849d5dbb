import * as l10n from '@vscode/l10n';
import type { TimerChanges } from '../../timer/timerChanges';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { chooseTimer, type TimerAsker, type Timers } from './chooseTimer';

/** `intervals.pauseTimer`: the named timer (`{ timerId }`, `{ taskId }`, tree node) or the running one. */
export function pauseTimerCommand(timers: Timers & Pick<TimerService, 'pause'>, changes: Pick<TimerChanges, 'fire'>, asker: TimerAsker): Command {
  return {
    id: 'intervals.pauseTimer',
    arguments: argumentKeys('intervals.pauseTimer'),
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const entry = await chooseTimer(timers, asker, arg, l10n.t('Pause Timer'), (item) => isRunning(item.timer));
      if (!entry) {
        return undefined;
      }
      const paused = await timers.pause(entry.key);
      changes.fire(paused);
      return paused;
    },
  };
}
