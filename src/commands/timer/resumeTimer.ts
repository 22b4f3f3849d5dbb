import * as l10n from '@vscode/l10n';
import type { TimerChanges } from '../../timer/timerChanges';
import { isRunning } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { announcePaused, runningKeys } from './startTimer';
import { chooseTimer, type TimerAsker, type Timers } from './chooseTimer';

/** `intervals.resumeTimer`: the named timer or the paused one (pauses the running one unless several may run, and says so). */
export function resumeTimerCommand(timers: Timers & Pick<TimerService, 'resume'>, changes: Pick<TimerChanges, 'fire'>, asker: TimerAsker): Command {
  return {
    id: 'intervals.resumeTimer',
    arguments: argumentKeys('intervals.resumeTimer'),
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const entry = await chooseTimer(timers, asker, arg, l10n.t('Resume Timer'), (item) => !isRunning(item.timer));
      if (!entry) {
        return undefined;
      }
      const runningBefore = runningKeys(timers.entries);
      const resumed = await timers.resume(entry.key);
      changes.fire(resumed);
      announcePaused(runningBefore, timers.entries, resumed);
      return resumed;
    },
  };
}
