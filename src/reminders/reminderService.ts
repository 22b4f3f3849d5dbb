import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { clampDelay, type Schedule } from '../api/clock';
import type { AccountSession } from '../auth/accountSession';
import type { Clock } from '../common/clock';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/logger';
import type { Notifier } from '../common/notifier';
import type { Settings } from '../common/settings';
import type { WorkbenchEvents } from '../common/workbenchEvents';
import { toIsoDate } from '../time/dates';
import type { ActiveTimers } from '../timer/activeTimers';
import type { ReminderClaims } from './reminderClaims';
import {
  NOT_EDITING,
  claimKey,
  describeHours,
  nextCheckDelay,
  recordEdit,
  shouldOfferTimer,
  shouldRemindToLogTime,
  underTarget,
  type EditingState,
  type ReminderAnswers,
  type ReminderKind,
} from './reminderPolicy';

/** The reminders' buttons, in the display language. */
export function reminderActions(): { logTime: string; startTimer: string; notToday: string; never: string } {
  return {
    logTime: l10n.t('Log Time…'),
    startTimer: l10n.t('Start Timer…'),
    notToday: l10n.t('Not today'),
    never: l10n.t("Don't ask again"),
  };
}

const ANSWERS_KEY = 'intervals.reminders.answers';
/** After a failed look at today's time, wait this long before asking the service again. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;
/** Edits come by the keystroke; look at the start-timer offer at most this often because of them. */
const EDIT_CHECK_THROTTLE_MS = 30_000;
const EDITED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export type ReminderOutcome =
  | { readonly status: 'off' | 'notDue' | 'claimedElsewhere' | 'targetMet' | 'failed' }
  /** `answered` settles once the user chose (or dismissed) and the choice was carried out. */
  | { readonly status: 'offered'; readonly kind: ReminderKind; readonly message: string; readonly answered: Promise<string | undefined> };

export interface ReminderDependencies {
  readonly session: Pick<AccountSession, 'state' | 'client' | 'onDidChange'>;
  readonly settings: Pick<Settings, 'reminders' | 'onDidChange'>;
  readonly activeTimers: Pick<ActiveTimers, 'all' | 'onDidChange'>;
  readonly globalState: vscode.Memento;
  readonly claims: ReminderClaims;
  readonly log: Logger;
  readonly clock: Clock;
  /** Arms the wake-ups (the extension's background work owns them). */
  readonly schedule: Schedule;
  /** Runs a check started by an edit as background work, until its offer is answered. */
  readonly track: <T>(label: string, work: Promise<T>) => Promise<T>;
  /** Shows the offers. */
  readonly notifier: Pick<Notifier, 'show'>;
  /** Runs the command an offer opens (Log Time, Start Timer). */
  readonly runCommand: (command: string) => PromiseLike<unknown>;
  /** Edits are what "editing with no timer running" counts. */
  readonly workbench: Pick<WorkbenchEvents, 'onDidEditDocument'>;
}

/**
 * Opt-in nudges (`intervals.reminders`): near the end of the working day, when today's logged time
 * is under the target, an offer to log time; while editing for a while with no timer running, an
 * offer to start one. The decisions are in reminderPolicy.ts; this class feeds them the clock,
 * edits, timers and answers, and shows the notifications. A window only wakes up while reminders
 * are on and someone is signed in, and asks the service at most once a day.
 */
export class ReminderService extends Disposable {
  private editing: EditingState = NOT_EDITING;
  private cancelWakeUp: (() => void) | undefined;
  private lastEditCheck = Number.NEGATIVE_INFINITY;
  private logTimeRetryAt = Number.NEGATIVE_INFINITY;
  private readonly busy = new Set<ReminderKind>();

  constructor(private readonly deps: ReminderDependencies) {
    super();
    this.register({ dispose: () => this.cancelWakeUp?.() });
    this.register(
      deps.settings.onDidChange((affects) => {
        if (affects('intervals.reminders') && deps.settings.reminders.enabled) {
          // Turning reminders on again undoes every "Don't ask again".
          void this.updateAnswers((answers) => ({ ...answers, never: {} }));
        }
        if (['intervals.reminders', 'intervals.workdayStart', 'intervals.workdayEnd'].some(affects)) {
          this.reschedule();
        }
      }),
    );
    this.register(deps.session.onDidChange(() => this.reschedule()));
    this.register(
      deps.activeTimers.onDidChange((timers) => {
        if (timers.some((timer) => timer.running)) {
          this.editing = NOT_EDITING;
        }
      }),
    );
    this.register(
      deps.workbench.onDidEditDocument((scheme) => {
        if (EDITED_SCHEMES.has(scheme)) {
          this.noteEdit();
        }
      }),
    );
    void deps.claims.prune(deps.clock.now()).catch((error: unknown) => deps.log.warn(`Could not tidy reminder claims: ${String(error)}`));
    this.reschedule();
  }

  get answers(): ReminderAnswers {
    return this.deps.globalState.get<ReminderAnswers>(ANSWERS_KEY) ?? {};
  }

  /** Runs both checks now; the timer calls this, and so can tests. */
  async check(): Promise<{ logTime: ReminderOutcome; startTimer: ReminderOutcome }> {
    return { logTime: await this.checkLogTime(), startTimer: await this.checkStartTimer() };
  }

