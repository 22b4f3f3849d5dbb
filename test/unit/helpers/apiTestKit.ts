import type { ApiLogger } from '../../../src/api/logger';

/** A clock whose `sleep` only moves time forward, recording each wait. */
export class FakeClock {
  readonly sleeps: number[] = [];
  constructor(public time = 1_000_000) {}

  readonly now = (): number => this.time;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) {
      return Promise.reject(signal.reason as Error);
    }
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  };

  advance(ms: number): void {
    this.time += ms;
  }
}

/** Collects every log line with its level. */
export class RecordingLogger implements ApiLogger {
  readonly lines: string[] = [];
  trace(message: string): void {
    this.lines.push(`trace ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/** Awaits a promise that must reject and returns the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
