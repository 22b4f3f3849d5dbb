import { MAX_SERVER_WAIT_MS, clampDelay } from './clock';
import { isRecord, toNumber, type WireRecord } from './normalize';
import { parseXml } from './xml';

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
  return error instanceof IntervalsError;
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

// ---------------------------------------------------------------------------------------------
// Parsing error answers

export interface ParsedErrorBody {
  code?: number;
  message?: string;
  verbose: string[];
  fields: FieldProblem[];
  /** What the body looked like, for the log and for "not Intervals" detection. */
  shape: 'json' | 'xml' | 'text' | 'html' | 'empty';
}

/**
 * Reads any error body: the JSON envelope with `error: {code, message, verbose}`, a flat
 * `{code, message}`, the same in XML, plain text, an HTML page, or nothing.
 */
export function parseErrorBody(text: string, contentType: string | undefined, httpStatus?: number): ParsedErrorBody {
  const trimmed = text.trim();
  if (!trimmed) {
    return { verbose: [], fields: [], shape: 'empty' };
  }
  if (looksLikeHtml(trimmed, contentType)) {
    return { verbose: [], fields: [], shape: 'html' };
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ...fromErrorRecord(JSON.parse(trimmed) as unknown, httpStatus), shape: 'json' };
    } catch {
      // Not JSON after all: treat as text below.
    }
  }
  if (trimmed.startsWith('<')) {
    try {
      return { ...fromErrorRecord(parseXml(trimmed), httpStatus), shape: 'xml' };
    } catch {
      return { verbose: [], fields: [], shape: 'text' };
    }
  }
  const firstLine = trimmed.split(/\r?\n/, 1)[0].trim().slice(0, 300);
  return { message: firstLine, verbose: [], fields: [], shape: 'text' };
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) {
    return true;
  }
  const head = text.slice(0, 200).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|title)[\s>]/.test(head);
}

function fromErrorRecord(value: unknown, httpStatus?: number): Omit<ParsedErrorBody, 'shape'> {
  if (!isRecord(value)) {
    return { verbose: [], fields: [] };
  }
  const nested = value.error;
  if (isRecord(nested)) {
    return fromFlat(nested, undefined);
  }
  if (typeof nested === 'string' && nested) {
    // `{ error: "text" }`, sometimes beside a code.
    return { ...fromFlat({ ...value, message: value.message ?? nested }, httpStatus) };
  }
  const errors = value.errors;
  if (Array.isArray(errors) || isRecord(errors)) {
    return fromFlat({ ...value, verbose: value.verbose ?? errors }, httpStatus);
  }
  return fromFlat(value, httpStatus);
}

/**
 * `code` in a flat body is ambiguous: the success envelope uses it for the HTTP status. A value
 * equal to the HTTP status, or outside Intervals' 1–99 range, is not taken as an API code.
 */
function fromFlat(record: WireRecord, httpStatus: number | undefined): Omit<ParsedErrorBody, 'shape'> {
  const rawCode = toNumber(record.code);
  const code =
    rawCode !== null && Number.isInteger(rawCode) && rawCode > 0 && rawCode < 100 && rawCode !== httpStatus ? rawCode : undefined;
  const message = firstText(record.message) ?? firstText(record.msg) ?? firstText(record.detail) ?? firstText(record.title);
  const verbose = collectVerbose(record.verbose ?? record.details);
  const fields = collectFields(record.verbose ?? record.details);
  return { code, message, verbose, fields };
}

function firstText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (isRecord(value) && typeof value['#text'] === 'string') {
    return value['#text'];
  }
  return undefined;
}

function verboseEntries(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap(verboseEntries);
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    // XML lists: <verbose><item>…</item></verbose>, or the same under another single child name.
    if (keys.length === 1 && !isProblemRecord(value)) {
      const inner = value[keys[0]];
      if (Array.isArray(inner) || isRecord(inner) || keys[0] === 'item') {
        return verboseEntries(inner);
      }
      // `{ date: "must be a date" }`: one field problem.
      return [{ field: keys[0], message: inner }];
    }
    if (!isProblemRecord(value)) {
      // A map of field → message.
      return keys.map((key) => ({ field: key, message: value[key] }));
    }
  }
  return [value];
}

function isProblemRecord(value: WireRecord): boolean {
  return 'message' in value || 'msg' in value || 'error' in value;
}

