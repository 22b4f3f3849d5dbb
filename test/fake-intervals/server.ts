// An Intervals-compatible HTTP server for tests and the demo: Basic auth with API tokens, JSON
// or XML by Accept, the documented envelopes and error codes, and fault injection.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, apiErrorMessage } from './apiErrors';
import { handleControl } from './controlRoutes';
import { FaultState, type FailureSpec, type FaultController } from './faults';
import { defaultFixture } from './fixture';
import { usedToday } from './resources/quota';
import { RESOURCES, RESOURCE_NAMES } from './resources/registry';
import { bodyId } from './resources/fields';
import { parseCollectionQuery } from './resources/filters';
import { RequestContext, type ResourceHandler, type WriteBody } from './resources/resource';
import { FakeStore, GROUP_IDS, type Fixture, type GroupName, type PersonRow } from './store';
import { envelopeToXml, parseXmlBody, XmlBodyError, type OutObject, type OutValue } from './xml';

export type { FailureSpec, FaultController, FaultMatch, RateLimitOptions } from './faults';
export type { Fixture } from './store';
export { FakeStore } from './store';

export type WireFormat = 'json' | 'xml';

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
  fault?: 'fail' | 'drop' | 'commitThenDrop' | 'stall' | 'rateLimit';
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
  /** Restores the fixture and clears the request log and faults. */
  reset(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const SUCCESS_STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

function statusText(status: number): string {
  return SUCCESS_STATUS_TEXT[status] ?? http.STATUS_CODES[status] ?? 'Error';
}

/** JSON or XML by Accept (first supported type by quality); JSON when absent or unsupported. */
export function negotiateFormat(accept: string | undefined): WireFormat {
  if (!accept) {
    return 'json';
  }
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.type === 'application/json') {
      return 'json';
    }
    if (entry.type === 'application/xml' || entry.type === 'text/xml') {
      return 'xml';
    }
  }
  return 'json';
}

/** PHP's json_encode escapes slashes (`America\/New_York`); so does the fake. */
export function toJsonText(value: OutValue): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}

function tokensOf(store: FakeStore): Record<TokenRole, string> {
  const pick = (group: GroupName): string =>
    store.person.find((p) => p.groupid === GROUP_IDS[group] && p.active && p.apitoken)?.apitoken ?? '';
  return { admin: pick('Administrator'), manager: pick('Manager'), resource: pick('Resource'), executive: pick('Executive') };
}

interface ReadBody {
  bytes: Buffer;
  tooLarge: boolean;
}

async function readBody(req: http.IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
    } else {
      chunks.push(chunk);
    }
  }
  return { bytes: Buffer.concat(chunks), tooLarge };
}

function parseRoute(pathname: string): { resource?: string; id?: string; extra: boolean } {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return { resource: segments[0], id: segments[1], extra: segments.length > 2 };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseRequestBody(bytes: Buffer, contentType: string | undefined, root: string): { body: WriteBody; format?: WireFormat } {
  if (bytes.length === 0) {
    return { body: {} };
  }
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (!type) {
    throw new ApiError(18, ['Content-Type is required with a request body: application/json or application/xml']);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError(18, ['the request body is not valid UTF-8']);
  }
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ApiError(18, [`malformed JSON body: ${(error as Error).message}`]);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ApiError(18, ['the JSON body must be an object of fields']);
    }
    return { body: parsed as WriteBody, format: 'json' };
  }
  if (type === 'application/xml' || type === 'text/xml') {
    try {
      return { body: parseXmlBody(text, root), format: 'xml' };
    } catch (error) {
      if (error instanceof XmlBodyError) {
        throw new ApiError(18, [error.message]);
      }
      throw error;
    }
  }
  throw new ApiError(18, [`Content-Type '${type}' is not supported: use application/json or application/xml`]);
}

interface Outcome {
  status: number;
  envelope: OutObject;
  headers?: Record<string, string>;
  code?: number;
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

  reset(): void {
    this.store.load(this.fixture);
    this.requests.length = 0;
    this.faults.clear();
  }

