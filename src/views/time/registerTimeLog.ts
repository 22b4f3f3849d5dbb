import * as vscode from 'vscode';
import { deleteTimeEntryCommand } from '../../commands/deleteTimeEntry';
import { discardWaitingEntryCommand } from '../../commands/discardWaitingEntry';
import { editTimeEntryCommand } from '../../commands/editTimeEntry';
import { logAgainTodayCommand } from '../../commands/logAgainToday';
import { logTimeCommand } from '../../commands/logTime';
import { nextWeekCommand } from '../../commands/nextWeek';
import { thisWeekCommand } from '../../commands/thisWeek';
import { previousWeekCommand } from '../../commands/previousWeek';
import { refreshTimeCommand } from '../../commands/refreshTime';
import { retrySyncCommand } from '../../commands/retrySync';
import { registerCommands } from '../../commands/commandTable';
import { randomUUID } from 'node:crypto';
import { AdjustableClock } from '../../common/adjustableClock';
import { reportDamage } from '../../common/damageNotice';
import { DEFAULT_UNCERTAIN_DELAY_MS, Outbox } from '../../outbox/outbox';
import { markTimerLogged } from '../../timer/timerAccounts';
import { TimerStateFile } from '../../timer/timerStateFile';
import { WaitingEntriesStatusBarItem } from '../../statusBar/waitingEntriesStatusBar';
import { hoursLoggedOn } from '../../timeLog/dayTotal';
import type { Services } from '../../services';
import type { QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure, describeTimeFailure } from '../../timeLog/timeLogSync';
import { EditTimeFlow } from './editTimeFlow';
import { LogTimeFlow } from './logTimeFlow';
import { MyTimeView } from './myTimeView';

/** What the integration tests may reach inside the time log. */
export interface TimeLogTestHooks {
  sync: TimeLogSync;
  /** The outbox's clock: moving it lets an uncertain entry's lookup wait pass without waiting. */
  clock: AdjustableClock;
  view: MyTimeView;
  /** The status bar item counting entries waiting to sync. */
  waitingStatus: WaitingEntriesStatusBarItem;
}

export interface TimeLog extends vscode.Disposable {
  readonly testHooks: TimeLogTestHooks;
}

/** Log time, the outbox of entries waiting to sync, the My Time view, and their commands. */
export function registerTimeLog(services: Services): TimeLog {
  const log = services.log.child('time');
  const disposables: vscode.Disposable[] = [];
  const folder = services.context.globalStorageUri.fsPath;
  const clock = new AdjustableClock();
  const now = (): number => clock.now().getTime();
  const outbox = new Outbox<QueuedTimeEntry>({
    folder,
    now,
    fileName: 'time-entries.outbox.json',
    classify: classifyTimeFailure,
    describeError: describeTimeFailure,
    // A request the service is still applying after we gave up has landed by then.
    uncertainDelayMs: () => Math.max(DEFAULT_UNCERTAIN_DELAY_MS, 3 * services.settings.requestTimeoutMs),
    onProblem: (message) => log.warn(message),
    onDamaged: (report) => reportDamage('time entries waiting to be sent', report),
  });
  // The timers' state file, to note a timer logged here: it is hidden and deleted until that succeeds.
  const timerState = new TimerStateFile({ folder, owner: randomUUID(), onProblem: (message) => log.warn(message) });
  const sync = new TimeLogSync({
    outbox,
    api: () => services.session.client,
    personId: () => {
      const state = services.session.state;
      return state.signedIn ? state.account.personId : undefined;
    },
    onTimerLogged: (timerId) => markTimerLogged(timerState, timerId),
    onProblem: (message) => log.warn(message),
    now,
    schedule: services.work.scheduler('time entry retry'),
  });
  const waitingStatus = new WaitingEntriesStatusBarItem(sync);
  disposables.push(outbox, sync, waitingStatus);
  disposables.push(
    sync.onDidConfirm(({ entry, foundOnServer }) => {
      if (foundOnServer) {
        log.info(`Time entry ${entry.id} was already on Intervals after an interrupted send; not sent again`);
      }
      services.changes.fire({ resource: 'time', id: entry.id, ...(entry.projectId !== null ? { projectId: entry.projectId } : {}), item: entry });
    }),
    sync.onDidDeleteTimer((timerId) => services.changes.fire({ resource: 'timer', id: timerId })),
  );

  const view = new MyTimeView({ session: services.session, changes: services.changes, sync, log, contextKeys: services.contextKeys });
  disposables.push(view);

  const loggedHours = (date: string): Promise<number | undefined> =>
    hoursLoggedOn(
      {
        shown: (day) => view.loggedHours(day),
        account: () => {
          const client = services.session.client;
          const state = services.session.state;
          return client && state.signedIn ? { api: client, personId: state.account.personId } : undefined;
        },
        onProblem: (message) => log.warn(message),
      },
      date,
    );

  const flow = new LogTimeFlow({
    session: services.session,
    lookups: services.lookups,
    recentTasks: services.recentTasks,
    changes: services.changes,
    globalState: services.context.globalState,
    sync,
    log,
    asker: () => services.asker.current,
    loggedHours,
    track: (label, work) => services.work.track(label, work),
  });
  const editFlow = new EditTimeFlow({
    session: services.session,
    view,
    lookups: services.lookups,
    changes: services.changes,
    log,
    asker: () => services.asker.current,
    loggedHours,
    track: (label, work) => services.work.track(label, work),
  });

  disposables.push(
    registerCommands([
      logTimeCommand(flow),
      refreshTimeCommand(view),
      previousWeekCommand(view),
      nextWeekCommand(view),
      thisWeekCommand(view),
      editTimeEntryCommand(editFlow),
      deleteTimeEntryCommand(services.session, view, services.changes, log),
      logAgainTodayCommand(services.session, view, flow, log),
      retrySyncCommand(sync),
      discardWaitingEntryCommand(sync),
    ]),
  );

  // Waiting entries go out when the account is back and when the window regains focus.
  const syncSoon = (): void => {
    void services.work.track('time entry sync', sync.sync()).catch((error: unknown) => log.warn(`Sending waiting time entries failed: ${describeTimeFailure(error)}`));
  };
  const reconnected = (): void => {
    void services.work.track('time entry sync', sync.reconnected()).catch((error: unknown) => log.warn(`Sending waiting time entries failed: ${describeTimeFailure(error)}`));
  };
  disposables.push(
    services.session.onDidChange((state) => {
      if (state.signedIn) {
        syncSoon();
      }
    }),
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        reconnected();
      }
    }),
    // Any successful write elsewhere in the extension shows the service is reachable again.
    services.changes.onDidChange((change) => {
      if (change.resource !== 'time' && view.waitingItems.length > 0) {
        reconnected();
      }
    }),
    view.onDidLoad(() => {
      if (view.waitingItems.length > 0) {
        reconnected();
      }
    }),
  );
  syncSoon();

  return {
    testHooks: {
      sync,
      clock,
      view,
      waitingStatus,
    },
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}