function collectVerbose(value: unknown): string[] {
  return verboseEntries(value)
    .map((entry) => {
      if (isRecord(entry)) {
        const message = firstText(entry.message) ?? firstText(entry.msg) ?? firstText(entry.error) ?? '';
        const field = firstText(entry.field) ?? firstText(entry.name);
        return field ? `${field}: ${message}` : message;
      }
      return firstText(entry) ?? '';
    })
    .filter((line) => line !== '');
}

function collectFields(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const entry of verboseEntries(value)) {
    if (isRecord(entry)) {
      const message = firstText(entry.message) ?? firstText(entry.msg) ?? firstText(entry.error);
      const field = firstText(entry.field) ?? firstText(entry.name);
      if (message) {
        problems.push(field ? { field, message } : { message });
      }
      continue;
    }
    const line = firstText(entry);
    if (!line) {
      continue;
    }
    // "date: must be YYYY-MM-DD" or "… field 'date' …"; anything else stays without a field.
    const prefixed = /^([a-z_][a-z0-9_]*)\s*:\s*(.+)$/i.exec(line);
    const named = /\bfield\s+['"`]?([a-z_][a-z0-9_]*)/i.exec(line);
    if (prefixed) {
      problems.push({ field: prefixed[1].toLowerCase(), message: prefixed[2].trim() });
    } else if (named) {
      problems.push({ field: named[1].toLowerCase(), message: line });
    } else {
      problems.push({ message: line });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Kinds and messages

const unauthorizedCodes = new Set([2, 3, 7, 8, 9]);
const serverCodes = new Set([1, 4, 19, 20]);

export function kindFor(status: number | undefined, code: number | undefined): IntervalsErrorKind {
  if (status === 429) {
    return 'rateLimited';
  }
  if (code !== undefined) {
    if (unauthorizedCodes.has(code)) {
      return 'unauthorized';
    }
    if (code === 10 || code === 5 || code === 6) {
      return 'forbidden';
    }
    if (code === 14 || code === 13) {
      return 'notFound';
    }
    if (code === 11 || code === 12) {
      return 'rateLimited';
    }
    if (serverCodes.has(code)) {
      return 'server';
    }
    if (code === 18 || code === 15 || code === 16 || code === 17) {
      return 'validation';
    }
  }
  if (status === undefined) {
    return 'badResponse';
  }
  if (status === 401) {
    return 'unauthorized';
  }
  if (status === 403 || status === 402 || status === 418 || status === 451) {
    return 'forbidden';
  }
  if (status === 404 || status === 410) {
    return 'notFound';
  }
  if (status === 408) {
    return 'timeout';
  }
  if (status >= 500) {
    return 'server';
  }
  if (status >= 400) {
    return 'validation';
  }
  return 'badResponse';
}

export interface ErrorAnswer {
  status: number;
  body: string;
  contentType?: string;
  retryAfterMs?: number;
  /** For writes whose answer was a 5xx: the service may have applied it. */
  method?: string;
  path?: string;
  host?: string;
}

/** Turns an HTTP error answer (any status ≥ 300, any body) into an IntervalsError. */
export function errorFromAnswer(answer: ErrorAnswer): IntervalsError {
  const parsed = parseErrorBody(answer.body, answer.contentType, answer.status);
  const kind = kindFor(answer.status, parsed.code);
  const message = userMessage(kind, {
    status: answer.status,
    code: parsed.code,
    serverMessage: parsed.message,
    verbose: parsed.verbose,
    retryAfterMs: answer.retryAfterMs,
    host: answer.host,
    shape: parsed.shape,
  });
  return new IntervalsError({
    kind,
    message,
    status: answer.status,
    code: parsed.code,
    serverMessage: parsed.message,
    verbose: parsed.verbose,
    fields: kind === 'validation' ? parsed.fields : [],
    retryAfterMs: answer.retryAfterMs,
    mayHaveReachedServer: isWrite(answer.method) && kind === 'server' && writeMayHaveApplied(answer.status, parsed.code),
    method: answer.method,
    path: answer.path,
  });
}

export function isWrite(method: string | undefined): boolean {
  return method !== undefined && method !== 'GET' && method !== 'HEAD';
}

/** Gateways (502/503) and "service offline"/"suspended" mean the service did not act on it. */
function writeMayHaveApplied(status: number, code: number | undefined): boolean {
  if (code === 4 || code === 20) {
    return false;
  }
  return status !== 502 && status !== 503;
}

interface MessageFacts {
  status?: number;
  code?: number;
  serverMessage?: string;
  verbose?: string[];
  retryAfterMs?: number;
  host?: string;
  shape?: ParsedErrorBody['shape'];
  timeoutMs?: number;
  networkCode?: string;
  /** The answer was larger than this many bytes and was not read. */
  tooLargeBytes?: number;
}

/**
 * What the user reads when a request failed: what happened and what to do. These reach the user
 * only once the client has given up (reads are retried before) or for a write it never repeats,
 * so they never promise an automatic retry; code that does resend (the time-entry outbox) says so
 * itself.
 */
export function userMessage(kind: IntervalsErrorKind, facts: MessageFacts = {}): string {
  const { code } = facts;
  switch (kind) {
    case 'unauthorized':
      if (code === 2) {
        return 'Intervals does not know this account. Check the API address and sign in again.';
      }
      if (code === 3) {
        return 'This Intervals account is inactive. Ask the account owner to reactivate it, then sign in again.';
      }
      if (code === 8) {
        return 'Your Intervals user is not active. Ask an Intervals administrator to reactivate it, then sign in again.';
      }
      return 'The Intervals token was rejected. Sign in again with a current token.';
    case 'forbidden':
      if (code === 5) {
        return 'This Intervals account has been banned. Contact Intervals support.';
      }
      if (code === 6) {
        return 'This Intervals account is inactive because of an unpaid invoice. Ask the account owner to settle it.';
      }
      return `Your Intervals role does not allow this.${detail(facts)} Ask an Intervals administrator for access.`;
    case 'notFound':
      if (code === 13) {
        return 'This server does not offer that kind of Intervals data. Check the API address setting.';
      }
      return 'That item no longer exists in Intervals. Refresh to see the current data.';
    case 'validation':
      if (code === 17) {
        return `Intervals did not recognise a parameter of the request.${detail(facts)} Update the extension or report the problem.`;
      }
      if (code === 15 || code === 16) {
        return `Intervals does not allow this action here.${detail(facts)}`;
      }
      return `Intervals did not accept the request.${detail(facts)} Correct the values and try again.`;
    case 'rateLimited':
      if (code === 11) {
        return 'The Intervals daily API request limit for this account is used up. Try again after it resets (midnight GMT).';
      }
      return `Intervals is busy (too many requests). Try again in ${facts.retryAfterMs ? seconds(facts.retryAfterMs) : 'a minute'}.`;
    case 'server':
      if (code === 4) {
        return 'This Intervals account is suspended. Ask the account owner to contact Intervals.';
      }
      if (code === 20) {
        return 'Intervals is offline for maintenance. Try again later.';
      }
      return `Intervals had a problem answering${facts.status ? ` (HTTP ${facts.status})` : ''}. Try again in a moment.`;
    case 'network':
      if (isCertificateProblem(facts.networkCode)) {
        return `The secure connection to ${facts.host ?? 'Intervals'} could not be verified (${facts.networkCode}). If your network inspects traffic, check VS Code's proxy settings.`;
      }
      return 'Intervals is not answering. Check your connection and try again.';
    case 'timeout':
      return `Intervals did not answer${facts.timeoutMs ? ` within ${seconds(facts.timeoutMs)}` : ' in time'}. Check your connection and try again.`;
    case 'badResponse': {
      const where = facts.host ? `The server at ${facts.host}` : 'The server';
      if (facts.shape === 'html') {
        return `${where} answered with a web page instead of Intervals data. Check the API address setting, and sign in to your network if it asks.`;
      }
      if (facts.tooLargeBytes !== undefined) {
        return `${where} sent an answer larger than ${megabytes(facts.tooLargeBytes)}, more than Intervals data of this kind can be; it was not read. Check the API address setting.`;
      }
      if (facts.status !== undefined && facts.status >= 300 && facts.status < 400) {
        return `${where} redirected the request (HTTP ${facts.status}). Check the API address setting.`;
      }
      return `${where} answered in a form the extension cannot read. Check the API address setting.`;
    }
    case 'cancelled':
      return 'The request was cancelled.';
  }
}

function detail(facts: MessageFacts): string {
  const parts = [facts.serverMessage, ...(facts.verbose ?? [])].filter((part): part is string => !!part && part.trim() !== '');
  const unique = [...new Set(parts.map((part) => part.trim().replace(/[.\s]+$/, '')))];
  return unique.length ? ` ${unique.join('; ')}.` : '';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
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

function isCertificateProblem(networkCode: string | undefined): boolean {
  return networkCode !== undefined && certificateCodes.has(networkCode);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`, at most `MAX_SERVER_WAIT_MS`. */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return clampDelay(Number(text) * 1000, MAX_SERVER_WAIT_MS);
  }
  const date = Date.parse(text);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return clampDelay(date - now, MAX_SERVER_WAIT_MS);
}
