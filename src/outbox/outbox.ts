import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { MAX_SERVER_WAIT_MS, clampDelay, systemSleep } from '../api/clock';
import { Emitter, type Event } from '../common/events';
import { BackoffOptions, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { processIsAlive } from './fileLock';
import { parseOutboxFile, serializeOutbox, type OutboxItem, type OutboxReceipt } from './outboxFile';
import { setAside, type DamageReport } from './setAside';
import { SharedFile } from './sharedFile';
import type { StateFileSystem } from './stateFileSystem';

export { parseOutboxFile } from './outboxFile';
export type { OutboxClaim, OutboxItem, OutboxItemState, OutboxReceipt } from './outboxFile';

/** How a failed attempt is treated: try again later, look it up before trying again, or give up. */
export type FailureKind = 'retryable' | 'uncertain' | 'fatal';
export type FailureClassification = FailureKind | { kind: FailureKind; retryAfterMs?: number };

/** `done`: sent, or found on the server already; the item is removed. */
export type AttemptOutcome = { result: 'done' } | { result: FailureKind; error: unknown; retryAfterMs?: number };

/** Whether the effect of an uncertain item is on the server. */
export type ReconcileAnswer = 'exists' | 'absent' | 'unknown';

export type OutboxSender<P> = (item: OutboxItem<P>) => Promise<void>;
export type OutboxReconciler<P> = (item: OutboxItem<P>) => Promise<ReconcileAnswer>;

export interface DrainReport {
  /** Sent successfully. */
  sent: number;
  /** Uncertain items found on the server, so not sent again. */
  confirmed: number;
  /** Left for a later attempt, pending or uncertain. */
  retrying: number;
  /** Refused for good and kept as failed. */
  failed: number;
}

export interface DrainOptions<P> {
  /** Items this sender may send now (e.g. those of the signed-in account); the others wait. */
  eligible?: (item: OutboxItem<P>) => boolean;
}

export interface OutboxOptions {
  /** Folder that holds the file (the extension passes its global storage path). Created if missing. */
  folder: string;
  fileName?: string;
  /** Sorts a sender's error: `uncertain` for failures after the request may have arrived (timeouts, dropped connections). */
  classify: (error: unknown) => FailureClassification;
  /** The text kept as `lastError`; must not contain secrets. */
  describeError?: (error: unknown) => string;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  backoff?: Partial<BackoffOptions>;
  /** How long a claimed item stays reserved for its sender; longer than the longest request. */
  leaseMs?: number;
  /**
   * How long after an attempt whose outcome is unknown the item is first looked up: well past the
   * request timeout, so that a server still applying the request (after the client gave up) has
   * done so, and the lookup finds it instead of sending it a second time. Default two minutes.
   */
  uncertainDelayMs?: () => number;
  lockStaleMs?: number;
  lockRetryMs?: number;
  pid?: number;
  isProcessAlive?: (pid: number) => boolean;
  processStartedAt?: (pid: number) => number | undefined;
  files?: StateFileSystem;
  /** Reports recoveries (a corrupt file set aside, a stale lock removed) for the log. */
  onProblem?: (message: string) => void;
  /** Reports a damaged file set aside, so the user can be told (the log has the details too). */
  onDamaged?: (report: DamageReport) => void;
}

/** Long enough for any entry still waiting in an outbox; the oldest go first beyond the limit. */
export const RECEIPT_MAX_AGE_MS = 90 * 24 * 60 * 60_000;
export const RECEIPT_LIMIT = 2_000;
export const DEFAULT_UNCERTAIN_DELAY_MS = 2 * 60_000;

type Change<P, T> = (items: OutboxItem<P>[], now: number, receipts: OutboxReceipt[]) => T;

/**
 * A durable queue of writes waiting for the server, shared safely by every VS Code window.
 *
 * Storage: one JSON file (see `SharedFile`): replaced atomically on every change under a lock, so
 * a crash leaves either the old or the new version, and changes from other windows are merged,
 * never overwritten. A missing file is an empty outbox; an unreadable one is copied aside as
 * `<file>.<time>.corrupt` (and reported) before going on with what could be read.
 *
 * Sending happens outside the lock: an item is first claimed (owner, pid and a lease written into
 * the file), which other windows respect, so two windows never send the same item. A claim whose
 * process died or whose lease ran out means an attempt whose outcome is unknown: the item becomes
 * `uncertain` and is looked up with the reconciler before being sent again, not before
 * `uncertainDelayMs` has passed.
 *
 * Items are only removed when sent, when the reconciler finds them on the server, or when the
 * caller removes them; failures keep them, with the error, as `pending`, `uncertain` or `failed`.
 */
export class Outbox<P = unknown> {
  private readonly file: SharedFile;
  private readonly owner = randomUUID();
  private readonly pid: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly leaseMs: number;
  private readonly uncertainDelay: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly onProblem: (message: string) => void;
  private readonly changeEmitter = new Emitter<readonly OutboxItem<P>[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSeen: string | undefined;
  private draining: Promise<DrainReport> | undefined;

  /** Fires with the whole list whenever this instance changes it or sees it changed by another. */
  readonly onDidChange: Event<readonly OutboxItem<P>[]> = this.changeEmitter.event;

  constructor(private readonly options: OutboxOptions) {
    this.pid = options.pid ?? process.pid;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.uncertainDelay = options.uncertainDelayMs ?? (() => DEFAULT_UNCERTAIN_DELAY_MS);
    this.onProblem = options.onProblem ?? (() => undefined);
    this.isAlive = options.isProcessAlive ?? processIsAlive;
    this.file = new SharedFile(path.join(options.folder, options.fileName ?? 'outbox.json'), {
      owner: this.owner,
      pid: this.pid,
      sleep: options.sleep ?? systemSleep,
      staleMs: options.lockStaleMs,
      retryMs: options.lockRetryMs,
      isProcessAlive: options.isProcessAlive,
      processStartedAt: options.processStartedAt,
      files: options.files,
      onProblem: this.onProblem,
    });
  }

  get filePath(): string {
    return this.file.file;
  }

  /**
   * Queues a write, due at once. With `supersede`, queued items of the same key that no attempt
   * may have delivered (pending and unclaimed) are replaced: for writes that carry the whole
   * state, such as timer patches, only the latest matters.
   */
  async add(kind: string, payload: P, options: { key?: string; supersede?: boolean } = {}): Promise<OutboxItem<P>> {
    const id = randomUUID();
    return this.update((items, now) => {
      if (options.supersede && options.key !== undefined) {
        const replaceable = (item: OutboxItem<P>): boolean =>
          item.key === options.key && item.state === 'pending' && !this.isClaimed(item, now);
        items.splice(0, items.length, ...items.filter((item) => !replaceable(item)));
      }
      const item: OutboxItem<P> = {
        id,
        kind,
        payload,
        ...(options.key !== undefined ? { key: options.key } : {}),
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        state: 'pending',
      };
      items.push(item);
      return { ...item };
    });
  }

  async list(): Promise<OutboxItem<P>[]> {
    return this.inspect((items) => items.map((item) => ({ ...item })));
  }

  async get(id: string): Promise<OutboxItem<P> | undefined> {
    return this.inspect((items) => {
      const item = items.find((candidate) => candidate.id === id);
      return item ? { ...item } : undefined;
    });
  }

  /** Removes an item for good (the user discarded it); false if it was not there. */
  async remove(id: string): Promise<boolean> {
    return this.update((items) => {
      const index = items.findIndex((item) => item.id === id);
      if (index >= 0) {
        items.splice(index, 1);
      }
      return index >= 0;
    });
  }

  /**
   * Records what the sender saw on the server before the item's first attempt. Durable before it
   * returns, so the lookup after an interrupted attempt has it even if this window dies.
   */
  async setSnapshot(id: string, snapshot: unknown): Promise<boolean> {
    return this.update((items) => {
      const item = items.find((candidate) => candidate.id === id);
      if (item) {
        item.snapshot = snapshot;
      }
      return !!item;
    });
  }

  /**
   * Records that the server-side result `ref` belongs to item `itemId`. False when another
   * item holds it already: then it is that item's result and must not settle this one.
   */
  async reserve(itemId: string, ref: string): Promise<boolean> {
    return this.update((_items, now, receipts) => {
      const held = receipts.find((receipt) => receipt.ref === ref);
      if (held) {
        return held.itemId === itemId;
      }
      receipts.push({ itemId, ref, at: now });
      return true;
    });
  }

  /** The results recorded by `reserve`, oldest first. */
  async receipts(): Promise<OutboxReceipt[]> {
    return this.inspect((_items, _now, receipts) => receipts.map((receipt) => ({ ...receipt })));
  }

  /**
   * Makes a failed or waiting item due now (the user asked to retry, the connection is back). An
   * uncertain item stays uncertain and is still not looked up before its `lookupAfter`.
   */
  async retry(id: string): Promise<boolean> {
    return this.update((items, now) => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) {
        return false;
      }
      item.state = item.state === 'failed' ? 'pending' : item.state;
      item.nextAttemptAt = item.state === 'uncertain' ? Math.max(now, item.lookupAfter ?? now) : now;
      return true;
    });
  }

  /** Items that may be sent now: due, not failed, not claimed, and first of their key. */
  async due(now = this.now()): Promise<OutboxItem<P>[]> {
    return this.inspect((items) => this.dueIn(items, now).map((item) => ({ ...item })));
  }

  /** When the next item falls due (possibly already past), or undefined when nothing will. */
  async nextDueAt(): Promise<number | undefined> {
    return this.inspect((items, now) => {
      const times = items
        .filter((item) => item.state !== 'failed')
        .map((item) => (this.isClaimed(item, now) ? Math.max(item.nextAttemptAt, item.claim?.until ?? 0) : item.nextAttemptAt));
      return times.length > 0 ? Math.min(...times) : undefined;
    });
  }

  /** Records the outcome of an attempt made outside `drain`. */
  async markAttempt(id: string, outcome: AttemptOutcome): Promise<OutboxItem<P> | undefined> {
    return this.update((items, now) => this.settle(items, id, outcome, now));
  }

  /**
   * Sends every due item once, oldest first. An uncertain item is first looked up with
   * `reconcile` and only sent when it is `absent`. Concurrent calls share one run.
   */
  drain(send: OutboxSender<P>, reconcile: OutboxReconciler<P>, options: DrainOptions<P> = {}): Promise<DrainReport> {
    this.draining ??= this.runDrain(send, reconcile, options).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private async runDrain(send: OutboxSender<P>, reconcile: OutboxReconciler<P>, options: DrainOptions<P>): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, confirmed: 0, retrying: 0, failed: 0 };
    const tried = new Set<string>();
    for (;;) {
      const item = await this.claimNext(tried, options.eligible);
      if (!item) {
        return report;
      }
      tried.add(item.id);
      const { outcome, confirmed } = await this.attempt(item, send, reconcile);
      await this.update((items, now) => this.settle(items, item.id, outcome, now));
      if (outcome.result === 'done') {
        report[confirmed ? 'confirmed' : 'sent']++;
      } else {
        report[outcome.result === 'fatal' ? 'failed' : 'retrying']++;
      }
    }
  }

  private async attempt(
    item: OutboxItem<P>,
    send: OutboxSender<P>,
    reconcile: OutboxReconciler<P>,
  ): Promise<{ outcome: AttemptOutcome; confirmed: boolean }> {
    if (item.state === 'uncertain') {
      let answer: ReconcileAnswer;
      let lookupError: unknown = new Error('Could not find out whether an earlier attempt reached the server.');
      try {
        answer = await reconcile(item);
      } catch (error) {
        answer = 'unknown';
        lookupError = error;
      }
      if (answer === 'exists') {
        return { outcome: { result: 'done' }, confirmed: true };
      }
      if (answer !== 'absent') {
        // Nothing was sent: the item waits for its next lookup like after a failed one.
        return { outcome: { result: 'retryable', error: lookupError }, confirmed: false };
      }
    }
    try {
      await send(item);
      return { outcome: { result: 'done' }, confirmed: false };
    } catch (error) {
      let classification: FailureClassification;
      try {
        classification = this.options.classify(error);
      } catch {
        // A classifier bug must not lose the item; a timeout-like failure is the safe reading.
        classification = 'uncertain';
      }
      const { kind, retryAfterMs } = typeof classification === 'string' ? { kind: classification, retryAfterMs: undefined } : classification;
      return { outcome: { result: kind, error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }, confirmed: false };
    }
  }

  /**
   * Claims the first due item not tried yet in this drain. A dead or expired claim means an
   * attempt with an unknown outcome: the item becomes uncertain and waits for its lookup time.
   */
  private async claimNext(tried: ReadonlySet<string>, eligible?: (item: OutboxItem<P>) => boolean): Promise<OutboxItem<P> | undefined> {
    const candidate = (item: OutboxItem<P>): boolean => !tried.has(item.id) && (!eligible || eligible(item));
    // Most passes find nothing due: that is known without taking the lock.
    if (!(await this.inspect((items, now) => this.dueIn(items, now).some(candidate)))) {
      return undefined;
    }
    return this.update((items, now) => {
      for (const item of this.dueIn(items, now)) {
        if (tried.has(item.id) || (eligible && !eligible(item))) {
          continue;
        }
        if (item.claim) {
          item.state = 'uncertain';
          item.attempts++;
          item.lastError = 'An earlier attempt was interrupted before its outcome was known.';
          item.lookupAfter = Math.min(now, item.claim.until) + this.uncertainDelayMs();
          item.nextAttemptAt = Math.max(item.nextAttemptAt, item.lookupAfter);
          delete item.claim;
          if (item.nextAttemptAt > now) {
            continue;
          }
        }
        item.claim = { owner: this.owner, pid: this.pid, until: now + this.leaseMs, at: now };
        return { ...item };
      }
      return undefined;
    });
  }

  private settle(items: OutboxItem<P>[], id: string, outcome: AttemptOutcome, now: number): OutboxItem<P> | undefined {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) {
      return undefined;
    }
    const item = items[index];
    if (outcome.result === 'done') {
      items.splice(index, 1);
      return undefined;
    }
    if (item.claim && item.claim.owner !== this.owner && this.isClaimed(item, now)) {
      // Another window took the item over after our lease ran out; its attempt decides now.
      return { ...item };
    }
    delete item.claim;
    item.attempts++;
    item.lastError = this.describe(outcome.error);
    if (outcome.result === 'fatal') {
      item.state = 'failed';
      return { ...item };
    }
    const delay = clampDelay(Math.max(backoffDelay(item.attempts, this.random, this.backoff), clampDelay(outcome.retryAfterMs ?? 0, MAX_SERVER_WAIT_MS)));
    item.nextAttemptAt = now + delay;
    if (outcome.result === 'uncertain') {
      item.state = 'uncertain';
      item.lookupAfter = now + this.uncertainDelayMs();
      item.nextAttemptAt = Math.max(item.nextAttemptAt, item.lookupAfter);
    } else if (item.state !== 'uncertain') {
      item.state = 'pending';
    }
    return { ...item };
  }

  private uncertainDelayMs(): number {
    return clampDelay(this.uncertainDelay());
  }

  private describe(error: unknown): string {
    try {
      return this.options.describeError?.(error) ?? (error instanceof Error ? error.message : String(error));
    } catch {
      return 'Unknown error';
    }
  }

  private isClaimed(item: OutboxItem<P>, now: number): boolean {
    const claim = item.claim;
    return !!claim && claim.until > now && (claim.pid === this.pid || this.isAlive(claim.pid));
  }

  private dueIn(items: OutboxItem<P>[], now: number): OutboxItem<P>[] {
    const blockedKeys = new Set<string>();
    const due: OutboxItem<P>[] = [];
    for (const item of items) {
      const blocked = item.key !== undefined && blockedKeys.has(item.key);
      if (item.key !== undefined) {
        blockedKeys.add(item.key);
      }
      if (!blocked && item.state !== 'failed' && item.nextAttemptAt <= now && !this.isClaimed(item, now)) {
        due.push(item);
      }
    }
    return due;
  }

  /**
   * Runs `change` on a fresh copy of the items while holding the lock, and writes the result if
   * it differs. Calls from this instance run one at a time.
   */
  private update<T>(change: Change<P, T>): Promise<T> {
    const run = this.queue.then(() => this.readChangeWrite(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `look` on the items as they are, without the lock: the file is only ever replaced whole,
   * so a read sees one version. A damaged file goes through `update` (which sets it aside).
   * Calls from this instance run in order with its changes.
   */
  private inspect<T>(look: Change<P, T>): Promise<T> {
    const run = this.queue.then(async () => {
      const text = await this.file.read();
      const parsed = text === undefined ? undefined : parseOutboxFile(text);
      if (parsed && !parsed.ok) {
        return this.readChangeWrite(look);
      }
      const items = (parsed?.items ?? []) as OutboxItem<P>[];
      const now = this.now();
      const receipts = (parsed?.receipts ?? []).filter((receipt) => now - receipt.at < RECEIPT_MAX_AGE_MS).slice(-RECEIPT_LIMIT);
      const result = look(items, now, receipts);
      this.notice(items, false);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Tells listeners when the items differ from what this instance saw last (changed here or by another window). */
  private notice(items: OutboxItem<P>[], changedHere: boolean): void {
    const seenText = JSON.stringify(items);
    if (seenText !== this.lastSeen) {
      const first = this.lastSeen === undefined;
      this.lastSeen = seenText;
      if (!first || changedHere) {
        this.changeEmitter.fire(items.map((item) => ({ ...item })));
      }
    }
  }

  private async readChangeWrite<T>(change: Change<P, T>): Promise<T> {
    let seen: OutboxItem<P>[] = [];
    let before = '';
    let wasEmpty = false;
    const result = await this.file.update(async (text) => {
      const { items, receipts: stored, damaged } = await this.read(text);
      before = JSON.stringify(items);
      wasEmpty = text === undefined || damaged;
      const now = this.now();
      const receipts = stored.filter((receipt) => now - receipt.at < RECEIPT_MAX_AGE_MS).slice(-RECEIPT_LIMIT);
      const result = change(items, now, receipts);
      seen = items;
      const next = serializeOutbox(items, receipts.slice(-RECEIPT_LIMIT));
      // A missing file is an empty outbox: nothing to write until something is added.
      return { next: next !== (text ?? serializeOutbox([], [])) || damaged ? next : undefined, result };
    });
    // Listeners hear about items only; receipts are bookkeeping.
    this.notice(seen, JSON.stringify(seen) !== before || wasEmpty);
    return result;
  }

  /** The items in the file's text; a damaged text is set aside and what could be read is kept. */
  private async read(text: string | undefined): Promise<{ items: OutboxItem<P>[]; receipts: OutboxReceipt[]; damaged: boolean }> {
    if (text === undefined) {
      return { items: [], receipts: [], damaged: false };
    }
    const parsed = parseOutboxFile(text);
    if (parsed.ok) {
      return { items: parsed.items as OutboxItem<P>[], receipts: parsed.receipts, damaged: false };
    }
    const copy = await setAside(this.file.files, this.file.file, text, this.now());
    this.onProblem(
      `The outbox file was unreadable (${parsed.reason}); a copy was kept at ${copy}` +
        (parsed.items.length > 0 ? ` and ${parsed.items.length} readable item(s) were kept.` : ' and the outbox starts empty.'),
    );
    this.options.onDamaged?.({ file: this.file.file, copy, reason: parsed.reason, kept: parsed.items.length });
    return { items: parsed.items as OutboxItem<P>[], receipts: parsed.receipts, damaged: true };
  }
}
