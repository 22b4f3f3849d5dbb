import * as path from 'node:path';
import { MAX_SERVER_WAIT_MS, clampDelay } from '../api/clock';
import { backoffDelay, type BackoffOptions } from '../outbox/backoff';
import { SharedFile } from '../outbox/sharedFile';
import type { StateFileSystem } from '../outbox/stateFileSystem';

export const POLL_LEASE_FILE = 'timers.poll.json';

interface LeaseContent {
  owner: string;
  /** Epoch ms until which no other window needs to poll. */
  until: number;
}

/**
 * Decides which window asks the service for the timers. A window that polls records that it did
 * and until when its answer is fresh; the others skip their poll until then and follow the
 * shared state file instead. So however many windows are open, the service is asked at most
 * once per poll interval (plus one per user action).
 */
export class PollLease {
  private readonly file: SharedFile;

  constructor(
    folder: string,
    private readonly owner: string,
    private readonly now: () => number,
    sleep?: (ms: number) => Promise<void>,
    files?: StateFileSystem,
  ) {
    this.file = new SharedFile(path.join(folder, POLL_LEASE_FILE), { owner, sleep, files });
  }

  /** True (and the lease taken for `forMs`) when no window has polled in the last `forMs`. */
  async tryTake(forMs: number): Promise<boolean> {
    return this.file.update((text) => {
      const current = readLease(text);
      const now = this.now();
      // Also this window skips a poll while its own answer is fresh (focus flapping, sign-in events).
      if (current && current.until > now && current.until - now <= forMs * 2) {
        return { result: false };
      }
      return { next: JSON.stringify({ owner: this.owner, until: now + forMs } satisfies LeaseContent), result: true };
    });
  }
}

function readLease(text: string | undefined): LeaseContent | undefined {
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const lease = value as Record<string, unknown>;
      if (typeof lease.owner === 'string' && typeof lease.until === 'number') {
        return { owner: lease.owner, until: lease.until };
      }
    }
  } catch {
    // A damaged lease is no lease: polling once too often is harmless.
  }
  return undefined;
}

export const POLL_BACKOFF: BackoffOptions = { baseMs: 30_000, maxMs: 15 * 60_000 };

/**
 * Delay before the next poll: the setting while polls succeed; after failures (rate limit,
 * server or network errors) an exponential backoff that never polls sooner than the setting,
 * nor sooner than the service asked (`retryAfterMs`).
 */
export function nextPollDelayMs(pollSeconds: number, failures: number, random: () => number, retryAfterMs = 0): number {
  const base = clampDelay(Math.max(15, pollSeconds) * 1000);
  if (failures <= 0) {
    return base;
  }
  return clampDelay(Math.max(base, clampDelay(retryAfterMs, MAX_SERVER_WAIT_MS), backoffDelay(failures, random, POLL_BACKOFF)));
}
