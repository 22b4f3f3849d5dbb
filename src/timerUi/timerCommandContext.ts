import type { AccountSession } from '../auth/accountSession';
import type { Logger } from '../common/logger';
import type { RecentTasks } from '../tasks/recentTasks';
import type { TimerEntry, TimerService } from '../timer/timerService';

/** What the timer commands share. */
export interface TimerCommandContext {
  readonly service: TimerService;
  readonly session: AccountSession;
  readonly recentTasks: RecentTasks;
  readonly log: Logger;
  /** Tells the views a timer changed (not echoed back to the timers themselves). */
  fireChange(entry: TimerEntry | undefined): void;
}
