import type { IntervalsClient } from '../api/client';
import { clampDelay, type Schedule } from '../api/clock';
import { isIntervalsError } from '../api/errors';
import type { TimeEntry } from '../api/types';
import { Emitter, type Event } from '../common/events';
import {
  NotSentError,
  TIME_ENTRY_KIND,
  describeTimeFailure,
  entryRef,
  lookupFilter,
  readSnapshot,
  waitReason,
  type EntrySnapshot,
  type WaitReason,
} from './timeEntryFailures';
import type { DrainReport, Outbox, OutboxItem } from '../outbox/outbox';
import { isSameEntry, type QueuedTimeEntry } from './timeEntryDraft';

/** The part of the API client the time log uses (tests pass a small stand-in). */
export type TimeEntryApi = Pick<IntervalsClient, 'createTime' | 'listAllTime' | 'deleteTimer'>;

export const RECONNECT_INTERVAL_MS = 30_000;

export * from './timeEntryFailures';

export type SubmitResult =
  | { status: 'logged'; entry: TimeEntry }
  | { status: 'queued'; id: string; reason: WaitReason }
  | { status: 'invalid' | 'failed'; message: string };

/** What happened to a queued entry once it reached the service. */
export interface EntryConfirmed {
  entry: TimeEntry;
  queued: QueuedTimeEntry;
  /** True when an earlier attempt had created it and the lookup found it. */
  foundOnServer: boolean;
}

export interface TimeLogSyncOptions {
  outbox: Outbox<QueuedTimeEntry>;
  /** The signed-in client, or undefined (then nothing is sent and entries wait). */
  api: () => TimeEntryApi | undefined;
  /** The signed-in person: only their entries are sent; another account's wait for its sign-in. */
  personId?: () => number | undefined;
  /**
   * Durably notes that a timer's time is now logged (it is hidden and deleted, retried until the
   * service confirms). Without it the timer is deleted once, here.
   */
  onTimerLogged?: (timerId: number) => Promise<void>;
  /** Reports a problem that does not change an entry's fate (a timer that could not be deleted). */
  onProblem?: (message: string) => void;
  /** Arms a one-shot timer; returns its cancel function. Injected so tests control time. */
  schedule?: Schedule;
  now?: () => number;
}

interface Attempt {
  entry?: TimeEntry;
  error?: unknown;
}

/**
 * Sends time entries through the durable outbox so none is lost: an entry is written to the
 * outbox file before its request goes out, and leaves it only once the service has it. The
 * outbox's lock and claims make one window the sender of each entry.
 */
export class TimeLogSync {
  private readonly attempts = new Map<string, Attempt>();
  /** Server entries matched or created in the current run, so two identical items never claim the same one. */
  private readonly matchedIds = new Set<number>();
  private readonly confirmedEmitter = new Emitter<EntryConfirmed>();
  private readonly timerDeletedEmitter = new Emitter<number>();
  private cancelScheduled: (() => void) | undefined;
  private lastReconnect = Number.NEGATIVE_INFINITY;
  private disposed = false;

  readonly onDidConfirm: Event<EntryConfirmed> = this.confirmedEmitter.event;
  readonly onDidDeleteTimer: Event<number> = this.timerDeletedEmitter.event;
  readonly onDidChangeWaiting: Event<readonly OutboxItem<QueuedTimeEntry>[]>;

  constructor(private readonly options: TimeLogSyncOptions) {
    this.onDidChangeWaiting = options.outbox.onDidChange;
  }

  /**
   * Queues the entry durably and sends it at once. `logged` when the service confirmed it,
   * `queued` when it waits for a retry, `invalid`/`failed` when the service refused it (then
   * it is not kept: the user corrects it and logs again).
   */
  async submit(queued: QueuedTimeEntry): Promise<SubmitResult> {
    const item = await this.options.outbox.add(TIME_ENTRY_KIND, { ...queued, snapshotFirst: true });
    let result: SubmitResult;
    try {
      result = await this.sendQueued(item);
    } catch (error) {
      // The entry is kept on disk: whatever failed after that (a lock, the disk), a later sync sends it.
      // l10n-ignore: log line
      this.options.onProblem?.(`Sending the new time entry failed; it waits to be sent: ${describeTimeFailure(error)}`);
      const attempt = this.attempts.get(item.id);
      this.attempts.delete(item.id);
      result = attempt?.entry ? { status: 'logged', entry: attempt.entry } : { status: 'queued', id: item.id, reason: waitReason(attempt, 'unreachable') };
    }
    if (result.status === 'queued' && queued.timerId !== undefined) {
      // The timer's time now waits in the entry: the timer goes, or a new run on it would be deleted
      // with it once the entry arrives, and its time could be logged a second time meanwhile.
      if (await this.noteTimerLogged(queued.timerId)) {
        this.timerDeletedEmitter.fire(queued.timerId);
      }
    }
    return result;
  }

