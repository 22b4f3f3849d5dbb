import { createHash } from 'node:crypto';
import { isIntervalsError } from '../api/errors';
import type { TimeEntry } from '../api/types';
import type { TimeFilter } from '../api/filters';
import type { FailureClassification } from '../outbox/outbox';
import type { QueuedTimeEntry } from './timeEntryDraft';

// Why an entry waits, how a failed send is sorted, and what the lookup after an uncertain send uses.

/** The kind of a time entry in the outbox. */
export const TIME_ENTRY_KIND = 'time';

/**
 * Why an entry waits instead of being logged at once: the service could not be reached (or timed
 * out), answered with a server error, asked to slow down, refused the token or nobody is signed in
 * (the user is asked to sign in again), or another VS Code window is sending it or already has.
 */
export type WaitReason = 'unreachable' | 'serverError' | 'rateLimited' | 'signedOut' | 'otherWindow';

/** The wait reason a failed attempt of this window gives; `otherwise` when this window made none. */
export function waitReason(attempt: { error?: unknown } | undefined, otherwise: WaitReason): WaitReason {
  if (!attempt || attempt.error === undefined) {
    return otherwise;
  }
  const error = attempt.error;
  if (!isIntervalsError(error)) {
    return 'unreachable';
  }
  switch (error.kind) {
    case 'rateLimited':
      return 'rateLimited';
    case 'unauthorized':
      return 'signedOut';
    case 'server':
      return 'serverError';
    default:
      return 'unreachable';
  }
}

/**
 * Sorts the failure of a time-entry write. The service refusing the values (validation,
 * permission, a task that no longer exists) is final: sending again would fail again. Anything
 * else is temporary; when the request may have been applied (timeout, connection lost after
 * sending, a 5xx from the service itself) the entry must be looked up before it is sent again.
 */
export function classifyTimeFailure(error: unknown): FailureClassification {
  if (error instanceof NotSentError) {
    // The look before the first send failed: nothing was sent, so nothing is uncertain.
    const inner = classifyTimeFailure(error.cause);
    const kind = typeof inner === 'string' ? inner : inner.kind;
    return kind === 'uncertain' ? 'retryable' : inner;
  }
  if (!isIntervalsError(error)) {
    return 'uncertain';
  }
  switch (error.kind) {
    case 'validation':
    case 'forbidden':
    case 'notFound':
      return 'fatal';
    case 'rateLimited':
      return { kind: 'retryable', retryAfterMs: error.retryAfterMs };
    case 'unauthorized':
      // Kept for after the next sign-in rather than lost.
      return 'retryable';
    default:
      return error.mayHaveReachedServer || error.kind === 'badResponse' ? 'uncertain' : 'retryable';
  }
}

/**
 * Names a server entry in the outbox's receipts. An id alone could name another entry on another
 * server or account (the demo server, a restored one), so what the lookup compares is part of it.
 */
export function entryRef(entry: Pick<TimeEntry, 'id' | 'personId' | 'date' | 'taskId' | 'workTypeId' | 'time' | 'description'>): string {
  const fingerprint = [entry.personId, entry.id, entry.date, entry.taskId ?? null, entry.workTypeId, entry.time.toFixed(2), (entry.description ?? '').trim()];
  return `${TIME_ENTRY_KIND}:${createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex').slice(0, 24)}`;
}

/** A failure before the entry's request went out: the request was not sent. */
export class NotSentError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NotSentError';
  }
}

/**
 * What the service held before an entry's first attempt: the ids of that person's entries on that
 * day (and task). An entry among them existed before, so it can never be this attempt's result.
 */
export interface EntrySnapshot {
  ids: number[];
}

export function readSnapshot(value: unknown): EntrySnapshot | undefined {
  if (typeof value === 'object' && value !== null && Array.isArray((value as EntrySnapshot).ids)) {
    return { ids: (value as EntrySnapshot).ids.filter((id) => typeof id === 'number') };
  }
  return undefined;
}

/** The entries an attempt for `input` could have created are among these. */
export function lookupFilter(input: QueuedTimeEntry['input']): TimeFilter {
  return { personId: input.personId, date: input.date, ...(input.taskId != null ? { taskId: input.taskId } : {}) };
}

export function describeTimeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The entry is sent again by itself: advice to try again would mislead where it is shown.
  return message.replace(/\s*(?:Check your connection and try again|Try again [^.]*)\.$/, '');
}
