/** Injected time, so backoff and rate limiting can be tested without waiting. */
export type Now = () => number;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type Random = () => number;
/** Calls `run` once after `delayMs` (a promise it returns is work under way); returns a function that cancels it. */
export type Schedule = (delayMs: number, run: () => unknown) => () => void;

/**
 * The longest delay a JavaScript timer takes: a longer one (or `Infinity`) fires after 1 ms, which
 * turns "wait a very long time" into a busy loop.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * The longest wait the service may impose on one request (`Retry-After`, a rate-limit hold). A
 * longer answer is taken as this: the request is looked at again after an hour, never never.
 */
export const MAX_SERVER_WAIT_MS = 60 * 60_000;

/**
 * Every delay the extension arms or waits for goes through here: a whole, non-negative number of
 * milliseconds no longer than `max` (at most what a timer takes). Not-a-number is no delay.
 */
export function clampDelay(ms: number, max = MAX_TIMER_DELAY_MS): number {
  const limit = Math.min(max, MAX_TIMER_DELAY_MS);
  if (Number.isNaN(ms) || ms <= 0) {
    return 0;
  }
  return Math.min(Math.ceil(ms), limit);
}

export const systemNow: Now = () => Date.now();

export const systemRandom: Random = () => Math.random();

type SetTimer = (run: () => void, ms: number) => unknown;
type ClearTimer = (handle: never) => void;

/** A `Schedule` on the given timer functions, with the delay clamped (tests pass recording ones). */
export function timerSchedule(setTimer: SetTimer, clearTimer: ClearTimer): Schedule {
  return (delayMs, run) => {
    const handle = setTimer(run, clampDelay(delayMs));
    return () => clearTimer(handle as never);
  };
}

export const systemSchedule: Schedule = timerSchedule(setTimeout, clearTimeout as ClearTimer);

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason as Error);
    };
    const cancel = systemSchedule(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
