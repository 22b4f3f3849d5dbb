import { IntervalsError, type IntervalsErrorKind } from '../../../src/api/errors';
import type { TimeFilter } from '../../../src/api/filters';
import type { TimeEntry, TimeEntryInput } from '../../../src/api/types';
import type { TimeEntryApi } from '../../../src/timeLog/timeLogSync';

export function entry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: 1,
    personId: 1,
    person: null,
    projectId: 1,
    project: 'Website',
    clientId: null,
    client: null,
    moduleId: null,
    module: null,
    taskId: 7,
    task: 'Task',
    workTypeId: 2,
    workType: 'Design',
    milestoneId: null,
    date: '2026-11-27',
    time: 1.5,
    billable: true,
    approved: false,
    description: 'Work',
    dateModified: null,
    ...overrides,
  };
}

export function failure(kind: IntervalsErrorKind, extra: { mayHaveReachedServer?: boolean; retryAfterMs?: number } = {}): IntervalsError {
  return new IntervalsError({ kind, message: `${kind} failure`, ...extra });
}

/** A server holding entries, whose next answers can be replaced by failures. */
export class FakeTimeApi implements TimeEntryApi {
  entries: TimeEntry[] = [];
  deletedTimers: number[] = [];
  posts = 0;
  lookups: TimeFilter[] = [];
  /** Each failure applies to one createTime; `commit` stores the entry first. */
  failures: Array<{ error: IntervalsError; commit?: boolean }> = [];
  private nextId = 100;

  createTime(input: TimeEntryInput): Promise<TimeEntry> {
    this.posts++;
    const failure = this.failures.shift();
    if (failure && !failure.commit) {
      return Promise.reject(failure.error);
    }
    const created = entry({ ...input, id: this.nextId++, taskId: input.taskId ?? null, description: input.description ?? null, billable: input.billable ?? true });
    this.entries.push(created);
    return failure ? Promise.reject(failure.error) : Promise.resolve(created);
  }

  listAllTime(filter?: TimeFilter): Promise<TimeEntry[]> {
    this.lookups.push(filter ?? {});
    return Promise.resolve(this.entries.filter((e) => e.date === filter?.date && e.personId === filter.personId));
  }

  deleteTimer(id: number): Promise<void> {
    this.deletedTimers.push(id);
    return Promise.resolve();
  }
}
