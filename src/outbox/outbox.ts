import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_SERVER_WAIT_MS, clampDelay, systemSleep } from '../api/clock';
import { Emitter, Event } from '../common/events';
import { errorCode, removeLeftoverTempFiles, writeFileAtomic } from './atomicFile';
import { BackoffOptions, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { FileLock, processIsAlive } from './fileLock';

/**
 * `pending`: waiting to be sent (again). `uncertain`: an earlier attempt may have reached the
 * server, so it must be looked up before it is sent again. `failed`: the server refused it; it
 * waits for the user to retry or discard it and is never sent automatically.
 */
export type OutboxItemState = 'pending' | 'uncertain' | 'failed';

export interface OutboxItem<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  /** Items with the same key are sent strictly in the order they were added. */
  key?: string;
  /** Epoch milliseconds, like every time in the outbox. */
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  state: OutboxItemState;
  /** Present while a sender (this or another window) is sending the item. */
  claim?: { owner: string; pid: number; until: number };
}

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
  lockStaleMs?: number;
  lockRetryMs?: number;
  pid?: number;
  isProcessAlive?: (pid: number) => boolean;
  /** Reports recoveries (a corrupt file set aside, a stale lock removed) for the log. */
  onProblem?: (message: string) => void;
}

/**
 * A server-side result (such as a created entry's id) and the item it belongs to. Receipts
 * outlive their items, so a later lookup for another item never takes that result for its own.
 */
export interface OutboxReceipt {
  itemId: string;
  ref: string;
  /** When it was recorded; receipts older than `RECEIPT_MAX_AGE_MS` are dropped. */
  at: number;
}

interface OutboxFile {
  version: 1;
  items: OutboxItem[];
  receipts?: OutboxReceipt[];
}

const FILE_VERSION = 1;
/** Long enough for any entry still waiting in an outbox; the oldest go first beyond the limit. */
export const RECEIPT_MAX_AGE_MS = 90 * 24 * 60 * 60_000;
export const RECEIPT_LIMIT = 2_000;
const STATES: readonly OutboxItemState[] = ['pending', 'uncertain', 'failed'];

/**
 * A durable queue of writes waiting for the server, shared safely by every VS Code window.
 *
 * Storage: one JSON file, replaced atomically on every change, so a crash leaves either the old
 * or the new version. A missing file is an empty outbox; an unreadable one is copied aside as
 * `<file>.<time>.corrupt` (and reported) before starting empty, so nothing vanishes unseen.
 *
 * Several processes: every read-modify-write holds a lock file (see `FileLock`) and re-reads the
 * file first, so changes from other windows are merged, never overwritten. Sending happens
 * outside the lock: an item is first claimed (owner, pid and a lease written into the file),
 * which other windows respect, so two windows never send the same item. A claim whose process
 * died or whose lease ran out means an attempt whose outcome is unknown: the item becomes
 * `uncertain` and is looked up with the reconciler before being sent again.
 *
 * Items are only removed when sent, when the reconciler finds them on the server, or when the
 * caller removes them; failures keep them, with the error, as `pending`, `uncertain` or `failed`.
 */
