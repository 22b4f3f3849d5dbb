
export type IntervalsErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'badResponse'
  | 'cancelled';

/** One problem the server named in a validation answer; `field` when it could be told apart. */
export interface FieldProblem {
  field?: string;
  message: string;
}

export interface IntervalsErrorInit {
  kind: IntervalsErrorKind;
  message: string;
  status?: number;
  code?: number;
  serverMessage?: string;
  verbose?: string[];
  fields?: FieldProblem[];
  retryAfterMs?: number;
  mayHaveReachedServer?: boolean;
  method?: string;
  path?: string;
  networkCode?: string;
}

/**
 * Marks the errors this module makes. The commands are bundled into a file of their own, with a
 * copy of this module: the mark, not the class, tells an IntervalsError made by either copy.
 */
const MARK = Symbol.for('intervals.IntervalsError');

/**
 * Every failure of the API layer. `message` is written for the user (what happened, what to do);
 * `serverMessage`/`verbose` carry Intervals' own words for the log. Never holds the token.
 */
export class IntervalsError extends Error {
  readonly kind: IntervalsErrorKind;
  /** HTTP status, when an answer came. */
  readonly status?: number;
  /** Intervals' own error code (1–20), when the body carried one. */
  readonly code?: number;
  readonly serverMessage?: string;
  readonly verbose: string[];
  readonly fields: FieldProblem[];
  readonly retryAfterMs?: number;
  /**
   * For writes: the request may have been applied although no answer arrived (timeout, dropped
   * connection after sending, a 5xx from the service itself). Resending blindly could duplicate it.
   */
  readonly mayHaveReachedServer: boolean;
  readonly method?: string;
  /** Path and query, never credentials. */
  readonly path?: string;
  /** Node/undici error code of a network failure, e.g. ECONNREFUSED. */
  readonly networkCode?: string;

  constructor(init: IntervalsErrorInit) {
    super(init.message);
    Object.defineProperty(this, MARK, { value: true });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.verbose = init.verbose ?? [];
    this.fields = init.fields ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.mayHaveReachedServer = init.mayHaveReachedServer ?? false;
    this.method = init.method;
    this.path = init.path;
    this.networkCode = init.networkCode;
  }

  /** A copy with every string passed through `redact`, the stack included. */
  redacted(redact: (text: string) => string): IntervalsError {
    const copy = new IntervalsError({
      ...this.init(),
      message: redact(this.message),
      serverMessage: this.serverMessage === undefined ? undefined : redact(this.serverMessage),
      verbose: this.verbose.map(redact),
      fields: this.fields.map((problem) => ({ ...problem, message: redact(problem.message) })),
      path: this.path === undefined ? undefined : redact(this.path),
    });
    if (copy.stack) {
      copy.stack = redact(copy.stack);
    }
    return copy;
  }

  /** Same error with request details (and, for writes, the ambiguity flag) filled in. */
  withRequest(method: string, path: string, mayHaveReachedServer = this.mayHaveReachedServer): IntervalsError {
    return new IntervalsError({ ...this.init(), method, path, mayHaveReachedServer });
  }

  private init(): IntervalsErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      serverMessage: this.serverMessage,
      verbose: this.verbose,
      fields: this.fields,
      retryAfterMs: this.retryAfterMs,
      mayHaveReachedServer: this.mayHaveReachedServer,
      method: this.method,
      path: this.path,
      networkCode: this.networkCode,
    };
  }
}

// On the prototype rather than as a field, so the stack trace's first line already says it.
Object.defineProperty(IntervalsError.prototype, 'name', { value: 'IntervalsError', writable: true, configurable: true });

export function isIntervalsError(error: unknown): error is IntervalsError {
  return error instanceof IntervalsError || (typeof error === 'object' && error !== null && (error as { [MARK]?: unknown })[MARK] === true);
}

/**
 * Whether trying the same read again later can help: network trouble, timeouts, the service's
 * own 5xx, and the per-minute rate limit (not the daily quota, code 11).
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof IntervalsError)) {
    return false;
  }
  switch (error.kind) {
    case 'network':
      return !isCertificateProblem(error.networkCode);
    case 'timeout':
      return true;
    case 'server':
      // Suspended account (code 4) does not heal on retry.
      return error.code !== 4;
    case 'rateLimited':
      return error.code !== 11;
    default:
      return false;
  }
}

export function isWrite(method: string | undefined): boolean {
  return method !== undefined && method !== 'GET' && method !== 'HEAD';
}

/** TLS failures: the request never reached the service, and retrying will not help. */
export const certificateCodes: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

export function isCertificateProblem(networkCode: string | undefined): boolean {
  return networkCode !== undefined && certificateCodes.has(networkCode);
}
