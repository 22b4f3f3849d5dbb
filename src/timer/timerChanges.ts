import { ContextKey, type ContextKeyName } from '../common/contextKeys';
import type { DataChange } from '../common/dataChanges';
import type { Event, Subscription } from '../common/events';
import type { ActiveTimer } from './activeTimers';
import { isRunning } from './timerModel';
import type { TimerEntry } from './timerService';

export interface TimerChangesOptions {
  readonly timers: { readonly onDidChange: Event<readonly TimerEntry[]> };
  /** Where views read which task's timer runs. */
  readonly activeTimers: { set(timers: readonly ActiveTimer[]): void };
  readonly contextKeys: { set(key: ContextKeyName, value: unknown): Promise<void> };
  readonly changes: { fire(change: DataChange): void; readonly onDidChange: Event<DataChange> };
  /** The status bar item, redrawn on every change. */
  readonly statusBar: { update(): void };
  /** Another part of the extension changed a timer (the time log deleted a logged one): read them again. */
  readonly onChangedElsewhere: () => void;
}

/**
 * Tells the rest of the extension about the timers: which tasks have one (the tree marks them),
 * the context keys of the menus, the status bar, and the data-change channel. A change the timer
 * commands announce is not echoed back to the timers themselves.
 */
export class TimerChanges {
  private firingOwnChange = false;
  private readonly subscriptions: Subscription[];

  constructor(private readonly options: TimerChangesOptions) {
    this.subscriptions = [
      options.timers.onDidChange((entries) => this.publish(entries)),
      options.changes.onDidChange((change) => {
        if (change.resource === 'timer' && !this.firingOwnChange) {
          options.onChangedElsewhere();
        }
      }),
    ];
  }

  /** A timer command changed this timer (or, undefined, some timer): the views hear of it. */
  fire(entry: TimerEntry | undefined): void {
    this.firingOwnChange = true;
    try {
      this.options.changes.fire({ resource: 'timer', ...(entry?.timer.id !== undefined ? { id: entry.timer.id } : {}) });
    } finally {
      this.firingOwnChange = false;
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private publish(entries: readonly TimerEntry[]): void {
    this.options.activeTimers.set(
      entries
        .filter((entry) => entry.timer.taskId !== undefined)
        .map((entry) => ({
          timerId: entry.timer.id,
          taskId: entry.timer.taskId as number,
          running: isRunning(entry.timer),
          accumulatedSeconds: entry.timer.accumulatedSeconds,
          startedAt: entry.timer.startedAt?.getTime() ?? null,
        })),
    );
    void this.options.contextKeys.set(ContextKey.hasTimer, entries.length > 0);
    void this.options.contextKeys.set(
      ContextKey.timerRunning,
      entries.some((entry) => isRunning(entry.timer)),
    );
    this.options.statusBar.update();
  }
}
