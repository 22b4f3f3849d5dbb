import { IntervalsError } from '../../src/api/errors';
import type { TimeFilter, TimerFilter } from '../../src/api/filters';
import type { TimeEntry, TimeEntryInput, Timer, TimerInput } from '../../src/api/types';
import type { TimeEntryApi } from '../../src/timeLog/timeLogSync';
import type { TimerApi } from '../../src/timer/timerService';
import type { Random } from './random';

/** What happens to one request. */
export type Fault = 'ok' | 'drop' | 'delay' | 'lateCommit' | 'heldAndDropped' | 'commitThenDrop' | 'server500' | 'rateLimited';

export const FAULTS: readonly Fault[] = ['drop', 'delay', 'lateCommit', 'heldAndDropped', 'commitThenDrop', 'server500', 'rateLimited'];

/** How the service stores an entry's description and hours (see the fake server's `TimeStorage`). */
export interface Storage {
  descriptions: 'raw' | 'escaped' | 'stripped';
}

interface LateWrite {
  at: number;
  apply: () => void;
}

/**
 * Intervals' time entries and timers in memory, on the campaign's clock, answering through the
 * interfaces the domain services use, with a fault drawn for every request: dropped before it
 * arrives, slowed, committed after the client gave up (applied up to a minute later), held past
 * the timeout and dropped, committed with the answer lost, a 500 (applied or not), rate limited
 * (sometimes with an absurd Retry-After). Faults stop when `healthy` is set.
 */
export class SimulatedIntervals {
  readonly entries: TimeEntry[] = [];
  readonly timers: Timer[] = [];
  readonly survived = new Map<Fault, number>();
  healthy = false;
  /** With INTERVALS_CAMPAIGN_TRACE set: every request and its fault. */
  readonly trace: string[] = [];
  private nextId = 1000;
  private readonly late: LateWrite[] = [];

  constructor(
    private readonly random: Random,
    private readonly clock: { now(): number; advance(ms: number): void },
    private readonly faultRate: number,
    private readonly storage: Storage,
  ) {}

  /** Applies the late writes whose time has come. */
  catchUp(): void {
    const now = this.clock.now();
    for (const write of this.late.filter((each) => each.at <= now)) {
      this.late.splice(this.late.indexOf(write), 1);
      write.apply();
    }
  }

  /** Applies every late write at once (the end of a schedule). */
  flushLate(): void {
    for (const write of this.late.splice(0)) {
      write.apply();
    }
  }

  /** A web app user adds an entry the client never saw. */
  addWebAppEntry(input: TimeEntryInput): TimeEntry {
    const entry = this.stored(input);
    this.entries.push(entry);
    return entry;
  }

  timeApi(): TimeEntryApi {
    return {
      createTime: (input) => this.write('POST', () => this.insert(input), 'POST time'),
      listAllTime: (filter) => this.read(() => this.entries.filter((entry) => matchesTime(entry, filter)).map((entry) => ({ ...entry }))),
      deleteTimer: (id) => this.write('DELETE', () => this.removeTimer(id)),
    };
  }

  timerApi(): TimerApi {
    return {
      listAllTimers: (filter?: TimerFilter) =>
        this.read(() => this.timers.filter((timer) => filter?.personId === undefined || timer.personId === filter.personId).map((timer) => ({ ...timer }))),
      createTimer: (input) => this.write('POST', () => this.createTimer(input), `POST timer ${input.taskId} ${input.time} ${input.startTime}`),
      updateTimer: (id, patch) => this.write('PUT', () => this.updateTimer(id, patch), `PUT timer ${id} ${patch.time} ${patch.startTime}`),
      deleteTimer: (id) => this.write('DELETE', () => this.removeTimer(id)),
    };
  }

  private fault(what: string): Fault {
    this.catchUp();
    const fault = this.healthy || this.random.next() >= this.faultRate ? 'ok' : this.random.pick(FAULTS);
    if (process.env.INTERVALS_CAMPAIGN_TRACE) {
      this.trace.push(`${what}:${fault}`);
    }
    if (fault === 'ok') {
      return fault;
    }
    this.survived.set(fault, (this.survived.get(fault) ?? 0) + 1);
    return fault;
  }

  private async read<T>(answer: () => T): Promise<T> {
    await Promise.resolve();
    const fault = this.fault('GET');
    switch (fault) {
      case 'ok':
      case 'lateCommit':
      case 'commitThenDrop':
        return answer();
      case 'delay':
        this.clock.advance(this.random.int(1, 20) * 1000);
        return answer();
      case 'rateLimited':
        throw this.rateLimited('GET');
      case 'server500':
        throw error('server', 'GET', false, 500);
      default:
        throw error(fault === 'drop' ? 'network' : 'timeout', 'GET', false);
    }
  }