  /** True when the timer was durably noted as logged (hidden, and deleted until that succeeds). */
  private async noteTimerLogged(timerId: number): Promise<boolean> {
    if (!this.options.onTimerLogged) {
      return false;
    }
    try {
      await this.options.onTimerLogged(timerId);
      return true;
    } catch (error) {
      // l10n-ignore: log line
      this.options.onProblem?.(`Could not note timer ${timerId} as logged: ${describeTimeFailure(error)}`);
      return false;
    }
  }

  private async sendQueued(item: OutboxItem<QueuedTimeEntry>): Promise<SubmitResult> {
    for (let round = 0; round < 3; round++) {
      await this.sync();
      const attempt = this.attempts.get(item.id);
      if (attempt?.entry) {
        this.attempts.delete(item.id);
        return { status: 'logged', entry: attempt.entry };
      }
      const current = await this.options.outbox.get(item.id);
      if (!current) {
        // Settled by another window (sent or found): it is on the server.
        return { status: 'queued', id: item.id, reason: 'otherWindow' };
      }
      if (current.state === 'failed') {
        this.attempts.delete(item.id);
        await this.options.outbox.remove(item.id);
        const error = attempt?.error;
        const invalid = isIntervalsError(error) && error.kind === 'validation';
        return { status: invalid ? 'invalid' : 'failed', message: current.lastError ?? describeTimeFailure(error) };
      }
      if (current.attempts > 0 || current.claim) {
        this.attempts.delete(item.id);
        return { status: 'queued', id: item.id, reason: waitReason(attempt, current.claim ? 'otherWindow' : this.notSentReason()) };
      }
      // A drain that was already finishing missed the new item: run another.
    }
    return { status: 'queued', id: item.id, reason: waitReason(this.attempts.get(item.id), this.notSentReason()) };
  }

  /** Why an entry this window did not even try to send waits: nobody is signed in, or no connection. */
  private notSentReason(): WaitReason {
    return this.options.api() ? 'unreachable' : 'signedOut';
  }

  /** Entries waiting to be sent, oldest first. */
  async waiting(): Promise<OutboxItem<QueuedTimeEntry>[]> {
    return (await this.options.outbox.list()).filter((item) => item.kind === TIME_ENTRY_KIND);
  }

  /** Sends every due entry now (uncertain ones are looked up first) and arms the next retry. */
  async sync(): Promise<DrainReport> {
    const api = this.options.api();
    if (!api || this.disposed) {
      return { sent: 0, confirmed: 0, retrying: 0, failed: 0 };
    }
    // Matches count within one run: two identical entries waiting together each need their own
    // server entry. Across runs ids mean nothing (another account, a restored server).
    this.matchedIds.clear();
    const personId = this.options.personId?.();
    const report = await this.options.outbox.drain(
      (item) => this.send(api, item),
      (item) => this.reconcile(api, item),
      { eligible: (item) => personId === undefined || item.payload.input.personId === personId },
    );
    await this.scheduleNext();
    return report;
  }

