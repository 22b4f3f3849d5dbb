import { id } from './commandArguments';
import { isRunning } from '../timer/timerModel';
import type { TimerEntry } from '../timer/timerService';
import type { TimerCommandContext } from '../timerUi/timerCommandContext';
import { chooseTimer } from '../timerUi/timerTarget';
import type { Command } from './commandTable';

/** `intervals.pauseTimer`: the named timer (`{ timerId }`, `{ taskId }`, tree node) or the running one. */
export function pauseTimerCommand(context: TimerCommandContext): Command {
  return {
    id: 'intervals.pauseTimer',
    arguments: { taskId: id, timerId: id },
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const entry = await chooseTimer(context.service, arg, 'Pause Timer', (item) => isRunning(item.timer));
      if (!entry) {
        return undefined;
      }
      const paused = await context.service.pause(entry.key);
      context.fireChange(paused);
      return paused;
    },
  };
}