export class Outbox<P = unknown> {
  private readonly file: string;
  private readonly owner = randomUUID();
  private readonly pid: number;
  private readonly lock: FileLock;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly backoff: BackoffOptions;
  private readonly leaseMs: number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly onProblem: (message: string) => void;
  private readonly changeEmitter = new Emitter<readonly OutboxItem<P>[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSeen: string | undefined;
  private cleanedTempFiles = false;
  private draining: Promise<DrainReport> | undefined;

  /** Fires with the whole list whenever this instance changes it or sees it changed by another. */
  readonly onDidChange: Event<readonly OutboxItem<P>[]> = this.changeEmitter.event;

  constructor(private readonly options: OutboxOptions) {
    this.file = path.join(options.folder, options.fileName ?? 'outbox.json');
    this.pid = options.pid ?? process.pid;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? systemSleep;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.onProblem = options.onProblem ?? (() => undefined);
    this.lock = new FileLock(`${this.file}.lock`, {
      owner: this.owner,
      pid: this.pid,
      now: this.now,
      sleep: this.sleep,
      staleMs: options.lockStaleMs,
      retryMs: options.lockRetryMs,
      isProcessAlive: options.isProcessAlive,
      onProblem: this.onProblem,
    });
    this.isAlive = options.isProcessAlive ?? processIsAlive;
  }

  get filePath(): string {
    return this.file;
  }

  /**
   * Queues a write, due at once. With `supersede`, queued items of the same key that no attempt
   * may have delivered (pending and unclaimed) are replaced: for writes that carry the whole
   * state, such as timer patches, only the latest matters.
   */
  async add(kind: string, payload: P, options: { key?: string; supersede?: boolean } = {}): Promise<OutboxItem<P>> {
    return this.update((items, now) => {
      if (options.supersede && options.key !== undefined) {
        const replaceable = (item: OutboxItem<P>): boolean =>
          item.key === options.key && item.state === 'pending' && !this.isClaimed(item, now);
        items.splice(0, items.length, ...items.filter((item) => !replaceable(item)));
      }
      const item: OutboxItem<P> = {
        id: randomUUID(),
        kind,
        payload,
        ...(options.key !== undefined ? { key: options.key } : {}),
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        state: 'pending',
      };
      items.push(item);
      return item;
    });
  }

  async list(): Promise<OutboxItem<P>[]> {
    return this.update((items) => items.map((item) => ({ ...item })));
  }

  async get(id: string): Promise<OutboxItem<P> | undefined> {
    return this.update((items) => items.find((item) => item.id === id));
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
    return this.update((_items, _now, receipts) => receipts.map((receipt) => ({ ...receipt })));
  }

  /** Makes a failed or waiting item due now (the user asked to retry). An uncertain item stays uncertain. */
  async retry(id: string): Promise<boolean> {
    return this.update((items, now) => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) {
        return false;
      }
      item.state = item.state === 'failed' ? 'pending' : item.state;
      item.nextAttemptAt = now;
      return true;
    });
  }

  /** Items that may be sent now: due, not failed, not claimed, and first of their key. */
  async due(now = this.now()): Promise<OutboxItem<P>[]> {
    return this.update((items) => this.dueIn(items, now).map((item) => ({ ...item })));
  }

  /** When the next item falls due (possibly already past), or undefined when nothing will. */
  async nextDueAt(): Promise<number | undefined> {
    return this.update((items, now) => {
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
  drain(send: OutboxSender<P>, reconcile: OutboxReconciler<P>): Promise<DrainReport> {
    this.draining ??= this.runDrain(send, reconcile).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private async runDrain(send: OutboxSender<P>, reconcile: OutboxReconciler<P>): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, confirmed: 0, retrying: 0, failed: 0 };
    const tried = new Set<string>();
    for (;;) {
      const item = await this.claimNext(tried);
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
        return { outcome: { result: 'uncertain', error: lookupError }, confirmed: false };
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

  /** Claims the first due item not tried yet in this drain; a dead or expired claim makes it uncertain. */
  private async claimNext(tried: ReadonlySet<string>): Promise<OutboxItem<P> | undefined> {
    return this.update((items, now) => {
      const item = this.dueIn(items, now).find((candidate) => !tried.has(candidate.id));
      if (!item) {
        return undefined;
      }
      if (item.claim) {
        item.state = 'uncertain';
        item.attempts++;
        item.lastError = 'An earlier attempt was interrupted before its outcome was known.';
      }
      item.claim = { owner: this.owner, pid: this.pid, until: now + this.leaseMs };
      return { ...item };
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
    } else {
      item.state = outcome.result === 'uncertain' || item.state === 'uncertain' ? 'uncertain' : 'pending';
      const delay = clampDelay(Math.max(backoffDelay(item.attempts, this.random, this.backoff), clampDelay(outcome.retryAfterMs ?? 0, MAX_SERVER_WAIT_MS)));
      item.nextAttemptAt = now + delay;
    }
    return { ...item };
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
  private update<T>(change: (items: OutboxItem<P>[], now: number, receipts: OutboxReceipt[]) => T): Promise<T> {
    const run = this.queue.then(async () => {
      // The lock file lives in the folder too, so it must exist before anything else.
      await fs.mkdir(this.options.folder, { recursive: true });
      return this.lock.withLock(() => this.readChangeWrite(change));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readChangeWrite<T>(change: (items: OutboxItem<P>[], now: number, receipts: OutboxReceipt[]) => T): Promise<T> {
    if (!this.cleanedTempFiles) {
      this.cleanedTempFiles = true;
      const leftovers = await removeLeftoverTempFiles(this.file);
      if (leftovers.length > 0) {
        this.onProblem(`Removed ${leftovers.length} unfinished write(s) of the outbox left by a crash.`);
      }
    }
    const { items, receipts: stored, text } = await this.read();
    const before = JSON.stringify(items);
    const now = this.now();
    const receipts = stored.filter((receipt) => now - receipt.at < RECEIPT_MAX_AGE_MS).slice(-RECEIPT_LIMIT);
    const result = change(items, now, receipts);
    const next = serialize(items, receipts.slice(-RECEIPT_LIMIT));
    if (next !== text) {
      await writeFileAtomic(this.file, next, this.sleep);
    }
    // Listeners hear about items only; receipts are bookkeeping.
    const seen = JSON.stringify(items);
    if (seen !== this.lastSeen) {
      const first = this.lastSeen === undefined;
      this.lastSeen = seen;
      if (!first || seen !== before || text === '') {
        this.changeEmitter.fire(items.map((item) => ({ ...item })));
      }
    }
    return result;
  }

  /** The items on disk and the exact text read ('' when the file must be (re)written). */
  private async read(): Promise<{ items: OutboxItem<P>[]; receipts: OutboxReceipt[]; text: string }> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return { items: [], receipts: [], text: serialize([], []) };
      }
      throw error;
    }
    const parsed = parseOutboxFile(text);
    if (parsed.ok) {
      return { items: parsed.items as OutboxItem<P>[], receipts: parsed.receipts, text };
    }
    const copy = `${this.file}.${this.now()}.corrupt`;
    await fs.copyFile(this.file, copy);
    this.onProblem(
      `The outbox file was unreadable (${parsed.reason}); a copy was kept at ${copy}` +
        (parsed.items.length > 0 ? ` and ${parsed.items.length} readable item(s) were kept.` : ' and the outbox starts empty.'),
    );
    return { items: parsed.items as OutboxItem<P>[], receipts: parsed.receipts, text: '' };
  }
}

function serialize(items: readonly OutboxItem[], receipts: readonly OutboxReceipt[]): string {
  const file: OutboxFile = { version: FILE_VERSION, items: [...items], ...(receipts.length > 0 ? { receipts: [...receipts] } : {}) };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Reads the file's text; a partly damaged file keeps its valid items. */
export function parseOutboxFile(
  text: string,
): { ok: true; items: OutboxItem[]; receipts: OutboxReceipt[] } | { ok: false; reason: string; items: OutboxItem[]; receipts: OutboxReceipt[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON', items: [], receipts: [] };
  }
  if (!isRecord(value) || !Array.isArray(value.items)) {
    return { ok: false, reason: 'no item list', items: [], receipts: [] };
  }
  if (value.version !== FILE_VERSION) {
    return { ok: false, reason: `unknown version ${JSON.stringify(value.version)}`, items: [], receipts: [] };
  }
  const items = value.items.filter(isOutboxItem);
  // Receipts are optional; damaged ones are dropped (the worst outcome is a lookup that trusts a match).
  const receipts = Array.isArray(value.receipts) ? value.receipts.filter(isReceipt) : [];
  return items.length === value.items.length
    ? { ok: true, items, receipts }
    : { ok: false, reason: `${value.items.length - items.length} damaged item(s)`, items, receipts };
}

function isReceipt(value: unknown): value is OutboxReceipt {
  return isRecord(value) && typeof value.itemId === 'string' && typeof value.ref === 'string' && typeof value.at === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOutboxItem(value: unknown): value is OutboxItem {
  if (!isRecord(value)) {
    return false;
  }
  const claim = value.claim;
  const claimOk =
    claim === undefined ||
    (isRecord(claim) && typeof claim.owner === 'string' && typeof claim.pid === 'number' && typeof claim.until === 'number');
  return (
    typeof value.id === 'string' &&
    typeof value.kind === 'string' &&
    'payload' in value &&
    (value.key === undefined || typeof value.key === 'string') &&
    typeof value.createdAt === 'number' &&
    typeof value.attempts === 'number' &&
    typeof value.nextAttemptAt === 'number' &&
    (value.lastError === undefined || typeof value.lastError === 'string') &&
    STATES.includes(value.state as OutboxItemState) &&
    claimOk
  );
}
