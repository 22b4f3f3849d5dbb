import { randomUUID } from 'node:crypto';
import { promises as fs, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adjustTimerCommand } from '../commands/adjustTimer';
import { discardTimerCommand } from '../commands/discardTimer';
import { pauseTimerCommand } from '../commands/pauseTimer';
import { resumeTimerCommand } from '../commands/resumeTimer';
import { showTimersCommand } from '../commands/showTimers';
import { startTimerCommand } from '../commands/startTimer';
import { stopTimerCommand } from '../commands/stopTimer';
import { registerCommands } from '../commands/commandTable';
import { AdjustableClock } from '../common/adjustableClock';
import { ContextKey } from '../common/contextKeys';
import { reportDamage } from '../common/damageNotice';
import type { Services } from '../services';
import { TimerStatusBarItem } from '../statusBar/timerStatusBar';
import { TimerStatusBarController } from '../statusBar/timerStatusBarController';
import { IdleTracker, idleThresholdMs, type IdlePeriod } from '../timer/idleTracker';
import { PollLease, nextPollDelayMs } from '../timer/pollLease';
import { isRunning, type IdleChoice } from '../timer/timerModel';
import { TIMER_STATE_FILE, TimerStateFile } from '../timer/timerStateFile';
import { DEFAULT_TIMER_DOUBT_MS, TimerService, type TimerEntry } from '../timer/timerService';
import { askIdleChoice, type IdleAsker } from './idlePrompt';
import type { TimerCommandContext } from './timerCommandContext';

const ACTIVITY_FILE = 'timers.activity.json';
/** Other windows learn of activity here at most this often; idle thresholds are minutes. */
const ACTIVITY_WRITE_MS = 30_000;

export { AdjustableClock } from '../common/adjustableClock';

/** What the integration tests may reach inside the timers. */
export interface TimersTestHooks {
  readonly service: TimerService;
  readonly clock: AdjustableClock;
  readonly statusBar: TimerStatusBarController;
  readonly folder: string;
  /** A second service on the same state file (as another window would have), following it. */
  createService(owner: string): TimerService & vscode.Disposable;
  /** Replaces the idle question; undefined restores the notification. */
  setIdleAsker(asker: IdleAsker | undefined): void;
  /** Feeds the idle detection a focus change or an activity at the clock's current time. */
  idleEvent(kind: 'blur' | 'focus' | 'activity'): Promise<IdleChoice | undefined>;
  /** Polls now, whichever window polled last. */
  poll(): Promise<void>;
  /** Resolves once no poll or refresh started in the background is under way. */
  settled(): Promise<void>;
}

export interface Timers extends vscode.Disposable {
  readonly testHooks: TimersTestHooks;
}

export function timerConfig(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('intervals');
}

