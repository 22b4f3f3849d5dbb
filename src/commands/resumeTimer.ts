import { id } from './commandArguments';
import { isRunning } from '../timer/timerModel';
import type { TimerEntry } from '../timer/timerService';
import type { TimerCommandContext } from '../timerUi/timerCommandContext';
import { chooseTimer } from '../timerUi/timerTarget';
import type { Command } from './commandTable';

/** `intervals.resumeTimer`: the named timer or the paused one (pauses the running one unless several may run). */
export function resumeTimerCommand(context: TimerCommandContext): Command {
  return {
    id: 'intervals.resumeTimer',
    arguments: { taskId: id, timerId: id },
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const entry = await chooseTimer(context.service, arg, 'Resume Timer', (item) => !isRunning(item.timer));
      if (!entry) {
        return undefined;
      }
      const resumed = await context.service.resume(entry.key);
      context.fireChange(resumed);
      return resumed;
    },
  };
}
