export interface BackoffOptions {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay grows beyond this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 15 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the delay doubles with every failed attempt up to
 * `maxMs`, and a random half of it is added, so windows that lost their connection together do
 * not all retry at the same instant, yet none retries sooner than half the nominal delay.
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function backoffDelay(attempts: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  const nominal = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 52));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(nominal / 2 + (jitter * nominal) / 2);
}
