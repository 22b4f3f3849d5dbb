/**
 * `pending`: waiting to be sent (again). `uncertain`: an earlier attempt may have reached the
 * server, so it must be looked up before it is sent again. `failed`: the server refused it; it
 * waits for the user to retry or discard it and is never sent automatically.
 */
import * as l10n from '@vscode/l10n';

export type OutboxItemState = 'pending' | 'uncertain' | 'failed';

export interface OutboxClaim {
  owner: string;
  pid: number;
  until: number;
  /** When the claim was made; missing in files written before it was recorded. */
  at?: number;
}

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
  /**
   * An uncertain item is not looked up before this: an attempt the server is still applying
   * (slowly, after we gave up on it) would not be found yet, and the item would be sent twice.
   */
  lookupAfter?: number;
  /**
   * What the sender noted about the server before the first attempt (e.g. the entries that
   * already existed), so the lookup after an uncertain attempt can tell its result from older data.
   */
  snapshot?: unknown;
  /** Present while a sender (this or another window) is sending the item. */
  claim?: OutboxClaim;
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

interface OutboxFileContent {
  version: 1;
  items: OutboxItem[];
  receipts?: OutboxReceipt[];
}

const FILE_VERSION = 1;
const STATES: readonly OutboxItemState[] = ['pending', 'uncertain', 'failed'];

export function serializeOutbox(items: readonly OutboxItem[], receipts: readonly OutboxReceipt[]): string {
  const file: OutboxFileContent = { version: FILE_VERSION, items: [...items], ...(receipts.length > 0 ? { receipts: [...receipts] } : {}) };
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
    return { ok: false, reason: l10n.t('not valid JSON'), items: [], receipts: [] };
  }
  if (!isRecord(value) || !Array.isArray(value.items)) {
    return { ok: false, reason: l10n.t('no item list'), items: [], receipts: [] };
  }
  if (value.version !== FILE_VERSION) {
    return { ok: false, reason: l10n.t('unknown version {0}', String(JSON.stringify(value.version))), items: [], receipts: [] };
  }
  const items = value.items.filter(isOutboxItem);
  // Receipts are optional; damaged ones are dropped (the worst outcome is a lookup that trusts a match).
  const receipts = Array.isArray(value.receipts) ? value.receipts.filter(isReceipt) : [];
  return items.length === value.items.length
    ? { ok: true, items, receipts }
    : { ok: false, reason: l10n.t('{0} damaged item(s)', value.items.length - items.length), items, receipts };
}

function isReceipt(value: unknown): value is OutboxReceipt {
  return isRecord(value) && typeof value.itemId === 'string' && typeof value.ref === 'string' && typeof value.at === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isClaim(claim: unknown): boolean {
  return (
    isRecord(claim) &&
    typeof claim.owner === 'string' &&
    typeof claim.pid === 'number' &&
    typeof claim.until === 'number' &&
    (claim.at === undefined || typeof claim.at === 'number')
  );
}

function isOutboxItem(value: unknown): value is OutboxItem {
  if (!isRecord(value)) {
    return false;
  }
  return (
    typeof value.id === 'string' &&
    typeof value.kind === 'string' &&
    'payload' in value &&
    (value.key === undefined || typeof value.key === 'string') &&
    typeof value.createdAt === 'number' &&
    typeof value.attempts === 'number' &&
    typeof value.nextAttemptAt === 'number' &&
    (value.lastError === undefined || typeof value.lastError === 'string') &&
    (value.lookupAfter === undefined || typeof value.lookupAfter === 'number') &&
    STATES.includes(value.state as OutboxItemState) &&
    (value.claim === undefined || isClaim(value.claim))
  );
}
