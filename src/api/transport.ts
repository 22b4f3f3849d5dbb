import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { badResponse, describeFailure, encodeQuery, headerValue, MAX_ERROR_BODY, mediaType, parseSuccess, readBody, readBodyWithin, toIntervalsError, transportError, type AnswerContext } from './answers';
import { validateBaseUrl } from './baseUrl';
import { clampDelay, systemNow, systemRandom, systemSleep, type Now, type Random, type Sleep } from './clock';
import { userMessage } from './errorMessages';
import { errorFromAnswer, parseRetryAfter } from './errorParsing';
import { IntervalsError, isWrite } from './errors';
import { dispatcherOnFirstRequest, type HttpDispatcher } from './lazyDependencies';
import { silentLogger, type ApiLogger } from './logger';
import { readEnvelope, type Envelope } from './normalize';
import { WireFormatError } from './scalars';
import { DEFAULT_RATE_LIMIT, SlidingWindowLimiter, type RequestBudget } from './rateLimiter';
import { Redactor } from './redaction';
import { DEFAULT_RETRY_POLICY, throwIfCancelled, withRetry, type RetryPolicy } from './retry';
import { SharedRequests } from './sharedRequests';
import type { Format } from './types';
import { buildXml } from './xml';

export interface TransportOptions {
  /** API address; validated with `validateBaseUrl` (https, or http on loopback only). */
  baseUrl: string;
  /** The user's 11-character API token. */
  token: string;
  /** Wire format of requests and answers. Default `json`. */
  format?: Format;
  /** Per attempt, from sending to the last byte of the answer. Default 30 s. */
  timeoutMs?: number;
  /** Replaces the client's own keep-alive pool (a proxy agent, a mock). Not closed by `close()`. */
  dispatcher?: HttpDispatcher;
  logger?: ApiLogger;
  /** Backoff for reads and deletes; `false` sends each request once. */
  retry?: Partial<RetryPolicy> | false;
  /**
   * Client-side request budget: a limit for this client (default 90 a minute), a budget shared
   * with other clients and processes, or `false` for none.
   */
  limiter?: Partial<{ maxRequests: number; windowMs: number }> | RequestBudget | false;
  /** Called with every `unauthorized` failure, so the session can sign out. */
  onUnauthorized?: (error: IntervalsError) => void;
  /** Blanks the token (and the extension's other secrets) from errors; the client keeps its token in it. */
  redactor?: Redactor;
  userAgent?: string;
  now?: Now;
  sleep?: Sleep;
  random?: Random;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call of the API: a resource, a member of it, a query, a body. */
export interface ApiRequest {
  method: Method;
  resource: string;
  id?: number;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MIB = 1024 * 1024;
const TIMEOUT = Symbol('timeout');

/**
 * The largest successful answer read, by kind: generous for what Intervals sends (a page of 500
 * tasks with long descriptions stays well under), small enough that a wrong address or a broken
 * proxy streaming a huge file cannot fill the memory of the extension host.
 */
export const MAX_ANSWER_BYTES = {
  /** `/me/` and `/quota/`: one small record. */
  account: 1 * MIB,
  /** One member: a read, or the answer to a create or update. */
  member: 4 * MIB,
  /** One page of a collection. */
  page: 32 * MIB,
} as const;

function answerLimit(request: ApiRequest): number {
  if (request.resource === 'me' || request.resource === 'quota') {
    return MAX_ANSWER_BYTES.account;
  }
  return request.method === 'GET' && request.id === undefined ? MAX_ANSWER_BYTES.page : MAX_ANSWER_BYTES.member;
}

/**
 * How a call reaches Intervals and comes back: HTTP Basic with the token, JSON or XML, the
 * envelope unwrapped, reads retried with backoff, requests kept under the rate limit, identical
 * reads in flight shared, every failure turned into an `IntervalsError` without the token in it.
 */
export class Transport {
  readonly baseUrl: string;
  readonly format: Format;
  readonly #authorization: string;
  /** What reading an answer needs: the host (for messages) and the redactor. */
  private readonly answers: AnswerContext;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly host: string;
  private readonly dispatcher: HttpDispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly logger: ApiLogger;
  private readonly retryPolicy: RetryPolicy;
  private readonly limiter: RequestBudget | undefined;
  private readonly shared = new SharedRequests<Envelope>();
  private readonly onUnauthorized: ((error: IntervalsError) => void) | undefined;
  private readonly userAgent: string;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private closed = false;

