import type { AccountSession } from '../../auth/accountSession';
import type { Logger } from '../../common/logger';
import { hoursLoggedOn } from '../../timeLog/dayTotal';
import type { MyTimeView } from '../../views/time/myTimeView';

/**
 * Hours already logged on a day, for the 24-hour check of Log Time and Edit Time Entry: the
 * week My Time shows, else one request.
 */
export function loggedHoursOn(
  view: Pick<MyTimeView, 'loggedHours'>,
  session: Pick<AccountSession, 'client' | 'state'>,
  log: Pick<Logger, 'warn'>,
): (isoDate: string) => Promise<number | undefined> {
  return (date) =>
    hoursLoggedOn(
      {
        shown: (day) => view.loggedHours(day),
        account: () => {
          const client = session.client;
          const state = session.state;
          return client && state.signedIn ? { api: client, personId: state.account.personId } : undefined;
        },
        onProblem: (message) => log.warn(message),
      },
      date,
    );
}
