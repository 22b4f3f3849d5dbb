import * as l10n from '@vscode/l10n';
import type { AccountGuard } from '../../auth/accountGuard';
import type { Clock } from '../../common/clock';
import { toIsoDate } from '../../time/dates';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import type { LogTime, LogTimeResult } from './logTime';
import { timeEntryOf, type TimeEntryLookup } from './timeEntryOf';

/**
 * `intervals.logAgainToday`: logs the same task (or project and module), duration, work type, billable flag and
 * description again for today, without asking (a My Time node or `{ entryId }`).
 */
export function logAgainTodayCommand(deps: TimeEntryLookup & { guard: Pick<AccountGuard, 'clientAsking'>; clock: Clock; logTime: Pick<LogTime, 'run' | 'refuseInvalid'> }): Command {
  return {
    id: 'intervals.logAgainToday',
    arguments: argumentKeys('intervals.logAgainToday'),
    async execute(arg?: unknown): Promise<LogTimeResult> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to log time.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      const entry = await timeEntryOf(deps, api, arg, l10n.t('Entry to log again today'));
      if (!entry || 'status' in entry) {
        return entry ?? { status: 'cancelled' };
      }
      if (entry.taskId === null && entry.projectId === null) {
        return deps.logTime.refuseInvalid(l10n.t('This entry has no task; use Log Time… to log time on a task.'));
      }
      return deps.logTime.run({
        // Project time (no task) is logged again on its project and module.
        ...(entry.taskId !== null ? { taskId: entry.taskId } : { projectId: entry.projectId, ...(entry.moduleId !== null ? { moduleId: entry.moduleId } : {}) }),
        date: toIsoDate(deps.clock.now()),
        hours: entry.time,
        worktypeId: entry.workTypeId ?? undefined,
        billable: entry.billable,
        description: entry.description ?? '',
      });
    },
  };
}