  /**
   * The connection seems back (the window regained focus, another request succeeded): entries
   * waiting for their next attempt are due now instead of after their backoff. Refused entries
   * wait for the user. At most once per `RECONNECT_INTERVAL_MS`, so focus changes while offline
   * do not turn into a stream of requests.
   */
  async reconnected(): Promise<DrainReport | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (now - this.lastReconnect < RECONNECT_INTERVAL_MS || !this.options.api()) {
      return undefined;
    }
    const waiting = (await this.waiting()).filter((item) => item.state !== 'failed');
    if (waiting.length === 0) {
      return undefined;
    }
    this.lastReconnect = now;
    for (const item of waiting) {
      await this.options.outbox.retry(item.id);
    }
    return this.sync();
  }

  /** The user asked to retry: every waiting entry (or one) is due now, a refused one included. */
  async retry(id?: string): Promise<DrainReport> {
    const ids = id !== undefined ? [id] : (await this.waiting()).map((item) => item.id);
    for (const each of ids) {
      await this.options.outbox.retry(each);
    }
    return this.sync();
  }

  async discard(id: string): Promise<boolean> {
    this.attempts.delete(id);
    return this.options.outbox.remove(id);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelScheduled?.();
    this.confirmedEmitter.dispose();
    this.timerDeletedEmitter.dispose();
  }

  private async send(api: TimeEntryApi, item: OutboxItem<QueuedTimeEntry>): Promise<void> {
    if (item.kind !== TIME_ENTRY_KIND) {
      // l10n-ignore: programming error, never shown
      throw new Error(`Unknown outbox item kind ${item.kind}`);
    }
    if (item.snapshot === undefined) {
      // Noted durably before the first request, so the lookup after an interrupted attempt can
      // tell the entry it made from identical ones made before (in the web app, elsewhere).
      try {
        const before = await api.listAllTime(lookupFilter(item.payload.input));
        await this.options.outbox.setSnapshot(item.id, { ids: before.map((entry) => entry.id) } satisfies EntrySnapshot);
      } catch (error) {
        this.attempts.set(item.id, { error });
        throw new NotSentError(error);
      }
    }
    let entry: TimeEntry;
    try {
      entry = await api.createTime(item.payload.input);
    } catch (error) {
      this.attempts.set(item.id, { error });
      throw error;
    }
    this.matchedIds.add(entry.id);
    this.attempts.set(item.id, { entry });
    try {
      await this.options.outbox.reserve(item.id, entryRef(entry));
    } catch (error) {
      // The entry is on the server either way; without the receipt a later lookup could only be less sure.
      // l10n-ignore: log line
      this.options.onProblem?.(`Could not note time entry ${entry.id} as sent: ${describeTimeFailure(error)}`);
    }
    await this.confirmed(api, entry, item.payload, false);
  }

  /**
   * Looks for the entry an interrupted attempt may have created. A server entry that is the
   * result of another item (its receipt says so) is never taken: two identical entries logged
   * a minute apart are two entries, whichever order their lookups run in.
   */
  private async reconcile(api: TimeEntryApi, item: OutboxItem<QueuedTimeEntry>): Promise<'exists' | 'absent'> {
    const input = item.payload.input;
    const snapshot = readSnapshot(item.snapshot);
    if (!snapshot && item.payload.snapshotFirst) {
      // Interrupted before its first request went out: there is nothing to find.
      return 'absent';
    }
    const existedBefore = new Set(snapshot?.ids ?? []);
    const found = await api.listAllTime(lookupFilter(input));
    const owners = new Map((await this.options.outbox.receipts()).map((receipt) => [receipt.ref, receipt.itemId]));
    const candidates = found
      .filter((candidate) => !this.matchedIds.has(candidate.id) && !existedBefore.has(candidate.id) && isSameEntry(candidate, input))
      .filter((candidate) => (owners.get(entryRef(candidate)) ?? item.id) === item.id)
      // Its own receipt (the attempt got through, the window closed before it was settled) first.
      .sort((a, b) => Number(owners.has(entryRef(b))) - Number(owners.has(entryRef(a))));
    for (const entry of candidates) {
      // Another window may be looking up an identical item right now: the receipt decides.
      if (!(await this.options.outbox.reserve(item.id, entryRef(entry)))) {
        continue;
      }
      this.matchedIds.add(entry.id);
      this.attempts.set(item.id, { entry });
      await this.confirmed(api, entry, item.payload, true);
      return 'exists';
    }
    return 'absent';
  }

  /** Runs once an entry is on the service; never throws, so the entry is never sent twice. */
  private async confirmed(api: TimeEntryApi, entry: TimeEntry, queued: QueuedTimeEntry, foundOnServer: boolean): Promise<void> {
    if (queued.timerId !== undefined) {
      const noted = await this.noteTimerLogged(queued.timerId);
      try {
        await api.deleteTimer(queued.timerId);
        this.timerDeletedEmitter.fire(queued.timerId);
      } catch (error) {
        if (isIntervalsError(error) && error.kind === 'notFound') {
          this.timerDeletedEmitter.fire(queued.timerId);
        } else {
          this.options.onProblem?.(
            // l10n-ignore: log line
            `The time was logged, but timer ${queued.timerId} could not be deleted${noted ? ' yet (it is hidden and deleted on the next sync)' : ''}: ${describeTimeFailure(error)}`,
          );
        }
      }
    }
    this.confirmedEmitter.fire({ entry, queued, foundOnServer });
  }

  private async scheduleNext(): Promise<void> {
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    const schedule = this.options.schedule;
    if (!schedule || this.disposed) {
      return;
    }
    const dueAt = await this.options.outbox.nextDueAt();
    if (dueAt === undefined) {
      return;
    }
    const delay = clampDelay(Math.max(1_000, dueAt - (this.options.now ?? Date.now)()));
    this.cancelScheduled = schedule(delay, () => {
      this.cancelScheduled = undefined;
      // Returned, so that the scheduler can tell the pass is under way.
      // l10n-ignore: log line
      return this.sync().catch((error: unknown) => this.options.onProblem?.(`Sending waiting time entries failed: ${describeTimeFailure(error)}`));
    });
  }
}
