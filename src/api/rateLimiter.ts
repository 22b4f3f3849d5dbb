import { MAX_SERVER_WAIT_MS, clampDelay, systemNow, systemSleep, type Now, type Sleep } from './clock';
import { cancellableSleep, throwIfCancelled } from './retry';

export interface RateLimiterOptions {
  /** Requests allowed in any window of `windowMs`. */
  maxRequests: number;
  windowMs: number;
  now?: Now;
  sleep?: Sleep;
}

/**
 * What every request waits on before it starts. The client's own limiter counts this window's
 * requests; a shared one (given through the client's options) counts every window's.
 */
export interface RequestBudget {
  /** Resolves when a request may start, and counts it. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every request until `time` (e.g. the server sent Retry-After). */
  holdUntil(time: number): void;
}

/** Intervals allows 100 requests a minute per IP; staying a little under leaves room for other tools. */
export const DEFAULT_RATE_LIMIT = { maxRequests: 90, windowMs: 60_000 };

/**
 * Sliding-window limiter: a request may start when fewer than `maxRequests` started in the last
 * `windowMs`. Waiters are served in arrival order; one that is cancelled leaves the queue
 * without holding up the others.
 */
export class SlidingWindowLimiter implements RequestBudget {
  private readonly maxRequests: number;
  private readonly windowMs: number;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private heldUntil = 0;
  private waiting = 0;

  constructor(options: RateLimiterOptions) {
    if (!(options.maxRequests >= 1) || !(options.windowMs > 0)) {
      // l10n-ignore: programming error, never shown
      throw new RangeError('The rate limit needs at least one request per window and a positive window.');
    }
    this.maxRequests = Math.floor(options.maxRequests);
    this.windowMs = options.windowMs;
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
  }

  /** Requests waiting for a slot. */
  get pending(): number {
    return this.waiting;
  }

  /** Requests started within the current window. */
  get recent(): number {
    this.prune(this.now());
    return this.starts.length;
  }

  /** Resolves when a request may start, and counts it. */
  acquire(signal?: AbortSignal): Promise<void> {
    throwIfCancelled(signal);
    this.waiting++;
    const turn = this.tail.then(() => this.take(signal));
    const done = () => {
      this.waiting--;
    };
    void turn.then(done, done);
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every request until `time` (e.g. the server sent Retry-After). */
  holdUntil(time: number): void {
    this.heldUntil = Math.max(this.heldUntil, Math.min(time, this.now() + MAX_SERVER_WAIT_MS));
  }

  private async take(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      throwIfCancelled(signal);
      const now = this.now();
      this.prune(now);
      let waitMs = this.heldUntil - now;
      if (this.starts.length >= this.maxRequests) {
        waitMs = Math.max(waitMs, this.starts[0] + this.windowMs - now);
      }
      if (waitMs <= 0) {
        this.starts.push(now);
        return;
      }
      await cancellableSleep(this.sleep, clampDelay(waitMs), signal);
    }
  }

  private prune(now: number): void {
    while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) {
      this.starts.shift();
    }
  }
}
