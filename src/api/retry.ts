import * as l10n from '@vscode/l10n';
import type { Random, Sleep } from './clock';
import { IntervalsError, isRetryable } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. 1 turns retrying off. */
  maxAttempts: number;
  /** First backoff step; it doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking to wait longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
  /** Least wait after "too fast" (code 12) when the server gives no Retry-After. */
  rateLimitDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
  rateLimitDelayMs: 5_000,
};

/**
 * Only reads and deletes are repeated on their own: a POST or PUT that failed in an unclear way
 * may have been applied, and only the caller knows whether sending it again is safe.
 */
export function isRetryableMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'DELETE';
}

/**
 * Wait before the next attempt after `attempt` (1-based) failed with `error`, or undefined when
 * there should be no next attempt. Exponential backoff with equal jitter (half fixed, half
 * random) so that clients that failed together do not come back together.
 */
export function retryDelay(
  attempt: number,
  error: unknown,
  method: string,
  policy: RetryPolicy,
  random: Random,
): number | undefined {
  if (attempt >= policy.maxAttempts || !isRetryableMethod(method) || !isRetryable(error)) {
    return undefined;
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  const intervalsError = error as IntervalsError;
  if (intervalsError.retryAfterMs !== undefined) {
    if (intervalsError.retryAfterMs > policy.maxRetryAfterMs) {
      return undefined;
    }
    return Math.max(intervalsError.retryAfterMs, jittered);
  }
  if (intervalsError.kind === 'rateLimited') {
    return Math.max(policy.rateLimitDelayMs, jittered);
  }
  return Math.round(jittered);
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  error: IntervalsError;
}

export interface RetryOptions {
  method: string;
  policy: RetryPolicy;
  sleep: Sleep;
  random: Random;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

/** Runs `operation` until it succeeds, fails for good, or the attempts run out. */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const delayMs = retryDelay(attempt, error, options.method, options.policy, options.random);
      if (delayMs === undefined) {
        throw error;
      }
      options.onRetry?.({ attempt, delayMs, error: error as IntervalsError });
      await cancellableSleep(options.sleep, delayMs, options.signal);
    }
  }
}

/** Sleeps, turning an abort (before, during or reported after an injected sleep) into `cancelled`. */
export async function cancellableSleep(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfCancelled(signal);
  try {
    await sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted) {
      throw cancelledError();
    }
    throw error;
  }
  throwIfCancelled(signal);
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw cancelledError();
  }
}

export function cancelledError(): IntervalsError {
  return new IntervalsError({ kind: 'cancelled', message: l10n.t('The request was cancelled.') });
}
