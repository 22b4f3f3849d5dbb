import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { MAX_SERVER_WAIT_MS, clampDelay, systemSleep } from '../api/clock';
import type { Event } from '../common/events';
import { BackoffOptions, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { processIsAlive } from './fileLock';
import type { OutboxItem, OutboxReceipt } from './outboxFile';
import { OutboxStore, type OutboxChange } from './outboxStore';
import { attemptItem } from './outboxAttempt';
import { SharedFile } from './sharedFile';
import {
  DEFAULT_UNCERTAIN_DELAY_MS,
  type AttemptOutcome,
  type DrainOptions,
  type DrainReport,
  type OutboxOptions,
  type OutboxReconciler,
  type OutboxSender,
} from './outboxTypes';

export { parseOutboxFile } from './outboxFile';
export type { OutboxClaim, OutboxItem, OutboxItemState, OutboxReceipt } from './outboxFile';
export * from './outboxTypes';

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
  private readonly store: OutboxStore<P>;
  private readonly owner = randomUUID();
  private readonly pid: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly leaseMs: number;
  private readonly uncertainDelay: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly onProblem: (message: string) => void;
  private draining: Promise<DrainReport> | undefined;

  /** Fires with the whole list whenever this instance changes it or sees it changed by another. */
  readonly onDidChange: Event<readonly OutboxItem<P>[]>;

  constructor(private readonly options: OutboxOptions) {
    this.pid = options.pid ?? process.pid;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.uncertainDelay = options.uncertainDelayMs ?? (() => DEFAULT_UNCERTAIN_DELAY_MS);
    this.onProblem = options.onProblem ?? (() => undefined);
    this.isAlive = options.isProcessAlive ?? processIsAlive;
    const file = new SharedFile(path.join(options.folder, options.fileName ?? 'outbox.json'), {
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
    this.store = new OutboxStore<P>(file, this.now, this.onProblem, options.onDamaged);
    this.onDidChange = this.store.onDidChange;
  }

  get filePath(): string {
    return this.store.filePath;
  }

  private update<T>(change: OutboxChange<P, T>): Promise<T> {
    return this.store.update(change);
  }

  private inspect<T>(look: OutboxChange<P, T>): Promise<T> {
    return this.store.inspect(look);
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
    this.store.dispose();
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
      const { outcome, confirmed } = await attemptItem(item, send, reconcile, this.options.classify);
      await this.update((items, now) => this.settle(items, item.id, outcome, now));
      if (outcome.result === 'done') {
        report[confirmed ? 'confirmed' : 'sent']++;
      } else {
        report[outcome.result === 'fatal' ? 'failed' : 'retrying']++;
      }
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
          item.lastError = l10n.t('An earlier attempt was interrupted before its outcome was known.');
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
      return l10n.t('Unknown error');
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
}
