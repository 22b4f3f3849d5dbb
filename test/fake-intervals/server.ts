// An Intervals-compatible HTTP server for tests and the demo: Basic auth with API tokens, JSON
// or XML by Accept, the documented envelopes and error codes, and fault injection.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, apiErrorMessage } from './apiErrors';
import { handleControl } from './controlRoutes';
import { dispatch } from './dispatch';
import { FaultState, type FailureSpec, type FaultController } from './faults';
import { defaultFixture } from './fixture';
import { usedToday } from './resources/quota';
import { RequestContext, type WriteBody } from './resources/resource';
import { storedTime } from './resources/time';
import { insertRow } from './rowDefaults';
import { FakeStore, GROUP_IDS, type Fixture, type GroupName, type PersonRow, type TimeRow } from './store';
import { envelopeToXml, type OutObject } from './xml';
import {
  MAX_BODY_BYTES,
  negotiateFormat,
  parseRoute,
  readBody,
  statusText,
  toJsonText,
  type Outcome,
  type ReadBody,
  type WireFormat,
} from './wire';

export type { FailureSpec, FaultController, FaultMatch, RateLimitOptions } from './faults';
export type { Fixture } from './store';
export { FakeStore } from './store';

export type { WireFormat } from './wire';
export { negotiateFormat, toJsonText } from './wire';

export interface FakeIntervalsOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: `defaultFixture({ now: now() })`. */
  fixture?: Fixture;
  /** Clock for fixture dates, stamps, "today", quota days and the rate-limit window. */
  now?: () => Date;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/task/13/`. */
  path: string;
  query: Record<string, string>;
  /** Response format chosen from `Accept`. */
  format: WireFormat;
  /** Parsed PUT/POST body (JSON or XML), when there was one and it parsed. */
  body?: WriteBody;
  /** Format of that body. */
  bodyFormat?: WireFormat;
  /** HTTP status sent; 0 when no answer was sent (dropped, or the client left during a stall). */
  status: number;
  /** Intervals API error code of an error answer. */
  code?: number;
  /** ISO 8601 time of arrival, from the injected clock. */
  at: string;
  resource?: string;
  id?: string;
  /** Person id of the authenticated caller. */
  personid?: number;
  fault?: 'fail' | 'drop' | 'commitThenDrop' | 'stall' | 'commitLate' | 'dropAfterTimeout' | 'rateLimit';
}

export type TokenRole = 'admin' | 'manager' | 'resource' | 'executive';

export interface FakeIntervals {
  /** `http://127.0.0.1:PORT/` (trailing slash). */
  readonly url: string;
  readonly tokens: Readonly<Record<TokenRole, string>>;
  readonly store: FakeStore;
  readonly requests: RecordedRequest[];
  readonly faults: FaultController;
  /** Requests currently held back by latency or a stall (lets tests abort at the right moment). */
  readonly waiting: number;
  /**
   * A time entry as if made in the Intervals web app (or on another computer): stored as the
   * account stores entries (see `TimeStorage`), never seen by the client.
   */
  addWebAppEntry(row: Partial<TimeRow> & Pick<TimeRow, 'personid' | 'projectid' | 'worktypeid'>): TimeRow;
  /** Resolves once no request is held by `commitLateNext`/`dropAfterTimeoutNext` and every late commit has been applied. */
  settled(): Promise<void>;
  /** Restores the fixture and clears the request log and faults. */
  reset(): void;
  close(): Promise<void>;
}

/** How long `commitLateNext` and `dropAfterTimeoutNext` hold a request whose client does not give up. */
const HOLD_LIMIT_MS = 5 * 60_000;

function tokensOf(store: FakeStore): Record<TokenRole, string> {
  const pick = (group: GroupName): string =>
    store.person.find((p) => p.groupid === GROUP_IDS[group] && p.active && p.apitoken)?.apitoken ?? '';
  return { admin: pick('Administrator'), manager: pick('Manager'), resource: pick('Resource'), executive: pick('Executive') };
}

class FakeIntervalsServer implements FakeIntervals {
  readonly store: FakeStore;
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultState();
  readonly tokens: Readonly<Record<TokenRole, string>>;
  url = '';

  private readonly server: http.Server;
  private readonly fixture: Fixture;
  private readonly now: () => Date;
  private readonly pendingWaits = new Set<() => void>();
  /** API requests whose handling has not finished, as `METHOD /path`. */
  private readonly active = new Set<{ readonly request: string }>();
  private readonly lateCommits = new Set<Promise<void>>();
  private closing = false;

  get waiting(): number {
    return this.pendingWaits.size;
  }

  constructor(options: FakeIntervalsOptions) {
    this.now = options.now ?? (() => new Date());
    this.fixture = options.fixture ?? defaultFixture({ now: this.now() });
    this.store = new FakeStore(this.fixture);
    this.tokens = tokensOf(this.store);
    this.server = http.createServer((req, res) => {
      void this.route(req, res);
    });
    // Keep-alive sockets must not hold `close()` up.
    this.server.keepAliveTimeout = 1000;
  }