/** Timers: the service kept in step with Intervals, the status bar item, idle detection, commands. */
export function registerTimers(services: Services): Timers {
  const log = services.log.child('timer');
  const folder = services.context.globalStorageUri.fsPath;
  const clock = new AdjustableClock();
  const owner = randomUUID();
  const disposables: vscode.Disposable[] = [];

  const makeService = (name: string): TimerService =>
    new TimerService({
      state: new TimerStateFile({
        folder,
        owner: name,
        onProblem: (message) => log.warn(message),
        onDamaged: (report) => reportDamage('timers', report),
      }),
      account: () => {
        const client = services.session.client;
        const state = services.session.state;
        return client && state.signedIn ? { api: client, personId: state.account.personId } : undefined;
      },
      now: () => clock.now(),
      allowMultipleTimers: () => timerConfig().get<boolean>('allowMultipleTimers', false),
      // A write the service is still applying after we gave up has landed by then.
      uncertainDelayMs: () => Math.max(DEFAULT_TIMER_DOUBT_MS, 3 * services.settings.requestTimeoutMs),
      log,
    });
  const service = makeService(owner);
  disposables.push({ dispose: () => service.dispose() });

  const item = new TimerStatusBarItem();
  const statusBar = new TimerStatusBarController({
    sink: item,
    entries: () => service.entries,
    now: () => clock.now(),
    warningHours: () => timerConfig().get<number>('timerWarningHours', 8),
    scheduler: { schedule: services.work.scheduler('timer status bar') },
  });
  disposables.push(item, statusBar);

  let disposed = false;
  let firingOwnChange = false;
  const fireChange = (entry: TimerEntry | undefined): void => {
    firingOwnChange = true;
    try {
      services.changes.fire({ resource: 'timer', ...(entry?.timer.id !== undefined ? { id: entry.timer.id } : {}) });
    } finally {
      firingOwnChange = false;
    }
  };

  disposables.push(
    service.onDidChange((entries) => {
      services.activeTimers.set(
        entries
          .filter((entry) => entry.timer.taskId !== undefined)
          .map((entry) => ({ timerId: entry.timer.id, taskId: entry.timer.taskId as number, running: isRunning(entry.timer) })),
      );
      void services.contextKeys.set(ContextKey.hasTimer, entries.length > 0);
      void services.contextKeys.set(
        ContextKey.timerRunning,
        entries.some((entry) => isRunning(entry.timer)),
      );
      statusBar.update();
    }),
    services.changes.onDidChange((change) => {
      // The time log deletes a timer once its entry is logged: read the timers again.
      if (change.resource === 'timer' && !firingOwnChange) {
        void tracked(refreshQuietly());
      }
    }),
  );

  // Other windows write the shared file; following it keeps every window showing the same timer.
  let watcher: vscode.Disposable | undefined;
  const follow = (target: TimerService, file: string): vscode.Disposable | undefined => {
    let cancelReload: (() => void) | undefined;
    let folderWatcher: FSWatcher;
    try {
      folderWatcher = watch(path.dirname(file), (_event, name) => {
        if (name === null || name.toString() === TIMER_STATE_FILE) {
          // An atomic replace shows as several events: read once they settle.
          cancelReload?.();
          cancelReload = services.work.schedule('timer state reload', 50, () =>
            target.load().catch((error: unknown) => log.warn(`Could not read the timers: ${String(error)}`)),
          );
        }
      });
    } catch (error) {
      log.warn(`Cannot follow timer changes of other windows: ${String(error)}`);
      return undefined;
    }
    return { dispose: () => (folderWatcher.close(), cancelReload?.()) };
  };
  void fs.mkdir(folder, { recursive: true }).then(() => {
    watcher = disposed ? undefined : follow(service, path.join(folder, TIMER_STATE_FILE));
  });
  disposables.push({ dispose: () => watcher?.dispose() });

  // Polling: one window at a time asks the service (see PollLease), while this one is focused.
  const lease = new PollLease(folder, owner, () => clock.now().getTime());
  const pollSeconds = (): number => timerConfig().get<number>('timerPollSeconds', 60);
  let failures = 0;
  let retryAfterMs = 0;
  let cancelPoll: (() => void) | undefined;
  const refreshQuietly = async (): Promise<void> => {
    try {
      await service.refresh();
      failures = 0;
      retryAfterMs = 0;
    } catch (error) {
      failures++;
      retryAfterMs = typeof error === 'object' && error !== null && typeof (error as { retryAfterMs?: unknown }).retryAfterMs === 'number' ? (error as { retryAfterMs: number }).retryAfterMs : 0;
      log.warn(`Could not read the timers from Intervals: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const tracked = (work: Promise<void>): Promise<void> => services.work.track('timer poll', work);
  const poll = (force = false): Promise<void> => tracked(pollOnce(force));
  const pollOnce = async (force: boolean): Promise<void> => {
    if (!services.session.state.signedIn) {
      await service.load();
      return;
    }
    const forMs = Math.max(15, pollSeconds()) * 1000 - 1000;
    if (!force && failures === 0 && !(await lease.tryTake(forMs))) {
      await service.load();
      return;
    }
    await refreshQuietly();
  };
  const schedulePoll = (): void => {
    cancelPoll?.();
    cancelPoll = undefined;
    if (disposed || !vscode.window.state.focused) {
      return;
    }
    cancelPoll = services.work.schedule('timer poll', nextPollDelayMs(pollSeconds(), failures, Math.random, retryAfterMs), () => {
      cancelPoll = undefined;
      return poll().finally(schedulePoll);
    });
  };
  disposables.push({ dispose: () => ((disposed = true), cancelPoll?.()) });

  // Idle detection. Selection changes fire on every keystroke: the setting is read once, not per event.
  let idleThreshold = idleThresholdMs(timerConfig().get<number>('idleMinutes', 10));
  const tracker = new IdleTracker(clock.now().getTime(), vscode.window.state.focused);
  let asker: IdleAsker = askIdleChoice;
  let asking = false;
  let lastActivityWrite = 0;
  const activityFile = path.join(folder, ACTIVITY_FILE);
  let lastElsewhere = 0;
  const readElsewhere = async (): Promise<number> => {
    try {
      const value: unknown = JSON.parse(await fs.readFile(activityFile, 'utf8'));
      return typeof value === 'object' && value !== null && typeof (value as { at?: unknown }).at === 'number' ? (value as { at: number }).at : 0;
    } catch {
      return 0;
    }
  };
  const shareActivity = (at: number): void => {
    // A clock set back makes the last write look like the future: write then too.
    if (at >= lastActivityWrite && at - lastActivityWrite < ACTIVITY_WRITE_MS) {
      return;
    }
    lastActivityWrite = at;
    void services.work.track('timer activity', fs.writeFile(activityFile, JSON.stringify({ at }))).catch(() => undefined);
  };
  const handleIdle = async (period: IdlePeriod | undefined): Promise<IdleChoice | undefined> => {
    const running = service.entries.find((entry) => isRunning(entry.timer));
    if (!period || !running || asking || (running.timer.startedAt && running.timer.startedAt.getTime() >= period.returnedAt.getTime())) {
      return undefined;
    }
    asking = true;
    try {
      const choice = await asker({ idleSeconds: period.idleSeconds, idleStart: period.idleStart, task: running.task });
      if (choice && choice !== 'keep') {
        const entry = await service.resolveIdle(running.key, period.idleStart, choice);
        fireChange(entry);
      }
      return choice;
    } finally {
      asking = false;
    }
  };
  const idleEvent = async (kind: 'blur' | 'focus' | 'activity'): Promise<IdleChoice | undefined> => {
    const at = clock.now().getTime();
    const threshold = idleThreshold;
    if (kind === 'blur') {
      tracker.focusChanged(false, at, threshold);
      shareActivity(at);
      return undefined;
    }
    if (threshold === 0 || !service.entries.some((entry) => isRunning(entry.timer))) {
      // Nothing to ask about: just keep the record of the last touch current.
      tracker.focusChanged(true, at, 0);
      shareActivity(at);
      return undefined;
    }
    if (at - tracker.lastActivityAt >= threshold) {
      const seen = await readElsewhere();
      // Activity "after" now was stamped before the clock was set back: not evidence of presence.
      lastElsewhere = seen <= at ? seen : 0;
    }
    const period = kind === 'focus' ? tracker.focusChanged(true, at, threshold, lastElsewhere) : tracker.activity(at, threshold, lastElsewhere);
    shareActivity(at);
    return handleIdle(period);
  };
  disposables.push(
    vscode.window.onDidChangeWindowState((state) => {
      void idleEvent(state.focused ? 'focus' : 'blur');
      if (state.focused) {
        void poll().finally(schedulePoll);
      } else {
        cancelPoll?.();
        cancelPoll = undefined;
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && event.document.uri.scheme !== 'output') {
        void idleEvent('activity');
      }
    }),
    vscode.window.onDidChangeTextEditorSelection(() => void idleEvent('activity')),
    vscode.window.onDidChangeActiveTerminal(() => void idleEvent('activity')),
    vscode.window.onDidChangeTerminalState(() => void idleEvent('activity')),
  );

  let wasSignedIn = services.session.state.signedIn;
  disposables.push(
    services.session.onDidChange((state) => {
      // Just signed in, or another account: ask now, whoever polled last. While signed out,
      // the timers may have changed in the web app, and what the file holds is older.
      const fresh = state.signedIn && (!wasSignedIn || service.snapshot.personId !== state.account.personId);
      wasSignedIn = state.signedIn;
      // The account is known now: its timers in the state file show at once, before any answer.
      const saved = state.signedIn ? service.load().catch((error: unknown) => log.warn(`Could not read the timers: ${String(error)}`)) : Promise.resolve();
      void tracked(saved.then(() => pollOnce(fresh))).finally(schedulePoll);
    }),
    services.settings.onDidChange((affects) => {
      if (affects('intervals.timerWarningHours')) {
        statusBar.update();
      }
      if (affects('intervals.idleMinutes')) {
        idleThreshold = idleThresholdMs(timerConfig().get<number>('idleMinutes', 10));
      }
      if (affects('intervals.timerPollSeconds')) {
        schedulePoll();
      }
    }),
  );

  const commandContext: TimerCommandContext = { service, session: services.session, recentTasks: services.recentTasks, log, fireChange };
  disposables.push(
    registerCommands([
      startTimerCommand(commandContext),
      pauseTimerCommand(commandContext),
      resumeTimerCommand(commandContext),
      stopTimerCommand(commandContext),
      discardTimerCommand(commandContext),
      showTimersCommand(commandContext),
      adjustTimerCommand(commandContext),
    ]),
  );

  // Start-up: the state file shows the timer at once (no request), then the service is asked.
  void service
    .load()
    .catch((error: unknown) => log.warn(`Could not read the timers: ${String(error)}`))
    .then(() => {
      statusBar.update();
      return poll();
    })
    .finally(schedulePoll);

  const followers: Array<TimerService & vscode.Disposable> = [];
  const testHooks: TimersTestHooks = {
    service,
    clock,
    statusBar,
    folder,
    createService(name) {
      const other = makeService(name);
      const otherWatcher = follow(other, path.join(folder, TIMER_STATE_FILE));
      const made = Object.assign(other, {
        dispose: () => {
          otherWatcher?.dispose();
          TimerService.prototype.dispose.call(other);
        },
      });
      followers.push(made);
      return made;
    },
    setIdleAsker(replacement) {
      asker = replacement ?? askIdleChoice;
    },
    idleEvent,
    poll: () => poll(true),
    settled: () => services.work.idle(),
  };
  disposables.push({ dispose: () => followers.splice(0).forEach((other) => other.dispose()) });

  return {
    testHooks,
    dispose: () => {
      for (const disposable of disposables.reverse()) {
        disposable.dispose();
      }
    },
  };
}
