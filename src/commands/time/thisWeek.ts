import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import { fromIsoDate } from '../../time/dates';
import { checkIsoDate } from '../../timeLog/timeEntryDraft';
import type { MyTimeView } from '../../views/time/myTimeView';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';

/**
 * `intervals.thisWeek`: My Time goes back to the current week; `{ date: 'YYYY-MM-DD' }` shows the
 * week holding that day instead. Returns the week shown.
 */
export function thisWeekCommand(view: Pick<MyTimeView, 'showWeekOf'>): Command {
  return {
    id: 'intervals.thisWeek',
    arguments: argumentKeys('intervals.thisWeek'),
    async execute(arg?: unknown): Promise<{ start: string; end: string } | undefined> {
      const date = argumentObject(arg)?.date;
      if (date === undefined) {
        return view.showWeekOf();
      }
      const checked = checkIsoDate(date);
      if (!checked.ok) {
        void vscode.window.showErrorMessage(defuseLinks(l10n.t('Could not show the week. {0}', checked.message)));
        return undefined;
      }
      return view.showWeekOf(fromIsoDate(checked.iso));
    },
  };
}