  async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.url = `http://${hostPart}:${address.port}/`;
  }

  addWebAppEntry(row: Partial<TimeRow> & Pick<TimeRow, 'personid' | 'projectid' | 'worktypeid'>): TimeRow {
    const inserted = insertRow(this.store, 'time', row, this.now());
    return Object.assign(inserted, storedTime(this.store.account.timeStorage, inserted));
  }

  async settled(): Promise<void> {
    while (this.lateCommits.size > 0) {
      await Promise.all([...this.lateCommits]);
    }
  }

  reset(): void {
    this.store.load(this.fixture);
    this.requests.length = 0;
    this.faults.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const cancel of [...this.pendingWaits]) {
      cancel();
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      if (url.pathname === '/__control' || url.pathname.startsWith('/__control/')) {
        await handleControl(this.controlTarget(), req, res, url);
        return;
      }
      const entry = { request: `${(req.method ?? 'GET').toUpperCase()} ${url.pathname}` };
      this.active.add(entry);
      try {
        await this.handleApi(req, res, url);
      } finally {
        this.active.delete(entry);
      }
    } catch (error) {
      // Anything unexpected is the fake's own bug: answer 500 / code 1 so tests see it.
      if (!res.headersSent && !res.destroyed) {
        const message = error instanceof Error ? error.message : String(error);
        const body = toJsonText({ personid: null, status: 'Internal Server Error', code: 500, error: { code: 1, message: 'General error', verbose: [message] } });
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      }
    }
  }

  private controlTarget() {
    return {
      url: this.url,
      tokens: this.tokens,
      store: this.store,
      requests: this.requests,
      faults: this.faults,
      now: this.now,
      reset: () => this.reset(),
      inFlight: () => [...this.active].map((entry) => entry.request),
      addWebAppEntry: (row: Partial<TimeRow> & Pick<TimeRow, 'personid' | 'projectid' | 'worktypeid'>) => this.addWebAppEntry(row),
      settled: () => this.settled(),
    };
  }

  /** Waits `ms`; false when the client went away (or the server is closing) first. */
  private wait(ms: number, res: http.ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      if (res.destroyed || res.socket?.destroyed) {
        resolve(false);
        return;
      }
      const finish = (stillThere: boolean): void => {
        clearTimeout(timer);
        res.off('close', onClose);
        this.pendingWaits.delete(cancel);
        resolve(stillThere);
      };
      const onClose = (): void => finish(false);
      const cancel = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.once('close', onClose);
      this.pendingWaits.add(cancel);
    });
  }

  private async handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const format = negotiateFormat(req.headers.accept);
    const route = parseRoute(url.pathname);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      format,
      status: 0,
      at: this.now().toISOString(),
    };
    if (route.resource !== undefined) {
      record.resource = route.resource;
    }
    if (route.id !== undefined) {
      record.id = route.id;
    }
    const chunked = req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined;
    let body: ReadBody;
    try {
      body = await readBody(req);
    } catch {
      return;
    }

    if (this.faults.latency > 0 && !(await this.wait(this.faults.latency, res))) {
      this.log(record);
      return;
    }
    const fault = this.faults.take(method, route.resource);
    if (fault?.kind === 'stall') {
      record.fault = 'stall';
      if (!(await this.wait(fault.ms, res))) {
        this.log(record);
        return;
      }
    }
    if (fault?.kind === 'commitLate' || fault?.kind === 'dropAfterTimeout') {
      record.fault = fault.kind;
      // Held until the client gives up on it (or a generous limit passes), then never answered.
      const held = this.wait(HOLD_LIMIT_MS, res).then(() => undefined);
      this.lateCommits.add(held);
      await held;
      this.lateCommits.delete(held);
      req.socket.destroy();
      if (fault.kind === 'dropAfterTimeout' || this.closing) {
        this.log(record);
        return;
      }
      this.commitLater(fault.delayMs, () => {
        const outcome = this.process(req, method, route, record, body, chunked);
        record.status = outcome.status;
        if (outcome.code !== undefined) {
          record.code = outcome.code;
        }
        this.log(record);
      });
      return;
    }
    if (fault?.kind === 'drop') {
      record.fault = 'drop';
      this.log(record);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'fail') {
      record.fault = 'fail';
      this.sendFailure(res, record, fault.failure);
      return;
    }

    const outcome = this.process(req, method, route, record, body, chunked);
    if (fault?.kind === 'commitThenDrop') {
      record.fault = 'commitThenDrop';
      record.status = outcome.status;
      if (outcome.code !== undefined) {
        record.code = outcome.code;
      }
      this.log(record);
      req.socket.destroy();
      return;
    }
    this.send(res, record, outcome, format);
  }

  /** Applies a held write `delayMs` after its client left (unless the server closes first). */
  private commitLater(delayMs: number, apply: () => void): void {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.pendingWaits.delete(cancel);
        if (!this.closing) {
          apply();
        }
        resolve();
      }, delayMs);
      const cancel = (): void => {
        clearTimeout(timer);
        this.pendingWaits.delete(cancel);
        resolve();
      };
      this.pendingWaits.add(cancel);
    });
    this.lateCommits.add(done);
    void done.finally(() => this.lateCommits.delete(done));
  }

  private process(
    req: http.IncomingMessage,
    method: string,
    route: { resource?: string; id?: string; extra: boolean },
    record: RecordedRequest,
    body: ReadBody,
    chunked: boolean,
  ): Outcome {
    let caller: PersonRow | undefined;
    try {
      if ((method === 'PUT' || method === 'POST') && chunked) {
        throw new ApiError(18, ['Content-Length is required for a request with a body (chunked transfer encoding is not accepted)'], {
          status: 411,
          message: 'Length Required',
        });
      }
      if (body.tooLarge) {
        throw new ApiError(18, [`the request body exceeds ${MAX_BODY_BYTES} bytes`], { status: 413 });
      }
      const verdict = this.faults.admit(this.now().getTime());
      if (verdict) {
        record.fault = 'rateLimit';
        throw new ApiError(12, [`more than the allowed requests per minute; retry in ${verdict.retryAfterSeconds}s`], {
          status: verdict.status,
          headers: verdict.status === 429 ? { 'Retry-After': String(verdict.retryAfterSeconds) } : {},
        });
      }
      caller = this.authenticate(req.headers.authorization);
      record.personid = caller.id;
      const ctx = new RequestContext(this.store, caller, this.now());
      if (route.resource !== 'quota') {
        this.countAgainstQuota(ctx);
      }
      return dispatch(ctx, req, method, route, record, body.bytes);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      return {
        status: error.status,
        code: error.code,
        headers: { ...error.headers },
        envelope: {
          personid: caller ? String(caller.id) : null,
          status: statusText(error.status),
          code: error.status,
          error: { code: error.code, message: error.message, verbose: error.verbose },
        },
      };
    }
  }

  private authenticate(header: string | undefined): PersonRow {
    const challenge = { 'WWW-Authenticate': 'Basic realm="Intervals API"' };
    const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
    if (!match) {
      throw new ApiError(9, ['send HTTP Basic authentication with the API token as the user name'], { headers: challenge });
    }
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const token = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    const person = token === '' ? undefined : this.store.person.find((p) => p.apitoken === token);
    if (!person) {
      // Never echo the token back.
      throw new ApiError(9, ['the API token is not valid'], { headers: challenge });
    }
    if (!person.active) {
      throw new ApiError(8, ['the user of this API token is not active']);
    }
    return person;
  }

  private countAgainstQuota(ctx: RequestContext): void {
    const account = this.store.account;
    const used = usedToday(ctx);
    if (used >= account.quota) {
      throw new ApiError(11, [`the daily allowance of ${account.quota} requests is used up; it resets at midnight GMT`]);
    }
    account.used = used + 1;
    account.usedday = ctx.today;
  }

  private send(res: http.ServerResponse, record: RecordedRequest, outcome: Outcome, format: WireFormat): void {
    record.status = outcome.status;
    if (outcome.code !== undefined) {
      record.code = outcome.code;
    }
    this.log(record);
    const text = format === 'xml' ? envelopeToXml(outcome.envelope) : toJsonText(outcome.envelope);
    this.write(res, outcome.status, format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8', text, outcome.headers);
  }

  private sendFailure(res: http.ServerResponse, record: RecordedRequest, failure: FailureSpec): void {
    const shape = failure.body ?? record.format;
    const message = failure.message ?? apiErrorMessage(failure.code);
    const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { 'Retry-After': String(failure.retryAfterSeconds) } : {};
    record.status = failure.status;
    if (shape === 'json' || shape === 'xml') {
      record.code = failure.code;
    }
    this.log(record);
    const envelope: OutObject = {
      personid: null,
      status: statusText(failure.status),
      code: failure.status,
      error: { code: failure.code, message, verbose: [] },
    };
    switch (shape) {
      case 'json':
        this.write(res, failure.status, 'application/json; charset=utf-8', toJsonText(envelope), headers);
        return;
      case 'xml':
        this.write(res, failure.status, 'application/xml; charset=utf-8', envelopeToXml(envelope), headers);
        return;
      case 'text':
        this.write(res, failure.status, 'text/plain; charset=utf-8', `${failure.status} ${statusText(failure.status)}: ${message}\n`, headers);
        return;
      case 'html':
        this.write(
          res,
          failure.status,
          'text/html; charset=utf-8',
          `<!DOCTYPE html>\n<html><head><title>${failure.status} ${statusText(failure.status)}</title></head><body><h1>${statusText(failure.status)}</h1><p>The server encountered a problem (${failure.code}).</p></body></html>\n`,
          headers,
        );
        return;
      case 'empty':
        res.writeHead(failure.status, { 'Content-Length': '0', ...headers });
        res.end();
        return;
    }
  }

  private write(res: http.ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
    if (res.destroyed) {
      return;
    }
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  private log(record: RecordedRequest): void {
    this.requests.push(record);
  }
}

export async function startFakeIntervals(options: FakeIntervalsOptions = {}): Promise<FakeIntervals> {
  const server = new FakeIntervalsServer(options);
  await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return server;
}
