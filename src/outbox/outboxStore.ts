import { Emitter, type Event } from '../common/events';
import { parseOutboxFile, serializeOutbox, type OutboxItem, type OutboxReceipt } from './outboxFile';
import { RECEIPT_LIMIT, RECEIPT_MAX_AGE_MS } from './outboxTypes';
import { setAside, type DamageReport } from './setAside';
import type { SharedFile } from './sharedFile';

/** A change (or a look) at the items and receipts, at `now`. */
export type OutboxChange<P, T> = (items: OutboxItem<P>[], now: number, receipts: OutboxReceipt[]) => T;

/**
 * The outbox file: reads and changes in order for one instance, changes under the file's lock,
 * reads without it; a damaged file set aside and reported; listeners told when the items differ
 * from what this instance saw last, whoever changed them.
 */
export class OutboxStore<P> {
  private readonly changeEmitter = new Emitter<readonly OutboxItem<P>[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSeen: string | undefined;

  readonly onDidChange: Event<readonly OutboxItem<P>[]> = this.changeEmitter.event;

  constructor(
    private readonly file: SharedFile,
    private readonly now: () => number,
    private readonly onProblem: (message: string) => void,
    private readonly onDamaged?: (report: DamageReport) => void,
  ) {}

  get filePath(): string {
    return this.file.file;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /**
   * Runs `change` on a fresh copy of the items while holding the lock, and writes the result if
   * it differs. Calls from this instance run one at a time.
   */
  update<T>(change: OutboxChange<P, T>): Promise<T> {
    const run = this.queue.then(() => this.readChangeWrite(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `look` on the items as they are, without the lock: the file is only ever replaced whole,
   * so a read sees one version. A damaged file goes through `update` (which sets it aside).
   * Calls from this instance run in order with its changes.
   */
  inspect<T>(look: OutboxChange<P, T>): Promise<T> {
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

  private async readChangeWrite<T>(change: OutboxChange<P, T>): Promise<T> {
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
      // l10n-ignore: log line
      `The outbox file was unreadable (${parsed.reason}); a copy was kept at ${copy}` +
        // l10n-ignore: log line
        (parsed.items.length > 0 ? ` and ${parsed.items.length} readable item(s) were kept.` : ' and the outbox starts empty.'),
    );
    this.onDamaged?.({ file: this.file.file, copy, reason: parsed.reason, kept: parsed.items.length });
    return { items: parsed.items as OutboxItem<P>[], receipts: parsed.receipts, damaged: true };
  }
}
