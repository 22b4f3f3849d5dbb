import { Emitter, type Event } from '../common/events';

/** A timer as the rest of the extension sees it: which task, and whether it runs now. */
export interface ActiveTimer {
  readonly timerId: number | undefined;
  readonly taskId: number;
  readonly running: boolean;
}

/**
 * The user's current timers, published by the timer service and read by views (the tree marks
 * the task whose timer runs). Fires only when the set of timers or their running state changes.
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
      return other !== undefined && other.timerId === timer.timerId && other.taskId === timer.taskId && other.running === timer.running;
    })
  );
}
