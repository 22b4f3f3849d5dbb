import { MAX_SERVER_WAIT_MS, clampDelay } from './clock';
import { userMessage } from './errorMessages';
import { IntervalsError, isWrite, type FieldProblem, type IntervalsErrorKind } from './errors';
import { isRecord } from './normalize';
import { toNumber, type WireRecord } from './scalars';
import { parseXml } from './xml';

/**
 * What an error answer of Intervals means: its body read whatever its form (the JSON or XML
 * envelope, plain text, a proxy's web page), its kind from the status and Intervals' own code.
 */

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
  // l10n-ignore: markup sniffing, not text
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

/** Gateways (502/503) and "service offline"/"suspended" mean the service did not act on it. */
function writeMayHaveApplied(status: number, code: number | undefined): boolean {
  if (code === 4 || code === 20) {
    return false;
  }
  return status !== 502 && status !== 503;
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
