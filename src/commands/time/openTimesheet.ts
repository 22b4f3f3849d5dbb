import * as l10n from '@vscode/l10n';
import type { AccountGuard } from '../../auth/accountGuard';
import type { Clock } from '../../common/clock';
import { fromIsoDate } from '../../time/dates';
import { weekOf } from '../../timeLog/timeWeek';
import type { Timesheet } from '../../timesheet/timesheetGrid';
import type { MyTimeView } from '../../views/time/myTimeView';
import type { TimesheetPanel } from '../../views/timesheet/timesheetPanel';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { timesheetWriter, type TimesheetWriterDependencies } from './timesheetWriter';

export interface OpenTimesheetDependencies extends TimesheetWriterDependencies {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly panel: Pick<TimesheetPanel, 'open'>;
  /** The week My Time shows: the one the timesheet opens on by default. */
  readonly view: Pick<MyTimeView, 'week'>;
  readonly clock: Clock;
}

/**
 * `intervals.openTimesheet`: the week as a grid to type hours into, in one editor tab. Without an
 * argument it opens on the week My Time shows; `{ week: 'YYYY-MM-DD' }` on the week holding that
 * day (a value that is no date is refused before anything opens). Returns the week shown.
 */
export function openTimesheetCommand(deps: OpenTimesheetDependencies): Command {
  return {
    id: 'intervals.openTimesheet',
    arguments: argumentKeys('intervals.openTimesheet'),
    async execute(arg?: unknown): Promise<Timesheet | undefined> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to open the timesheet.'));
      if (!api) {
        return undefined;
      }
      const week = argumentObject(arg)?.week;
      const day = typeof week === 'string' ? fromIsoDate(week) : undefined;
      const start = day ? weekOf(day).start : deps.view.week.start || weekOf(deps.clock.now()).start;
      return deps.panel.open(start, timesheetWriter(deps));
    },
  };
}
