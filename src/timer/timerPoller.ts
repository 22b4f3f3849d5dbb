import type { WorkOwner } from '../common/backgroundWork';
import type { Event, Subscription } from '../common/events';
import type { AffectsSetting } from '../common/settings';
import { nextPollDelayMs, type PollLease } from './pollLease';

/** What the poller needs of the timer service. */
export interface PolledTimers {
  load(): Promise<void>;
  refresh(): Promise<void>;
  /** The person whose timers the state file holds. */
  readonly snapshot: { readonly personId: number | null };
}

/** The account, as far as polling cares. */
export type PollerSession =
  | { readonly signedIn: false }
  | { readonly signedIn: true; readonly account: { readonly personId: number } };

export interface TimerPollerOptions {
  readonly timers: PolledTimers;
  readonly session: { readonly state: PollerSession; readonly onDidChange: Event<PollerSession> };
  /** Which window asks the service; built on the shared folder. */
  readonly lease: Pick<PollLease, 'tryTake'>;
  readonly settings: { readonly timerPollSeconds: number; onDidChange(listener: (affects: AffectsSetting) => void): Subscription };
  readonly window: { readonly focused: boolean; readonly onDidChangeFocus: Event<boolean> };
  /** The extension's background work: every poll runs as tracked work, every wait is armed there. */
  readonly work: WorkOwner;
  readonly random: () => number;
  readonly log: { warn(message: string): void };
  /** Called once the state file was read at start-up, before the service is asked. */
  readonly onStarted: () => void;
}

/**
 * Polls Intervals for the timers, so a timer started in the web app or on another device shows
 * here. One window at a time asks (see PollLease), while it is focused, every
 * `intervals.timerPollSeconds`, less often after failures; the others read the state file.
 */
export class TimerPoller {
  private failures = 0;
  private retryAfterMs = 0;
  private cancelPoll: (() => void) | undefined;
  private disposed = false;
  private wasSignedIn: boolean;
  private readonly subscriptions: Subscription[];

  constructor(private readonly options: TimerPollerOptions) {
    this.wasSignedIn = options.session.state.signedIn;
    this.subscriptions = [
      options.window.onDidChangeFocus((focused) => {
        if (focused) {
          void this.poll().finally(() => this.schedule());
        } else {
          this.cancel();
        }
      }),
      options.session.onDidChange((state) => this.accountChanged(state)),
      options.settings.onDidChange((affects) => {
        if (affects('intervals.timerPollSeconds')) {
          this.schedule();
        }
      }),
    ];
    // Start-up: the state file shows the timer at once (no request), then the service is asked.
    void options.timers
      .load()
      .catch((error: unknown) => options.log.warn(`Could not read the timers: ${String(error)}`))
      .then(() => {
        options.onStarted();
        return this.poll();
      })
      .finally(() => this.schedule());
  }

  /** Polls now; `force` asks the service whichever window polled last. */
  poll(force = false): Promise<void> {
    // l10n-ignore: work-scheduler label
    return this.options.work.track('timer poll', this.pollOnce(force));
  }

  /** Asks the service now (a change made elsewhere in the extension), quietly. */
  refresh(): Promise<void> {
    // l10n-ignore: work-scheduler label
    return this.options.work.track('timer poll', this.refreshQuietly());
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private accountChanged(state: PollerSession): void {
    const { timers, log } = this.options;
    // Just signed in, or another account: ask now, whoever polled last. While signed out,
    // the timers may have changed in the web app, and what the file holds is older.
    const fresh = state.signedIn && (!this.wasSignedIn || timers.snapshot.personId !== state.account.personId);
    this.wasSignedIn = state.signedIn;
    // The account is known now: its timers in the state file show at once, before any answer.
    const saved = state.signedIn ? timers.load().catch((error: unknown) => log.warn(`Could not read the timers: ${String(error)}`)) : Promise.resolve();
    // l10n-ignore: work-scheduler label
    void this.options.work.track('timer poll', saved.then(() => this.pollOnce(fresh))).finally(() => this.schedule());
  }

  private async pollOnce(force: boolean): Promise<void> {
    const { timers, session, lease } = this.options;
    if (!session.state.signedIn) {
      await timers.load();
      return;
    }
    const forMs = Math.max(15, this.options.settings.timerPollSeconds) * 1000 - 1000;
    if (!force && this.failures === 0 && !(await lease.tryTake(forMs))) {
      await timers.load();
      return;
    }
    await this.refreshQuietly();
  }

  private async refreshQuietly(): Promise<void> {
    try {
      await this.options.timers.refresh();
      this.failures = 0;
      this.retryAfterMs = 0;
    } catch (error) {
      this.failures++;
      this.retryAfterMs = retryAfterOf(error);
      this.options.log.warn(`Could not read the timers from Intervals: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(): void {
    this.cancel();
    if (this.disposed || !this.options.window.focused) {
      return;
    }
    const delay = nextPollDelayMs(this.options.settings.timerPollSeconds, this.failures, this.options.random, this.retryAfterMs);
    // l10n-ignore: work-scheduler label
    this.cancelPoll = this.options.work.schedule('timer poll', delay, () => {
      this.cancelPoll = undefined;
      return this.poll().finally(() => this.schedule());
    });
  }

  private cancel(): void {
    this.cancelPoll?.();
    this.cancelPoll = undefined;
  }
}

function retryAfterOf(error: unknown): number {
  const value = typeof error === 'object' && error !== null ? (error as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof value === 'number' ? value : 0;
}
