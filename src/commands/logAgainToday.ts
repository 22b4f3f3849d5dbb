import { id } from './commandArguments';
import type { AccountSession } from '../auth/accountSession';
import { clientOrSignIn } from '../common/accountGuard';
import { reportError } from '../common/errorReporter';
import type { Logger } from '../common/logger';
import { toIsoDate } from '../time/dates';
import { entryFrom } from '../views/time/entryArgument';
import type { LogTimeFlow, LogTimeResult } from '../views/time/logTimeFlow';
import type { MyTimeView } from '../views/time/myTimeView';
import type { Command } from './commandTable';

/**
 * `intervals.logAgainToday`: logs the same task, duration, work type, billable flag and
 * description again for today, without asking (a My Time node or `{ entryId }`).
 */
export function logAgainTodayCommand(session: AccountSession, view: MyTimeView, flow: LogTimeFlow, log: Logger, today: () => Date = () => new Date()): Command {
  return {
    id: 'intervals.logAgainToday',
    arguments: { entryId: id, id },
    async execute(arg?: unknown): Promise<LogTimeResult> {
      const api = await clientOrSignIn(session, 'log time');
      if (!api) {
        return { status: 'cancelled' };
      }
      let entry;
      try {
        entry = await entryFrom(arg, view, api, 'Entry to log again today');
      } catch (error) {
        void reportError(log, 'load the time entry', error);
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
      if (!entry) {
        return { status: 'cancelled' };
      }
      if (entry.taskId === null) {
        return flow.refuseInvalid('This entry has no task; use Log Time… to log time on a task.');
      }
      return flow.run({
        taskId: entry.taskId,
        date: toIsoDate(today()),
        hours: entry.time,
        worktypeId: entry.workTypeId ?? undefined,
        billable: entry.billable,
        description: entry.description ?? '',
      });
    },
  };
}