  constructor(options: TransportOptions) {
    const checked = validateBaseUrl(options.baseUrl);
    if (!checked.ok) {
      throw new Error(checked.message);
    }
    const token = options.token.trim();
    if (!token) {
      throw new Error(l10n.t('An Intervals API token is needed. Sign in with the token from My Account → API Access.'));
    }
    this.baseUrl = checked.url;
    const url = new URL(checked.url);
    this.origin = url.origin;
    this.basePath = url.pathname;
    this.host = url.host;
    this.format = options.format ?? 'json';
    this.#authorization = `Basic ${Buffer.from(`${token}:X`).toString('base64')}`;
    const redactor = options.redactor ?? new Redactor();
    // For the client's whole life: an answer may arrive, and be logged, after close().
    redactor.keep(token);
    this.answers = { host: this.host, redact: (text) => redactor.redact(text) };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.random = options.random ?? systemRandom;
    this.retryPolicy = options.retry === false ? { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } : { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.limiter = this.limiterOf(options.limiter);
    this.onUnauthorized = options.onUnauthorized;
    this.userAgent = options.userAgent ?? 'intervals-vscode';
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? this.ownPool();
  }

  /** Stops new requests and closes the client's own connection pool. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    if (this.ownsDispatcher) {
      await this.dispatcher.close();
    }
  }

  /** One API call: shared when it is a read already in flight, retried when that is safe. */
  send(request: ApiRequest, options: RequestOptions = {}): Promise<Envelope> {
    if (this.closed) {
      return Promise.reject(
        new IntervalsError({ kind: 'cancelled', message: l10n.t('The Intervals connection was closed (signed out or settings changed).') }),
      );
    }
    const path = this.pathFor(request);
    if (request.method === 'GET') {
      const key = `${this.format} ${path}`;
      return this.shared.run(key, options.signal, (signal) => this.sendWithRetry(request, path, { ...options, signal }));
    }
    return this.sendWithRetry(request, path, options);
  }

  /** An answer that is not what the API sends, told in the user's words with the detail for the log. */
  badResponse(detail: string, method: string, path: string, mayHaveReachedServer = false): IntervalsError {
    return badResponse(this.answers, detail, method, path, mayHaveReachedServer);
  }

  /** Maps what the answer holds; a value of the wrong shape is a bad response, not a crash. */
  mapOrThrow<T>(map: () => T, method: string, path: string): T {
    try {
      return map();
    } catch (error) {
      if (error instanceof WireFormatError) {
        throw this.badResponse(error.message, method, path);
      }
      throw error;
    }
  }

  private limiterOf(limiter: TransportOptions['limiter']): RequestBudget | undefined {
    if (limiter === false) {
      return undefined;
    }
    return isBudget(limiter) ? limiter : new SlidingWindowLimiter({ ...DEFAULT_RATE_LIMIT, ...limiter, now: this.now, sleep: this.sleep });
  }

  private ownPool(): HttpDispatcher {
    return dispatcherOnFirstRequest(
      (http) =>
        new http.Pool(this.origin, {
          connections: 6,
          keepAliveTimeout: 30_000,
          connect: { timeout: Math.min(this.timeoutMs, 15_000) },
        }),
    );
  }

  private async sendWithRetry(request: ApiRequest, path: string, options: RequestOptions): Promise<Envelope> {
    let earlierMayHaveApplied = false;
    try {
      return await withRetry(
        async () => {
          try {
            return await this.attempt(request, path, options);
          } catch (error) {
            // A delete that may have gone through before and now finds nothing has done its job.
            if (request.method === 'DELETE' && earlierMayHaveApplied && error instanceof IntervalsError && error.kind === 'notFound') {
              this.logger.debug(`${request.method} ${path}: already gone after an unanswered attempt; treating as deleted`);
              return readEnvelope({});
            }
            if (error instanceof IntervalsError && error.mayHaveReachedServer) {
              earlierMayHaveApplied = true;
            }
            throw error;
          }
        },
        {
          method: request.method,
          policy: this.retryPolicy,
          sleep: this.sleep,
          random: this.random,
          signal: options.signal,
          onRetry: ({ attempt, delayMs, error }) => this.retrying(request.method, path, attempt, delayMs, error),
        },
      );
    } catch (error) {
      throw this.failed(error, request.method, path);
    }
  }

  private retrying(method: string, path: string, attempt: number, delayMs: number, error: IntervalsError): void {
    if (error.kind === 'rateLimited' && error.retryAfterMs !== undefined) {
      this.limiter?.holdUntil(this.now() + error.retryAfterMs);
    }
    this.logger.info(
      `${method} ${path}: ${describeFailure(error)}; retrying in ${Math.round(delayMs)}ms (attempt ${attempt + 1} of ${this.retryPolicy.maxAttempts})`,
    );
  }

  /** The failure of a call once every attempt is over: logged, and a 401 told to the session. */
  private failed(error: unknown, method: string, path: string): IntervalsError {
    const failure = toIntervalsError(this.answers, error, method, path);
    if (failure.kind === 'cancelled') {
      this.logger.debug(`${method} ${path} cancelled`);
    } else {
      this.logger.warn(`${method} ${path} failed (${describeFailure(failure)}): ${failure.serverMessage ?? failure.message}`);
    }
    if (failure.kind === 'unauthorized') {
      this.onUnauthorized?.(failure);
    }
    return failure;
  }

  /** One HTTP exchange, bounded by the timeout, its answer parsed or turned into an error. */
  private async attempt(request: ApiRequest, path: string, options: RequestOptions): Promise<Envelope> {
    const { signal } = options;
    if (this.limiter) {
      await this.limiter.acquire(signal);
    }
    throwIfCancelled(signal);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMEOUT), clampDelay(timeoutMs));
    const started = this.now();
    const exchange = { dispatched: false };
    try {
      const response = await this.dispatch(request, path, controller.signal, timeoutMs, exchange);
      return await this.answer(request, path, response, started);
    } catch (error) {
      if (error instanceof IntervalsError) {
        throw error;
      }
      const sent = exchange.dispatched && isWrite(request.method);
      const failure = transportError(this.answers, error, { timedOut: controller.signal.reason === TIMEOUT, signal, method: request.method, path, timeoutMs, sent });
      this.logger.debug(`${request.method} ${path} ${describeFailure(failure)} ${this.now() - started}ms`);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Sends the request; `exchange.dispatched` tells, should it fail, whether it may have left. */
  private dispatch(
    request: ApiRequest,
    path: string,
    signal: AbortSignal,
    timeoutMs: number,
    exchange: { dispatched: boolean },
  ): Promise<Dispatcher.ResponseData> {
    const body = request.body ? this.encode(request.resource, request.body) : undefined;
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      accept: mediaType(this.format),
      'user-agent': this.userAgent,
    };
    if (body !== undefined) {
      headers['content-type'] = mediaType(this.format);
      headers['content-length'] = String(body.byteLength);
    }
    exchange.dispatched = true;
    return this.dispatcher.request({
      origin: this.origin,
      path,
      method: request.method,
      headers,
      body,
      signal,
      // Our own timer bounds the whole exchange; undici's would only fire later.
      headersTimeout: timeoutMs + 1_000,
      bodyTimeout: timeoutMs + 1_000,
    });
  }

