/** Injected time, so backoff and rate limiting can be tested without waiting. */
export type Now = () => number;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type Random = () => number;

export const systemNow: Now = () => Date.now();

export const systemRandom: Random = () => Math.random();

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
