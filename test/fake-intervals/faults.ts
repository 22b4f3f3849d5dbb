// Fault injection for the fake: latency, one-shot failures, dropped and stalled answers, and a
// per-minute rate limit. One queued fault is consumed per matching API request, first queued first.

export type FailureBody = 'json' | 'xml' | 'text' | 'html' | 'empty';

export interface FailureSpec {
  status: number;
  /** Intervals API error code carried in a json/xml body. */
  code: number;
  message?: string;
  /** Body shape; default: the format the request asked for. */
  body?: FailureBody;
  /** Adds a `Retry-After` header (seconds). */
  retryAfterSeconds?: number;
}

export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Resource name as in the path, e.g. `time`. */
  resource?: string;
}

export interface RateLimitOptions {
  /** 400 with API code 12 (documented behaviour, default) or 429 with `Retry-After`. */
  status?: 400 | 429;
  /** Fixed `Retry-After` for 429; default: seconds until the window frees a slot. */
  retryAfterSeconds?: number;
}

export interface FaultController {
  setLatency(ms: number): void;
  failNext(count: number, failure: FailureSpec, match?: FaultMatch): void;
  /** Destroy the socket before answering; nothing is applied. */
  dropNext(count: number, match?: FaultMatch): void;
  /** Apply the request, then destroy the socket instead of answering (ambiguous outcome). */
  commitThenDropNext(count: number, match?: FaultMatch): void;
  /** Hold the request `ms` before handling it; if the client gives up first, nothing is applied. */
  stallNext(count: number, ms: number, match?: FaultMatch): void;
  /**
   * Hold the request until the client gives up (its timeout), then apply it `delayMs` later
   * without answering: a write committed after the client stopped waiting (a slow commit).
   */
  commitLateNext(count: number, delayMs: number, match?: FaultMatch): void;
  /** Hold the request until the client gives up, then drop it: nothing is applied. */
  dropAfterTimeoutNext(count: number, match?: FaultMatch): void;
  /** Requests beyond `perMinute` in a sliding minute are refused; undefined lifts the limit. */
  setRateLimit(perMinute: number | undefined, options?: RateLimitOptions): void;
  clear(): void;
}

export type PendingFault =
  | { kind: 'fail'; failure: FailureSpec }
  | { kind: 'drop' }
  | { kind: 'commitThenDrop' }
  | { kind: 'stall'; ms: number }
  | { kind: 'commitLate'; delayMs: number }
  | { kind: 'dropAfterTimeout' };

interface QueuedFault {
  fault: PendingFault;
  remaining: number;
  match: FaultMatch;
}

export interface RateLimitVerdict {
  status: 400 | 429;
  retryAfterSeconds: number;
}

/** Serializable view of the configured faults (for the control endpoint). */
export interface FaultSnapshot {
  latencyMs: number;
  rateLimit: { perMinute: number; status: 400 | 429; retryAfterSeconds?: number } | null;
  queued: { kind: PendingFault['kind']; remaining: number; match: FaultMatch }[];
}

const WINDOW_MS = 60_000;

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`fault count must be a non-negative integer, got ${count}`);
  }
}

export class FaultState implements FaultController {
  private latencyMs = 0;
  private queue: QueuedFault[] = [];
  private rateLimit: { perMinute: number; status: 400 | 429; retryAfterSeconds?: number } | undefined;
  private admitted: number[] = [];

  get latency(): number {
    return this.latencyMs;
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`latency must be a non-negative number of milliseconds, got ${ms}`);
    }
    this.latencyMs = ms;
  }

  failNext(count: number, failure: FailureSpec, match: FaultMatch = {}): void {
    if (!Number.isInteger(failure.status) || failure.status < 100 || failure.status > 599) {
      throw new RangeError(`failure status must be an HTTP status, got ${failure.status}`);
    }
    this.enqueue(count, { kind: 'fail', failure: { ...failure } }, match);
  }

  dropNext(count: number, match: FaultMatch = {}): void {
    this.enqueue(count, { kind: 'drop' }, match);
  }

  commitThenDropNext(count: number, match: FaultMatch = {}): void {
    this.enqueue(count, { kind: 'commitThenDrop' }, match);
  }

  stallNext(count: number, ms: number, match: FaultMatch = {}): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`stall must be a non-negative number of milliseconds, got ${ms}`);
    }
    this.enqueue(count, { kind: 'stall', ms }, match);
  }

  commitLateNext(count: number, delayMs: number, match: FaultMatch = {}): void {
    if (!Number.isFinite(delayMs) || delayMs < 0) {
      throw new RangeError(`late commit delay must be a non-negative number of milliseconds, got ${delayMs}`);
    }
    this.enqueue(count, { kind: 'commitLate', delayMs }, match);
  }

  dropAfterTimeoutNext(count: number, match: FaultMatch = {}): void {
    this.enqueue(count, { kind: 'dropAfterTimeout' }, match);
  }

  setRateLimit(perMinute: number | undefined, options: RateLimitOptions = {}): void {
    if (perMinute === undefined) {
      this.rateLimit = undefined;
      this.admitted = [];
      return;
    }
    if (!Number.isInteger(perMinute) || perMinute < 0) {
      throw new RangeError(`rate limit must be a non-negative integer, got ${perMinute}`);
    }
    this.rateLimit = { perMinute, status: options.status ?? 400, retryAfterSeconds: options.retryAfterSeconds };
    this.admitted = [];
  }

  clear(): void {
    this.latencyMs = 0;
    this.queue = [];
    this.rateLimit = undefined;
    this.admitted = [];
  }

  /** Consumes and returns the first queued fault matching this request. */
  take(method: string, resource: string | undefined): PendingFault | undefined {
    const index = this.queue.findIndex(
      (entry) =>
        (entry.match.method === undefined || entry.match.method.toUpperCase() === method.toUpperCase()) &&
        (entry.match.resource === undefined || entry.match.resource === resource),
    );
    if (index < 0) {
      return undefined;
    }
    const entry = this.queue[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      this.queue.splice(index, 1);
    }
    return entry.fault;
  }

  /** Counts the request against the sliding minute; returns a verdict when it must be refused. */
  admit(nowMs: number): RateLimitVerdict | undefined {
    if (!this.rateLimit) {
      return undefined;
    }
    this.admitted = this.admitted.filter((at) => at > nowMs - WINDOW_MS);
    if (this.admitted.length >= this.rateLimit.perMinute) {
      const oldest = this.admitted[0] ?? nowMs;
      const untilFree = Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000));
      return { status: this.rateLimit.status, retryAfterSeconds: this.rateLimit.retryAfterSeconds ?? untilFree };
    }
    this.admitted.push(nowMs);
    return undefined;
  }

  snapshot(): FaultSnapshot {
    return {
      latencyMs: this.latencyMs,
      rateLimit: this.rateLimit ? { ...this.rateLimit } : null,
      queued: this.queue.map((entry) => ({ kind: entry.fault.kind, remaining: entry.remaining, match: { ...entry.match } })),
    };
  }

  private enqueue(count: number, fault: PendingFault, match: FaultMatch): void {
    checkCount(count);
    if (count > 0) {
      this.queue.push({ fault, remaining: count, match: { ...match } });
    }
  }
}
