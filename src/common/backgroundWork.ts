import { clampDelay, type Schedule } from '../api/clock';

/** Timers armed this soon are the tail of work under way (a debounce, a redraw), not a later wake-up. */
export const SOON_MS = 1_000;

type SetTimer = (run: () => void, ms: number) => unknown;
type ClearTimer = (handle: never) => void;

interface Armed {
  readonly label: string;
  readonly dueAt: number;
  readonly handle: unknown;
}

/** What is under way or armed, by name, for the log and for a check that nothing was left behind. */
export interface WorkSnapshot {
  /** Work running now (a sync pass, a poll, a reload). */
  readonly running: readonly string[];
  /** Timers armed to fire within `SOON_MS`. */
  readonly soon: readonly string[];
  /** Timers armed to fire later (a poll, a retry after its backoff, a reminder). */
  readonly later: readonly string[];
}

/** What a service needs of the background work: to run work under a name, and to arm a named timer. */
export type WorkOwner = Pick<BackgroundWork, 'track' | 'schedule'>;

/**
 * The one owner of the extension's background work: every timer it arms and every pass it runs
 * on its own (sync passes, polls, reloads of a file another window wrote). Disposing it cancels
 * every timer; `idle()` settles once nothing runs and nothing is about to, which is what a closing
 * window waits for before it goes, so that a write under way is not cut off.
 */
export class BackgroundWork {
  private readonly running = new Map<Promise<unknown>, string>();
  private readonly armed = new Set<Armed>();
  private readonly waiters = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly setTimer: SetTimer = setTimeout,
    private readonly clearTimer: ClearTimer = clearTimeout as ClearTimer,
  ) {}

  /** Runs `work` as background work named `label`; the promise is returned unchanged. */
  track<T>(label: string, work: Promise<T>): Promise<T> {
    this.running.set(work, label);
    const done = (): void => {
      this.running.delete(work);
      this.changed();
    };
    work.then(done, done);
    return work;
  }

  /**
   * A `Schedule` whose timers are named `label`, owned here and clamped to what a timer takes. A
   * callback that returns a promise is tracked as running work until it settles.
   */
  scheduler(label: string): Schedule {
    return (delayMs, run) => this.schedule(label, delayMs, run);
  }

  schedule(label: string, delayMs: number, run: () => unknown): () => void {
    if (this.disposed) {
      return () => undefined;
    }
    const delay = clampDelay(delayMs);
    const entry: Armed = {
      label,
      dueAt: this.now() + delay,
      handle: this.setTimer(() => {
        if (!this.armed.delete(entry)) {
          return;
        }
        try {
          const result = run();
          if (result instanceof Promise) {
            void this.track(label, result).catch(() => undefined);
          }
        } finally {
          this.changed();
        }
      }, delay),
    };
    this.armed.add(entry);
    return () => {
      if (this.armed.delete(entry)) {
        this.clearTimer(entry.handle as never);
        this.changed();
      }
    };
  }

  snapshot(): WorkSnapshot {
    const now = this.now();
    const soon: string[] = [];
    const later: string[] = [];
    for (const entry of this.armed) {
      (entry.dueAt - now <= SOON_MS ? soon : later).push(entry.label);
    }
    return { running: [...this.running.values()], soon, later };
  }

  /** Settles once no work runs and no timer is due within `SOON_MS` (work that starts meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.busy()) {
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  /** Cancels every timer; work already running finishes on its own. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.armed) {
      this.clearTimer(entry.handle as never);
    }
    this.armed.clear();
    this.changed();
  }

  private busy(): boolean {
    const snapshot = this.snapshot();
    return snapshot.running.length > 0 || snapshot.soon.length > 0;
  }

  private changed(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) {
      wake();
    }
  }
}
