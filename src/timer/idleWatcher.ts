import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkOwner } from '../common/backgroundWork';
import type { Clock } from '../common/clock';
import type { Subscription } from '../common/events';
import type { Notifier } from '../common/notifier';
import type { AffectsSetting } from '../common/settings';
import type { WorkbenchEvents } from '../common/workbenchEvents';
import { taskLabel, type TaskSummary } from '../tasks/taskReference';
import { formatDuration } from '../time/duration';
import { formatTimeOfDay } from '../time/localeFormat';
import { IdleTracker, idleThresholdMs, type IdlePeriod } from './idleTracker';
import { isRunning, type IdleChoice } from './timerModel';
import type { TimerEntry, TimerTarget } from './timerService';

const ACTIVITY_FILE = 'timers.activity.json';
/** Other windows learn of activity here at most this often; idle thresholds are minutes. */
const ACTIVITY_WRITE_MS = 30_000;


/** What a touch of the window was: it lost the focus, got it back, or was used. */
export type IdleEventKind = 'blur' | 'focus' | 'activity';

export interface IdleQuestion {
  readonly idleSeconds: number;
  readonly idleStart: Date;
  readonly task: TaskSummary | undefined;
}

/** Asks what to do with the idle time; undefined (dismissed) keeps it, as if nothing was asked. */
export type IdleAsker = (question: IdleQuestion) => Promise<IdleChoice | undefined>;

/** The question as a notification: the user may answer later, the timer runs on meanwhile. */
export function askInNotification(notifier: Pick<Notifier, 'show'>): IdleAsker {
  return async (question) => {
    const since = formatTimeOfDay(question.idleStart);
    const away = formatDuration(question.idleSeconds);
    const message = question.task
      ? l10n.t('You were away for {0} (since {1}) while the timer on {2} ran.', away, since, taskLabel(question.task))
      : l10n.t('You were away for {0} (since {1}) while the timer ran.', away, since);
    const [keep, discard, stop] = [l10n.t('Keep Time'), l10n.t('Discard Idle Time'), l10n.t('Stop Timer When Idle Began')];
    const answer = await notifier.show('information', message, keep, discard, stop);
    return answer === discard ? 'discard' : answer === stop ? 'stopAtIdleStart' : answer === keep ? 'keep' : undefined;
  };
}

export interface IdleWatcherOptions {
  readonly timers: {
    readonly entries: readonly TimerEntry[];
    resolveIdle(target: TimerTarget, idleStart: Date, choice: IdleChoice): Promise<TimerEntry | undefined>;
  };
  readonly clock: Clock;
  readonly settings: { readonly idleMinutes: unknown; onDidChange(listener: (affects: AffectsSetting) => void): Subscription };
  readonly workbench: WorkbenchEvents;
  /** Asks what to do with the idle time (`askInNotification`). */
  readonly ask: IdleAsker;
  /** The folder every window shares, where the last activity of any window is kept. */
  readonly folder: string;
  readonly work: Pick<WorkOwner, 'track'>;
  /** A timer changed because of the answer. */
  readonly onResolved: (entry: TimerEntry | undefined) => void;
}

/**
 * Away from VS Code (unfocused or untouched) for `intervals.idleMinutes` while a timer runs?
 * On return, asks whether to keep the time, discard the idle part, or stop the timer when idle
 * began. Activity in another window counts as presence: each window shares its last touch.
 */
export class IdleWatcher {
  private threshold: number;
  private readonly tracker: IdleTracker;
  private asking = false;
  private lastActivityWrite = 0;
  private lastElsewhere = 0;
  private readonly activityFile: string;
  private readonly subscriptions: Subscription[];

  constructor(private readonly options: IdleWatcherOptions) {
    // Selection changes fire on every keystroke: the setting is read once, not per event.
    this.threshold = idleThresholdMs(options.settings.idleMinutes);
    this.tracker = new IdleTracker(options.clock.now().getTime(), options.workbench.focused);
    this.activityFile = path.join(options.folder, ACTIVITY_FILE);
    this.subscriptions = [
      options.workbench.onDidChangeFocus((focused) => void this.observe(focused ? 'focus' : 'blur')),
      options.workbench.onDidEditDocument((scheme) => {
        if (scheme !== 'output') {
          void this.observe('activity');
        }
      }),
      options.workbench.onDidTouch(() => void this.observe('activity')),
      options.settings.onDidChange((affects) => {
        if (affects('intervals.idleMinutes')) {
          this.threshold = idleThresholdMs(options.settings.idleMinutes);
        }
      }),
    ];
  }

  /** Takes a touch of the window at the clock's time; resolves to the answer when it asked. */
  async observe(kind: IdleEventKind): Promise<IdleChoice | undefined> {
    const at = this.options.clock.now().getTime();
    const threshold = this.threshold;
    if (kind === 'blur') {
      this.tracker.focusChanged(false, at, threshold);
      this.shareActivity(at);
      return undefined;
    }
    if (threshold === 0 || !this.options.timers.entries.some((entry) => isRunning(entry.timer))) {
      // Nothing to ask about: just keep the record of the last touch current.
      this.tracker.focusChanged(true, at, 0);
      this.shareActivity(at);
      return undefined;
    }
    if (at - this.tracker.lastActivityAt >= threshold) {
      const seen = await this.readElsewhere();
      // Activity "after" now was stamped before the clock was set back: not evidence of presence.
      this.lastElsewhere = seen <= at ? seen : 0;
    }
    const period =
      kind === 'focus' ? this.tracker.focusChanged(true, at, threshold, this.lastElsewhere) : this.tracker.activity(at, threshold, this.lastElsewhere);
    this.shareActivity(at);
    return this.handle(period);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private async handle(period: IdlePeriod | undefined): Promise<IdleChoice | undefined> {
    const running = this.options.timers.entries.find((entry) => isRunning(entry.timer));
    if (!period || !running || this.asking || (running.timer.startedAt && running.timer.startedAt.getTime() >= period.returnedAt.getTime())) {
      return undefined;
    }
    this.asking = true;
    try {
      const choice = await this.options.ask({ idleSeconds: period.idleSeconds, idleStart: period.idleStart, task: running.task });
      if (choice && choice !== 'keep') {
        this.options.onResolved(await this.options.timers.resolveIdle(running.key, period.idleStart, choice));
      }
      return choice;
    } finally {
      this.asking = false;
    }
  }

  private async readElsewhere(): Promise<number> {
    try {
      const value: unknown = JSON.parse(await fs.readFile(this.activityFile, 'utf8'));
      return typeof value === 'object' && value !== null && typeof (value as { at?: unknown }).at === 'number' ? (value as { at: number }).at : 0;
    } catch {
      return 0;
    }
  }

  private shareActivity(at: number): void {
    // A clock set back makes the last write look like the future: write then too.
    if (at >= this.lastActivityWrite && at - this.lastActivityWrite < ACTIVITY_WRITE_MS) {
      return;
    }
    this.lastActivityWrite = at;
    // l10n-ignore: work-scheduler label
    void this.options.work.track('timer activity', fs.writeFile(this.activityFile, JSON.stringify({ at }))).catch(() => undefined);
  }
}
