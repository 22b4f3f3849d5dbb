import * as l10n from '@vscode/l10n';
import type { TimerChanges } from '../../timer/timerChanges';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { chooseTimer, type TimerAsker, type Timers } from './chooseTimer';

/** `intervals.resumeTimer`: the named timer or the paused one (pauses the running one unless several may run). */
export function resumeTimerCommand(timers: Timers & Pick<TimerService, 'resume'>, changes: Pick<TimerChanges, 'fire'>, asker: TimerAsker): Command {
  return {
    id: 'intervals.resumeTimer',
    arguments: argumentKeys('intervals.resumeTimer'),
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const entry = await chooseTimer(timers, asker, arg, l10n.t('Resume Timer'), (item) => !isRunning(item.timer));
      if (!entry) {
        return undefined;
      }
      const resumed = await timers.resume(entry.key);
      changes.fire(resumed);
      return resumed;
    },
  };
}
