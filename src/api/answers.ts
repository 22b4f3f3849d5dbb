import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { userMessage } from './errorMessages';
import { errorFromAnswer, looksLikeHtml } from './errorParsing';
import { certificateCodes, IntervalsError, isWrite, type IntervalsErrorKind } from './errors';
import { isRecord, readEnvelope, type Envelope } from './normalize';
import type { Format } from './types';
import { XmlFormatError, parseXml } from './xml';

/**
 * Reading what Intervals answered: the body within its size, what a successful answer holds, and
 * what a failed exchange means, in the user's words, without the token.
 */

/** What reading an answer needs: the API host (named in messages) and the redactor. */
export interface AnswerContext {
  readonly host: string;
  redact(text: string): string;
}

/** The largest error answer read: enough to read its message. */
export const MAX_ERROR_BODY = 64 * 1024;

export function mediaType(format: Format): string {
  return format === 'xml' ? 'application/xml' : 'application/json';
}

export function isXml(text: string, contentType: string | undefined): boolean {
  if (contentType && /json/i.test(contentType)) {
    return false;
  }
  if (contentType && /xml/i.test(contentType)) {
    return true;
  }
  return text.startsWith('<');
}

/** Commas stay literal so CSV filters read naturally in the log. */
export function encodeQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`)
    .join('&');
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The whole answer, or undefined (and the stream closed) once it is declared or found longer than `limit`. */
export async function readBodyWithin(body: Dispatcher.ResponseData['body'], limit: number, declaredLength: number): Promise<string | undefined> {
  if (declaredLength > limit) {
    body.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** At most `limit` bytes of an error answer: enough to read its message. */
export async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, limit);
}

/** Network codes of a request that never reached the server: it cannot have been applied. */
export const neverConnectedCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  ...certificateCodes,
]);

/** The network code (`ECONNRESET`…) of an error or of one of its causes. */
export function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/** `500 code 1`, `timeout ECONNRESET`: a failure in the log. */
export function describeFailure(error: IntervalsError, withStatus = true): string {
  const parts: string[] = [withStatus && error.status !== undefined ? String(error.status) : error.kind];
  if (error.code !== undefined) {
    parts.push(`code ${error.code}`);
  }
  if (error.networkCode) {
    parts.push(error.networkCode);
  }
  return parts.join(' ');
}

/** The envelope of a 2xx answer; an empty, HTML or unreadable one, or an error dressed as success, throws. */
export function parseSuccess(context: AnswerContext, text: string, contentType: string | undefined, status: number, method: string, path: string): Envelope {
  const trimmed = text.trim();
  if (!trimmed) {
    if (method === 'DELETE' || status === 204) {
      return readEnvelope({});
    }
    // l10n-ignore: detail for the log (serverMessage)
    throw badResponse(context, 'The answer was empty.', method, path, isWrite(method));
  }
  if (looksLikeHtml(trimmed, contentType)) {
    throw new IntervalsError({
      kind: 'badResponse',
      status,
      message: userMessage('badResponse', { shape: 'html', host: context.host }),
      // l10n-ignore: detail for the log
      serverMessage: 'HTML page instead of API data',
      mayHaveReachedServer: isWrite(method),
      method,
      path,
    });
  }
  const envelope = envelopeOf(context, trimmed, contentType, method, path);
  // An error dressed as success: envelope code ≥ 400 or an `error` member.
  const envelopeCode = envelope.code ?? 0;
  if (isRecord(envelope.body.error) || envelopeCode >= 400) {
    throw errorFromAnswer({ status: envelopeCode >= 400 ? envelopeCode : 400, body: text, contentType, method, path, host: context.host });
  }
  return envelope;
}

function envelopeOf(context: AnswerContext, text: string, contentType: string | undefined, method: string, path: string): Envelope {
  let parsed: unknown;
  try {
    parsed = isXml(text, contentType) ? parseXml(text) : (JSON.parse(text) as unknown);
  } catch (error) {
    const reason = error instanceof XmlFormatError || error instanceof SyntaxError ? error.message : String(error);
    // l10n-ignore: detail for the log (serverMessage)
    throw badResponse(context, `Unreadable answer: ${reason}`, method, path, isWrite(method));
  }
  try {
    return readEnvelope(parsed);
  } catch (error) {
    throw badResponse(context, error instanceof Error ? error.message : String(error), method, path, isWrite(method));
  }
}

/** How an exchange that got no answer ended: timed out, cancelled, or the network failed. */
export interface ExchangeEnd {
readonly timedOut: boolean;
readonly signal: AbortSignal | undefined;
readonly method: string;
readonly path: string;
readonly timeoutMs: number;
/** The request may have left (a write then may have been applied). */
readonly sent: boolean;
}

/** The error of an exchange that failed without an answer. */
export function transportError(context: AnswerContext, error: unknown, end: ExchangeEnd): IntervalsError {
const { timedOut, signal, method, path, timeoutMs, sent } = end;
  if (timedOut) {
    return new IntervalsError({ kind: 'timeout', message: userMessage('timeout', { timeoutMs }), mayHaveReachedServer: sent, method, path });
  }
  if (signal?.aborted) {
    return new IntervalsError({ kind: 'cancelled', message: userMessage('cancelled'), mayHaveReachedServer: sent, method, path });
  }
  const networkCode = errorCode(error);
  const kind: IntervalsErrorKind =
    networkCode === 'UND_ERR_HEADERS_TIMEOUT' || networkCode === 'UND_ERR_BODY_TIMEOUT' || networkCode === 'UND_ERR_CONNECT_TIMEOUT'
      ? 'timeout'
      : 'network';
  const notConnected = networkCode !== undefined && neverConnectedCodes.has(networkCode);
  return new IntervalsError({
    kind,
    message: userMessage(kind, { timeoutMs, networkCode, host: context.host }),
    serverMessage: context.redact(errorText(error)),
    mayHaveReachedServer: sent && !notConnected,
    method,
    path,
    networkCode,
  });
}

/** Any failure as an `IntervalsError` that names its request and holds no secret. */
export function toIntervalsError(context: AnswerContext, error: unknown, method: string, path: string): IntervalsError {
  if (error instanceof IntervalsError) {
    const located = error.method && error.path ? error : error.withRequest(method, path);
    return located.redacted(context.redact);
  }
  // A bug, not a transport problem; keep its text for the log, without secrets.
  return new IntervalsError({
    kind: 'badResponse',
    message: context.redact(l10n.t('The Intervals answer could not be handled: {0}', errorText(error))),
    method,
    path,
    mayHaveReachedServer: isWrite(method),
  }).redacted(context.redact);
}


/** An answer that is not what the API sends, told in the user's words with the detail for the log. */
export function badResponse(context: AnswerContext, detail: string, method: string, path: string, mayHaveReachedServer = false): IntervalsError {
  return new IntervalsError({
    kind: 'badResponse',
    message: userMessage('badResponse', { host: context.host }),
    serverMessage: context.redact(detail),
    mayHaveReachedServer,
    method,
    path,
  });
}
