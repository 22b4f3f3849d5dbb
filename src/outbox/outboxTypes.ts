import type { OutboxItem } from './outboxFile';
import type { DamageReport } from './setAside';
import type { StateFileSystem } from './stateFileSystem';
import type { BackoffOptions } from './backoff';

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
