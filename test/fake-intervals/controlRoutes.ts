// `/__control/` endpoints: steer the fake from another process (the VS Code extension host in
// integration tests). Plain JSON, no auth, never logged, never subject to faults.
import type * as http from 'node:http';
import type { FailureSpec, FaultMatch, FaultSnapshot, FaultState, RateLimitOptions } from './faults';
import { RESOURCE_NAMES } from './resources/registry';
import { insertRow } from './rowDefaults';
import { isTableName, TABLE_NAMES, type AccountRow, type FakeStore, type RowOf, type TableName, type TimeRow } from './store';

/** Body of `POST /__control/faults`; `clear` applies first, then the others. */
export interface ControlFaults {
  clear?: boolean;
  latency?: number;
  failNext?: { count: number; failure: FailureSpec; match?: FaultMatch };
  dropNext?: number | { count: number; match?: FaultMatch };
  commitThenDropNext?: number | { count: number; match?: FaultMatch };
  stallNext?: { count: number; ms: number; match?: FaultMatch };
  commitLateNext?: { count: number; delayMs: number; match?: FaultMatch };
  dropAfterTimeoutNext?: number | { count: number; match?: FaultMatch };
  /** Requests per minute; null lifts the limit. */
  rateLimit?: number | null | ({ perMinute: number | null } & RateLimitOptions);
}

/** `GET /__control/info`. */
export interface ControlInfo {
  url: string;
  tokens: Record<string, string>;
  resources: string[];
  tables: string[];
}

export interface ControlTarget {
  readonly url: string;
  readonly tokens: Readonly<Record<string, string>>;
  readonly store: FakeStore;
  readonly requests: unknown[];
  readonly faults: FaultState;
  readonly now: () => Date;
  reset(): void;
  /** API requests being handled now, as `METHOD /path`. */
  inFlight(): string[];
  addWebAppEntry(row: Partial<TimeRow> & Pick<TimeRow, 'personid' | 'projectid' | 'worktypeid'>): TimeRow;
  settled(): Promise<void>;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function reply(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ControlError(400, `${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function countOf(value: number | { count: number; match?: FaultMatch }): { count: number; match?: FaultMatch } {
  return typeof value === 'number' ? { count: value } : value;
}

export function applyControlFaults(faults: FaultState, spec: ControlFaults): FaultSnapshot {
  if (spec.clear) {
    faults.clear();
  }
  if (spec.latency !== undefined) {
    faults.setLatency(spec.latency);
  }
  if (spec.failNext) {
    faults.failNext(spec.failNext.count, spec.failNext.failure, spec.failNext.match);
  }
  if (spec.dropNext !== undefined) {
    const { count, match } = countOf(spec.dropNext);
    faults.dropNext(count, match);
  }
  if (spec.commitThenDropNext !== undefined) {
    const { count, match } = countOf(spec.commitThenDropNext);
    faults.commitThenDropNext(count, match);
  }
  if (spec.stallNext) {
    faults.stallNext(spec.stallNext.count, spec.stallNext.ms, spec.stallNext.match);
  }
  if (spec.commitLateNext) {
    faults.commitLateNext(spec.commitLateNext.count, spec.commitLateNext.delayMs, spec.commitLateNext.match);
  }
  if (spec.dropAfterTimeoutNext !== undefined) {
    const { count, match } = countOf(spec.dropAfterTimeoutNext);
    faults.dropAfterTimeoutNext(count, match);
  }
  if (spec.rateLimit !== undefined) {
    if (spec.rateLimit === null || typeof spec.rateLimit === 'number') {
      faults.setRateLimit(spec.rateLimit ?? undefined);
    } else {
      const { perMinute, ...options } = spec.rateLimit;
      faults.setRateLimit(perMinute ?? undefined, options);
    }
  }
  return faults.snapshot();
}

function tableRows(store: FakeStore, name: string): unknown[] | AccountRow {
  if (name === 'account') {
    return store.account;
  }
  if (!isTableName(name)) {
    throw new ControlError(404, `no table '${name}'`);
  }
  return store.table(name);
}

export async function handleControl(target: ControlTarget, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const parts = url.pathname.split('/').filter((part) => part !== '').slice(1);
  const route = `${method} ${parts[0] ?? ''}`;
  try {
    switch (route) {
      case 'GET ':
      case 'GET info': {
        const info: ControlInfo = {
          url: target.url,
          tokens: { ...target.tokens },
          resources: [...RESOURCE_NAMES],
          tables: [...TABLE_NAMES],
        };
        reply(res, 200, info);
        return;
      }
      case 'POST webapp': {
        const row = asObject(await readJson(req), 'entry') as Partial<TimeRow> & Pick<TimeRow, 'personid' | 'projectid' | 'worktypeid'>;
        reply(res, 200, target.addWebAppEntry(row));
        return;
      }
      case 'GET settled':
        await target.settled();
        reply(res, 200, { ok: true });
        return;
      case 'POST reset':
        await readJson(req);
        target.reset();
        reply(res, 200, { ok: true });
        return;
      case 'GET requests':
        reply(res, 200, target.requests);
        return;
      case 'GET inflight':
        reply(res, 200, target.inFlight());
        return;
      case 'DELETE requests':
        target.requests.length = 0;
        reply(res, 200, { ok: true });
        return;
      case 'GET faults':
        reply(res, 200, target.faults.snapshot());
        return;
      case 'POST faults': {
        const spec = asObject(await readJson(req), 'faults') as ControlFaults;
        try {
          reply(res, 200, applyControlFaults(target.faults, spec));
        } catch (error) {
          throw new ControlError(400, (error as Error).message);
        }
        return;
      }
      default:
        break;
    }
    if (parts[0] === 'store' && parts[1] !== undefined) {
      await handleStore(target, req, res, method, parts[1], parts[2]);
      return;
    }
    throw new ControlError(404, `unknown control request ${method} ${url.pathname}`);
  } catch (error) {
    if (error instanceof ControlError) {
      reply(res, error.status, { error: error.message });
      return;
    }
    throw error;
  }
}

async function handleStore(
  target: ControlTarget,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  method: string,
  name: string,
  idText: string | undefined,
): Promise<void> {
  const store = target.store;
  if (name === 'account') {
    if (method === 'GET') {
      reply(res, 200, store.account);
      return;
    }
    if (method === 'PUT' || method === 'POST') {
      Object.assign(store.account, asObject(await readJson(req), 'account'));
      reply(res, 200, store.account);
      return;
    }
    throw new ControlError(405, `${method} is not available on the account`);
  }
  const rows = tableRows(store, name) as { id: number }[];
  const table = name as TableName;
  if (idText === undefined) {
    if (method === 'GET') {
      reply(res, 200, rows);
      return;
    }
    if (method === 'POST') {
      const partial = asObject(await readJson(req), 'row') as Partial<RowOf<TableName>>;
      reply(res, 201, insertRow(store, table, partial, target.now()));
      return;
    }
    throw new ControlError(405, `${method} is not available on a table`);
  }
  const row = rows.find((r) => String(r.id) === idText);
  if (!row) {
    throw new ControlError(404, `${name} ${idText} does not exist`);
  }
  switch (method) {
    case 'GET':
      reply(res, 200, row);
      return;
    case 'PUT':
    case 'PATCH':
      Object.assign(row, asObject(await readJson(req), 'row'), { id: row.id });
      reply(res, 200, row);
      return;
    case 'DELETE':
      store.remove(table, row.id);
      reply(res, 200, { ok: true });
      return;
    default:
      throw new ControlError(405, `${method} is not available on a row`);
  }
}
