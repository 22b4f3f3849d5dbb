import type { IntervalsClient } from '../api/client';
import { hoursByDay } from './timeEntryDraft';

/** What the day check reads: the shown week first, the service for any other day. */
export interface DayTotalSources {
  /** Hours on a day the My Time view has loaded; undefined for other days. */
  shown: (isoDate: string) => number | undefined;
  /** The signed-in client and person, or undefined when signed out. */
  account: () => { api: Pick<IntervalsClient, 'listAllTime'>; personId: number } | undefined;
  onProblem?: (message: string) => void;
}

/**
 * Hours already logged on a day, so a new or changed entry can be checked against 24 hours.
 * A day outside the shown week costs one request; when it fails the check goes on without it
 * (undefined), since refusing to log time because a lookup failed would lose the entry instead.
 */
export async function hoursLoggedOn(sources: DayTotalSources, isoDate: string): Promise<number | undefined> {
  const shown = sources.shown(isoDate);
  if (shown !== undefined) {
    return shown;
  }
  const account = sources.account();
  if (!account) {
    return undefined;
  }
  try {
    const entries = await account.api.listAllTime({ personId: account.personId, date: isoDate });
    return hoursByDay(entries.filter((entry) => entry.date === isoDate)).get(isoDate) ?? 0;
  } catch (error) {
    // l10n-ignore: log line
    sources.onProblem?.(`Could not read the time logged on ${isoDate}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
