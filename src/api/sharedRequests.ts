import { cancelledError } from './retry';

interface Entry<T> {
  controller: AbortController;
  promise: Promise<T>;
  callers: number;
}

/**
 * Identical reads in flight are sent once: later callers wait for the first one's answer. Each
 * caller keeps its own cancellation; the request itself is cancelled only when every caller
 * waiting for it has cancelled.
 */
export class SharedRequests<T> {
  private readonly entries = new Map<string, Entry<T>>();

  /** Requests currently in flight. */
  get size(): number {
    return this.entries.size;
  }

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(cancelledError());
    }
    let entry = this.entries.get(key);
    if (!entry || entry.controller.signal.aborted) {
      const controller = new AbortController();
      const created: Entry<T> = { controller, callers: 0, promise: Promise.resolve(undefined as T) };
      created.promise = start(controller.signal).finally(() => {
        if (this.entries.get(key) === created) {
          this.entries.delete(key);
        }
      });
      // The shared promise may settle with no caller left to observe it.
      created.promise.catch(() => undefined);
      this.entries.set(key, created);
      entry = created;
    }
    return this.attach(entry, signal);
  }

  private attach(entry: Entry<T>, signal: AbortSignal | undefined): Promise<T> {
    entry.callers++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) {
          return;
        }
        settled = true;
        entry.callers--;
        if (entry.callers === 0) {
          entry.controller.abort();
        }
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            entry.callers--;
            resolve(value);
          }
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            entry.callers--;
            reject(error);
          }
        },
      );
    });
  }
}
