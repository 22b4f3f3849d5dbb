import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../../api/client';
import type { TimeEntry } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import { pickShownEntry } from '../../views/time/entryPicker';
import type { MyTimeView } from '../../views/time/myTimeView';
import { resolveEntry } from '../args';

/** Where the entry commands find the entry they act on: the week My Time shows, then the service. */
export interface TimeEntryLookup {
  readonly view: Pick<MyTimeView, 'findEntry' | 'entries' | 'reload' | 'hourFormat'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/** The entry an argument names (a My Time node, `{ entryId }`), or one the user picks of the shown week. */
export function entryOf(lookup: Pick<TimeEntryLookup, 'view'>, api: Pick<IntervalsClient, 'getTime'>, arg: unknown, placeholder: string): Promise<TimeEntry | undefined> {
  return resolveEntry(arg, {
    shown: (id) => lookup.view.findEntry(id),
    fetch: (id) => api.getTime(id),
    pick: () => pickShownEntry(lookup.view, placeholder),
  });
}

/** The same, with a failure to load it told and returned. */
export async function timeEntryOf(
  lookup: TimeEntryLookup,
  api: Pick<IntervalsClient, 'getTime'>,
  arg: unknown,
  placeholder: string,
): Promise<TimeEntry | { status: 'failed'; message: string } | undefined> {
  try {
    return await entryOf(lookup, api, arg, placeholder);
  } catch (error) {
    void lookup.errors.reportFailure(lookup.log, l10n.t('Could not load the time entry'), error);
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