  private async write<T>(method: string, apply: () => T, what = method): Promise<T> {
    await Promise.resolve();
    const fault = this.fault(what);
    switch (fault) {
      case 'ok':
        return apply();
      case 'delay': {
        this.clock.advance(this.random.int(1, 20) * 1000);
        return apply();
      }
      case 'drop':
        throw error('network', method, false);
      case 'lateCommit':
        // The client gives up after its timeout; the service applies the write within a minute.
        this.late.push({ at: this.clock.now() + this.random.int(0, 60) * 1000, apply: () => void swallow(apply) });
        throw error('timeout', method, true);
      case 'heldAndDropped':
        throw error('timeout', method, true);
      case 'commitThenDrop':
        swallow(apply);
        throw error('network', method, true);
      case 'server500':
        if (this.random.next() < 0.5) {
          swallow(apply);
        }
        throw error('server', method, true, 500);
      case 'rateLimited':
        throw this.rateLimited(method);
    }
  }

  private rateLimited(method: string): IntervalsError {
    // Now and then an absurd Retry-After (a year), which must neither spin nor stall.
    const retryAfterMs = this.random.next() < 0.2 ? 365 * 24 * 3600_000 : this.random.int(1, 90) * 1000;
    return new IntervalsError({ kind: 'rateLimited', message: 'too many requests', status: 429, retryAfterMs: Math.min(retryAfterMs, 3600_000), method });
  }

  private stored(input: TimeEntryInput): TimeEntry {
    const description = input.description ?? null;
    return {
      id: this.nextId++,
      personId: input.personId,
      person: null,
      projectId: input.projectId ?? null,
      project: null,
      clientId: null,
      client: null,
      moduleId: null,
      module: null,
      taskId: input.taskId ?? null,
      task: null,
      workTypeId: input.workTypeId,
      workType: null,
      milestoneId: null,
      date: input.date,
      time: input.time,
      billable: input.billable ?? true,
      approved: false,
      description: description === null ? null : storeText(description, this.storage),
      dateModified: null,
    };
  }

  private insert(input: TimeEntryInput): TimeEntry {
    const entry = this.stored(input);
    this.entries.push(entry);
    return { ...entry };
  }

  private createTimer(input: TimerInput): Timer {
    if (input.taskId != null && this.timers.some((timer) => timer.taskId === input.taskId && timer.personId === input.personId)) {
      throw new IntervalsError({ kind: 'validation', message: 'one timer per task', status: 400, code: 18 });
    }
    const timer: Timer = {
      id: this.nextId++,
      name: null,
      personId: input.personId ?? null,
      taskId: input.taskId ?? null,
      task: null,
      taskLocalId: null,
      projectId: null,
      project: null,
      clientId: null,
      client: null,
      time: input.time ?? 0,
      startTime: input.startTime ?? null,
      running: !!input.startTime,
      lastUpdate: null,
    };
    this.timers.push(timer);
    return { ...timer };
  }

  private updateTimer(id: number, patch: TimerInput): Timer {
    const timer = this.timers.find((each) => each.id === id);
    if (!timer) {
      throw new IntervalsError({ kind: 'notFound', message: `timer ${id} does not exist`, status: 404, code: 14 });
    }
    if (patch.time !== undefined) {
      timer.time = patch.time;
    }
    if (patch.startTime !== undefined) {
      timer.startTime = patch.startTime;
      timer.running = !!patch.startTime;
    }
    return { ...timer };
  }

  private removeTimer(id: number): void {
    const index = this.timers.findIndex((each) => each.id === id);
    if (index < 0) {
      throw new IntervalsError({ kind: 'notFound', message: `timer ${id} does not exist`, status: 404, code: 14 });
    }
    this.timers.splice(index, 1);
  }
}

function swallow(apply: () => unknown): void {
  try {
    apply();
  } catch {
    // A late or lost write that the service refused changes nothing.
  }
}

function error(kind: 'network' | 'timeout' | 'server', method: string, mayHaveReachedServer: boolean, status?: number): IntervalsError {
  return new IntervalsError({ kind, message: `${kind} (simulated)`, method, mayHaveReachedServer, ...(status !== undefined ? { status } : {}) });
}

function matchesTime(entry: TimeEntry, filter: TimeFilter | undefined): boolean {
  return (
    (filter?.personId === undefined || entry.personId === filter.personId) &&
    (filter?.date === undefined || entry.date === filter.date) &&
    (filter?.taskId === undefined || entry.taskId === filter.taskId)
  );
}

function storeText(text: string, storage: Storage): string {
  switch (storage.descriptions) {
    case 'escaped':
      return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    case 'stripped':
      return text.replace(/<[^>]*>/g, '');
    default:
      return text;
  }
}
