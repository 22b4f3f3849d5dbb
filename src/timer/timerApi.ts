import type { Timer, TimerInput } from '../api/types';
import type { TimerFilter } from '../api/filters';

/** The part of `IntervalsClient` the timers use (an interface so unit tests can pass a fake). */
export interface TimerApi {
  listAllTimers(filter?: TimerFilter): Promise<Timer[]>;
  createTimer(input: TimerInput): Promise<Timer>;
  updateTimer(id: number, patch: TimerInput): Promise<Timer>;
  deleteTimer(id: number): Promise<void>;
}

export interface TimerLog {
  info(message: string): void;
  warn(message: string): void;
}
