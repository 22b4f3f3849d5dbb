import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MAX_SERVER_WAIT_MS, clampDelay, systemNow, systemSleep, type Now, type Sleep } from '../api/clock';
import { DEFAULT_RATE_LIMIT, SlidingWindowLimiter, type RequestBudget } from '../api/rateLimiter';
import { cancellableSleep, throwIfCancelled } from '../api/retry';
import { SharedFile } from '../outbox/sharedFile';
import type { StateFileSystem } from '../outbox/stateFileSystem';

export const REQUEST_BUDGET_FILE = 'requests.budget.json';

export interface SharedRequestBudgetOptions {
  /** The folder every window of the profile shares (global storage). */
  folder: string;
  /** Requests allowed in any window of `windowMs`, read at every request; 0 counts nothing. */
  maxRequests?: number | (() => number);
  windowMs?: number;
  now?: Now;
  sleep?: Sleep;
  files?: StateFileSystem;
  pid?: number;
  isProcessAlive?: (pid: number) => boolean;
  onProblem?: (message: string) => void;
}

interface BudgetContent {
  /** When the requests of the current window started, oldest first (epoch ms). */
  starts: number[];
  /** No request starts before this (the service asked to wait). */
  heldUntil: number;
}

/**
 * The request budget of all VS Code windows together. Intervals allows 100 requests a minute per
 * address, and every window of the machine sends from the same address: one window's own limit
 * lets three windows send 270. The starts of the last minute are kept in a file in the shared
 * folder, changed under its lock; a request starts only when fewer than `maxRequests` did in the
 * last `windowMs`, whichever window sent them, and not while the service asked everyone to wait.
 *
 * Should the file fail (a full disk, a read-only folder), the window falls back to counting its
 * own requests rather than stopping them.
 */
export class SharedRequestBudget implements RequestBudget {
  private readonly file: SharedFile;
  private readonly maxRequests: () => number;
  private readonly windowMs: number;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly fallback: SlidingWindowLimiter;
  private failed = false;

  constructor(private readonly options: SharedRequestBudgetOptions) {
    const max = options.maxRequests ?? DEFAULT_RATE_LIMIT.maxRequests;
    this.maxRequests = typeof max === 'function' ? max : () => max;
    this.windowMs = options.windowMs ?? DEFAULT_RATE_LIMIT.windowMs;
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.fallback = new SlidingWindowLimiter({ maxRequests: Math.max(1, this.maxRequests()), windowMs: this.windowMs, now: this.now, sleep: this.sleep });
    this.file = new SharedFile(path.join(options.folder, REQUEST_BUDGET_FILE), {
      owner: randomUUID(),
      pid: options.pid,
      isProcessAlive: options.isProcessAlive,
      files: options.files,
      sleep: (ms) => this.sleep(ms),
      retryMs: 5,
      onProblem: options.onProblem,
    });
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      throwIfCancelled(signal);
      if (this.maxRequests() <= 0) {
        return;
      }
      if (this.failed) {
        return this.fallback.acquire(signal);
      }
      let waitMs: number;
      try {
        waitMs = await this.file.update((text) => this.take(text));
      } catch (error) {
        this.failed = true;
        // l10n-ignore: log line (onProblem goes to the log)
        this.options.onProblem?.(`The request budget shared by the windows is unavailable; this window counts its own requests: ${String(error)}`);
        continue;
      }
      if (waitMs <= 0) {
        return;
      }
      await cancellableSleep(this.sleep, clampDelay(waitMs), signal);
    }
  }

  holdUntil(time: number): void {
    const until = Math.min(time, this.now() + MAX_SERVER_WAIT_MS);
    this.fallback.holdUntil(until);
    if (this.failed) {
      return;
    }
    void this.file
      .update((text) => {
        const content = read(text);
        if (content.heldUntil >= until) {
          return { result: undefined };
        }
        return { next: JSON.stringify({ ...content, heldUntil: until }), result: undefined };
      })
      .catch(() => undefined);
  }

  /** Counts a start when one is free now; otherwise how long to wait before asking again. */
  private take(text: string | undefined): { next?: string; result: number } {
    const now = this.now();
    const maxRequests = Math.max(1, Math.floor(this.maxRequests()));
    const content = read(text);
    // A start stamped in the future (a clock set back) would block everyone: drop it too.
    const starts = content.starts.filter((at) => at > now - this.windowMs && at <= now);
    const heldUntil = content.heldUntil > now + MAX_SERVER_WAIT_MS ? 0 : content.heldUntil;
    let waitMs = heldUntil - now;
    if (starts.length >= maxRequests) {
      waitMs = Math.max(waitMs, starts[starts.length - maxRequests] + this.windowMs - now);
    }
    if (waitMs > 0) {
      return { result: waitMs };
    }
    starts.push(now);
    return { next: JSON.stringify({ starts, heldUntil } satisfies BudgetContent), result: 0 };
  }
}

function read(text: string | undefined): BudgetContent {
  try {
    const value = text === undefined ? undefined : (JSON.parse(text) as Partial<BudgetContent>);
    const starts = Array.isArray(value?.starts) ? value.starts.filter((at): at is number => typeof at === 'number') : [];
    return { starts: starts.sort((a, b) => a - b), heldUntil: typeof value?.heldUntil === 'number' ? value.heldUntil : 0 };
  } catch {
    return { starts: [], heldUntil: 0 };
  }
}
