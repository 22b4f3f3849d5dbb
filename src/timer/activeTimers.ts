import { Emitter, type Event } from '../common/events';

/** A timer as the rest of the extension sees it: which task, and whether it runs now. */
export interface ActiveTimer {
  readonly timerId: number | undefined;
  readonly taskId: number;
  readonly running: boolean;
  /** Seconds counted before the current run; with `startedAt`, the time the timer shows. */
  readonly accumulatedSeconds?: number;
  /** When the current run started (epoch ms); null while paused. */
  readonly startedAt?: number | null;
}

/** The time the timer shows at `now`, in whole seconds. */
export function activeTimerSeconds(timer: Pick<ActiveTimer, 'accumulatedSeconds' | 'startedAt'>, now: Date): number {
  const run = timer.startedAt === null || timer.startedAt === undefined ? 0 : Math.max(0, now.getTime() - timer.startedAt) / 1000;
  return Math.floor((timer.accumulatedSeconds ?? 0) + run);
}

/**
 * The user's current timers, published by the timer service and read by views (the tree marks
 * the task whose timer runs or is paused). Fires only when the set of timers, their running state
 * or their time changes.
 */
export class ActiveTimers {
  private timers: readonly ActiveTimer[] = [];
  private readonly emitter = new Emitter<readonly ActiveTimer[]>();
  readonly onDidChange: Event<readonly ActiveTimer[]> = this.emitter.event;

  get all(): readonly ActiveTimer[] {
    return this.timers;
  }

  forTask(taskId: number): ActiveTimer | undefined {
    return this.timers.find((timer) => timer.taskId === taskId);
  }

  isRunning(taskId: number): boolean {
    return this.forTask(taskId)?.running === true;
  }

  set(timers: readonly ActiveTimer[]): void {
    if (sameTimers(this.timers, timers)) {
      return;
    }
    this.timers = [...timers];
    this.emitter.fire(this.timers);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function sameTimers(a: readonly ActiveTimer[], b: readonly ActiveTimer[]): boolean {
  return (
    a.length === b.length &&
    a.every((timer, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        other.timerId === timer.timerId &&
        other.taskId === timer.taskId &&
        other.running === timer.running &&
        other.accumulatedSeconds === timer.accumulatedSeconds &&
        other.startedAt === timer.startedAt
      );
    })
  );
}