  async close(): Promise<void> {
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
      return this.dispatch(ctx, req, method, route, record, body.bytes);
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

  private dispatch(
    ctx: RequestContext,
    req: http.IncomingMessage,
    method: string,
    route: { resource?: string; id?: string; extra: boolean },
    record: RecordedRequest,
    bytes: Buffer,
  ): Outcome {
    const handler = route.resource === undefined ? undefined : RESOURCES.get(route.resource);
    if (!handler) {
      throw new ApiError(13, [`'${route.resource ?? ''}' is not a resource (known: ${RESOURCE_NAMES.join(', ')})`]);
    }
    if (route.extra) {
      throw new ApiError(15, [`/${handler.name}/ has no sub-resources or actions; address /${handler.name}/{id}/`]);
    }
    const query = record.query;
    if (handler.shape !== 'table') {
      if (route.id !== undefined) {
        throw new ApiError(15, [`/${handler.name}/ is a collection only; it has no members`]);
      }
      if (method !== 'GET') {
        throw new ApiError(16, [`${method} is not available on /${handler.name}/; only GET is`]);
      }
      handler.authorize(ctx, 'read');
      if (handler.shape === 'object' && handler.presentObject) {
        rejectQuery(query);
        return this.success(ctx, 200, { [handler.name]: handler.presentObject(ctx) });
      }
      return this.list(ctx, handler, query);
    }

    let memberId: number | undefined;
    if (route.id !== undefined) {
      memberId = /^\d+$/.test(route.id) && Number(route.id) > 0 ? Number(route.id) : undefined;
      if (memberId === undefined) {
        throw new ApiError(14, [`'${route.id}' is not a ${handler.name} id`]);
      }
    }

    switch (method) {
      case 'GET': {
        if (memberId === undefined) {
          return this.list(ctx, handler, query);
        }
        handler.authorize(ctx, 'read');
        rejectQuery(query);
        const row = this.member(ctx, handler, memberId);
        return this.success(ctx, 200, { [handler.name]: handler.present(ctx, row) });
      }
      case 'PUT':
      case 'POST': {
        const { body, format } = parseRequestBody(bytes, req.headers['content-type'], handler.name);
        record.body = body;
        if (format) {
          record.bodyFormat = format;
        }
        const fromBody = bodyId(body);
        if (fromBody === 'invalid') {
          throw new ApiError(18, ['id: must be a positive integer id']);
        }
        if (memberId !== undefined && fromBody !== undefined && fromBody !== memberId) {
          throw new ApiError(18, [`id: the body says ${fromBody} but the address says ${memberId}`]);
        }
        const targetId = memberId ?? fromBody;
        if (targetId === undefined && method === 'PUT') {
          throw new ApiError(16, [`PUT on the /${handler.name}/ collection needs an id; POST creates`]);
        }
        handler.authorize(ctx, targetId === undefined ? 'create' : 'update');
        rejectQuery(query);
        if (targetId === undefined) {
          if (!handler.create) {
            throw new ApiError(16, [`${handler.name} cannot be created`]);
          }
          const created = handler.create(ctx, body);
          ctx.invalidate();
          return this.success(ctx, 201, { [handler.name]: handler.present(ctx, created) });
        }
        const row = this.member(ctx, handler, targetId);
        if (!handler.update) {
          throw new ApiError(16, [`${handler.name} cannot be updated`]);
        }
        const updated = handler.update(ctx, row, body);
        ctx.invalidate();
        return this.success(ctx, 202, { [handler.name]: handler.present(ctx, updated) });
      }
      case 'DELETE': {
        if (memberId === undefined) {
          throw new ApiError(16, [`DELETE needs a member address: /${handler.name}/{id}/`]);
        }
        handler.authorize(ctx, 'delete');
        rejectQuery(query);
        const row = this.member(ctx, handler, memberId);
        if (!handler.remove) {
          throw new ApiError(16, [`${handler.name} cannot be deleted`]);
        }
        handler.remove(ctx, row);
        return this.success(ctx, 200, {});
      }
      default:
        throw new ApiError(16, [`${method} is not available; use GET, POST, PUT or DELETE`]);
    }
  }

  private member(ctx: RequestContext, handler: ResourceHandler, id: number): { id: number } {
    const row = handler.get(ctx, id);
    if (!row) {
      throw new ApiError(14, [`${handler.name} ${id} does not exist`]);
    }
    return row;
  }

  private list(ctx: RequestContext, handler: ResourceHandler, query: Record<string, string>): Outcome {
    handler.authorize(ctx, 'read');
    const { filters, page } = parseCollectionQuery(query, handler.filters, handler.sortFieldNames);
    const rows = handler.list(ctx, filters);
    if (page.sortfield !== undefined) {
      const field = page.sortfield;
      const direction = page.sortdir === 'DESC' ? -1 : 1;
      rows.sort((a, b) => {
        const left = handler.sortValue(field, a, ctx);
        const right = handler.sortValue(field, b, ctx);
        // Nulls sort first ascending, like MySQL; ties keep id order.
        const order = left === right ? 0 : left === null ? -1 : right === null ? 1 : left < right ? -1 : 1;
        return order * direction || a.id - b.id;
      });
    } else if (page.sortdir === 'DESC') {
      rows.reverse();
    }
    const slice = rows.slice(page.offset, page.offset + page.limit);
    return this.success(ctx, 200, {
      listcount: String(rows.length),
      [handler.name]: slice.map((row) => handler.present(ctx, row, filters)),
    });
  }

  private success(ctx: RequestContext, status: number, content: OutObject): Outcome {
    return {
      status,
      envelope: { personid: String(ctx.caller.id), status: statusText(status), code: status, ...content },
    };
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

function rejectQuery(query: Record<string, string>): void {
  const names = Object.keys(query);
  if (names.length > 0) {
    throw new ApiError(17, names.map((name) => `${name}: parameter not recognized on this request`));
  }
}

export async function startFakeIntervals(options: FakeIntervalsOptions = {}): Promise<FakeIntervals> {
  const server = new FakeIntervalsServer(options);
  await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return server;
}