  async checkLogTime(): Promise<ReminderOutcome> {
    const now = this.deps.clock.now();
    const settings = this.deps.settings.reminders;
    const state = this.deps.session.state;
    const client = this.deps.session.client;
    if (!settings.enabled || !state.signedIn || !client) {
      return { status: 'off' };
    }
    if (!shouldRemindToLogTime(now, settings, this.answers) || this.busy.has('logTime') || now.getTime() < this.logTimeRetryAt) {
      return { status: 'notDue' };
    }
    this.busy.add('logTime');
    try {
      const key = claimKey('logTime', now);
      if (!(await this.deps.claims.claim(key))) {
        return { status: 'claimedElsewhere' };
      }
      const today = toIsoDate(now);
      let logged: number;
      try {
        const entries = await client.listAllTime({ personId: state.account.personId, dateBegin: today, dateEnd: today });
        logged = entries.reduce((sum, entry) => sum + entry.time, 0);
      } catch (error) {
        // Give the day's claim back so this or another window tries again later.
        await this.deps.claims.release(key);
        this.logTimeRetryAt = now.getTime() + RETRY_AFTER_FAILURE_MS;
        this.deps.log.warn(`Reminder: could not read today's time: ${error instanceof Error ? error.message : String(error)}`);
        return { status: 'failed' };
      }
      if (!underTarget(logged, settings.dailyTargetHours)) {
        return { status: 'targetMet' };
      }
      const message = l10n.t('You have logged {0} of your {1} in Intervals today.', describeHours(logged), describeHours(settings.dailyTargetHours));
      return this.offer('logTime', now, message, reminderActions().logTime, 'intervals.logTime');
    } finally {
      this.busy.delete('logTime');
    }
  }

  async checkStartTimer(): Promise<ReminderOutcome> {
    const now = this.deps.clock.now();
    const settings = this.deps.settings.reminders;
    if (!settings.enabled || !this.deps.session.state.signedIn) {
      return { status: 'off' };
    }
    const timerRunning = this.deps.activeTimers.all.some((timer) => timer.running);
    const editing = this.editing;
    if (!shouldOfferTimer(now, settings, this.answers, editing, timerRunning) || this.busy.has('startTimer')) {
      return { status: 'notDue' };
    }
    this.busy.add('startTimer');
    try {
      if (!(await this.deps.claims.claim(claimKey('startTimer', now)))) {
        return { status: 'claimedElsewhere' };
      }
      // The next offer waits for another stretch of editing.
      this.editing = NOT_EDITING;
      const minutes = Math.round((now.getTime() - (editing.since ?? now.getTime())) / 60_000);
      const message = l10n.t('You have been editing for {0} min with no Intervals timer running.', minutes);
      return this.offer('startTimer', now, message, reminderActions().startTimer, 'intervals.startTimer');
    } finally {
      this.busy.delete('startTimer');
    }
  }

  private offer(kind: ReminderKind, now: Date, message: string, action: string, command: string): ReminderOutcome {
    this.deps.log.info(`Reminder: ${kind}`);
    // Not awaited by the check: a notification may stay open for hours.
    const { notToday, never } = reminderActions();
    const answered = Promise.resolve(this.deps.notifier.show('information', message, action, notToday, never)).then(async (choice) => {
      try {
        if (choice === action) {
          await this.deps.runCommand(command);
        } else if (choice === notToday) {
          await this.updateAnswers((answers) => ({ ...answers, snoozedOn: { ...answers.snoozedOn, [kind]: toIsoDate(now) } }));
        } else if (choice === never) {
          await this.updateAnswers((answers) => ({ ...answers, never: { ...answers.never, [kind]: true } }));
          vscode.window.setStatusBarMessage(l10n.t('Intervals reminder turned off; turning "intervals.reminders" off and on brings it back.'), 8000);
        }
      } catch (error) {
        this.deps.log.error(error instanceof Error ? error : String(error));
      }
      return choice;
    });
    return { status: 'offered', kind, message, answered };
  }

  private noteEdit(): void {
    const now = this.deps.clock.now().getTime();
    this.editing = recordEdit(this.editing, now);
    if (now - this.lastEditCheck >= EDIT_CHECK_THROTTLE_MS) {
      this.lastEditCheck = now;
      const check = this.checkStartTimer().then((outcome) => (outcome.status === 'offered' ? outcome.answered : undefined));
      // l10n-ignore: work-scheduler label
      void this.deps.track('reminder check', check).catch((error: unknown) => this.deps.log.warn(`Reminder check failed: ${String(error)}`));
    }
  }

  private async updateAnswers(change: (answers: ReminderAnswers) => ReminderAnswers): Promise<void> {
    await this.deps.globalState.update(ANSWERS_KEY, change(this.answers));
  }

  private reschedule(): void {
    this.cancelWakeUp?.();
    this.cancelWakeUp = undefined;
    if (this.isDisposed || !this.deps.session.state.signedIn) {
      return;
    }
    const delay = nextCheckDelay(this.deps.clock.now(), this.deps.settings.reminders);
    if (!Number.isFinite(delay)) {
      return;
    }
    this.cancelWakeUp = this.deps.schedule(clampDelay(delay), () => {
      this.cancelWakeUp = undefined;
      return this.check()
        .catch((error: unknown) => this.deps.log.warn(`Reminder check failed: ${String(error)}`))
        .finally(() => this.reschedule());
    });
  }
}