  /** Reads the answer (within what its kind may weigh) and turns it into an envelope or an error. */
  private async answer(request: ApiRequest, path: string, response: Dispatcher.ResponseData, started: number): Promise<Envelope> {
    const { method } = request;
    const status = response.statusCode;
    const contentType = headerValue(response.headers['content-type']);
    const text = status >= 300 ? await readBody(response.body, MAX_ERROR_BODY) : await this.successBody(request, path, response);
    try {
      if (status >= 200 && status < 300) {
        const envelope = parseSuccess(this.answers, text, contentType, status, method, path);
        this.logger.debug(`${method} ${path} ${status} ${this.now() - started}ms`);
        return envelope;
      }
      if (status >= 300 && status < 400) {
        throw new IntervalsError({ kind: 'badResponse', status, message: userMessage('badResponse', { status, host: this.host }), method, path });
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.now());
      throw errorFromAnswer({ status, body: text, contentType, retryAfterMs, method, path, host: this.host });
    } catch (error) {
      if (error instanceof IntervalsError) {
        this.logger.debug(`${method} ${path} ${status} ${describeFailure(error, false)} ${this.now() - started}ms`);
      }
      throw error;
    }
  }

  /** A successful answer's text; one larger than its kind can be is refused unread. */
  private async successBody(request: ApiRequest, path: string, response: Dispatcher.ResponseData): Promise<string> {
    const limit = answerLimit(request);
    const read = await readBodyWithin(response.body, limit, Number(headerValue(response.headers['content-length'])));
    if (read !== undefined) {
      return read;
    }
    throw new IntervalsError({
      kind: 'badResponse',
      status: response.statusCode,
      message: userMessage('badResponse', { host: this.host, tooLargeBytes: limit }),
      // l10n-ignore: detail for the log
      serverMessage: `answer larger than ${limit} bytes`,
      // A write was applied before its answer came, however large.
      mayHaveReachedServer: isWrite(request.method),
      method: request.method,
      path,
    });
  }

  private encode(resource: string, body: Record<string, unknown>): Buffer {
    const text = this.format === 'xml' ? buildXml(resource, body) : JSON.stringify(body);
    return Buffer.from(text, 'utf8');
  }

  private pathFor(request: ApiRequest): string {
    const member = request.id !== undefined ? `${request.id}/` : '';
    const query = encodeQuery(request.query ?? {});
    return `${this.basePath}${request.resource}/${member}${query ? `?${query}` : ''}`;
  }
}

function isBudget(value: unknown): value is RequestBudget {
  return typeof (value as RequestBudget | undefined)?.acquire === 'function';
}
