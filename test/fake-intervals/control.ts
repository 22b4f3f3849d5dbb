// Typed client of the `/__control/` endpoints, for tests that run in another process than the
// fake (the VS Code extension host). Uses the global fetch.
import type { ControlFaults, ControlInfo } from './controlRoutes';
import type { FailureSpec, FaultMatch, FaultSnapshot, RateLimitOptions } from './faults';
import type { RecordedRequest } from './server';
import type { AccountRow, RowOf, TableName } from './store';

export type { ControlFaults, ControlInfo } from './controlRoutes';

export class FakeIntervalsControl {
  private readonly base: string;

  /** `url` is the fake's base URL, e.g. `http://127.0.0.1:PORT/`. */
  constructor(url: string) {
    this.base = new URL('__control/', url.endsWith('/') ? url : `${url}/`).toString();
  }

  info(): Promise<ControlInfo> {
    return this.call('GET', 'info');
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  requests(): Promise<RecordedRequest[]> {
    return this.call('GET', 'requests');
  }

  /** API requests the fake is handling right now (a stalled one among them), as `METHOD /path`. */
  inFlight(): Promise<string[]> {
    return this.call('GET', 'inflight');
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  faults(): Promise<FaultSnapshot> {
    return this.call('GET', 'faults');
  }

  setFaults(faults: ControlFaults): Promise<FaultSnapshot> {
    return this.call('POST', 'faults', faults);
  }

  setLatency(ms: number): Promise<FaultSnapshot> {
    return this.setFaults({ latency: ms });
  }

  failNext(count: number, failure: FailureSpec, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ failNext: { count, failure, match } });
  }

  dropNext(count: number, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ dropNext: { count, match } });
  }

  commitThenDropNext(count: number, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ commitThenDropNext: { count, match } });
  }

  stallNext(count: number, ms: number, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ stallNext: { count, ms, match } });
  }

  /** Holds the next matching write until the client gives up, then applies it `delayMs` later. */
  commitLateNext(count: number, delayMs: number, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ commitLateNext: { count, delayMs, match } });
  }

  /** Holds the next matching request until the client gives up, then drops it unapplied. */
  dropAfterTimeoutNext(count: number, match?: FaultMatch): Promise<FaultSnapshot> {
    return this.setFaults({ dropAfterTimeoutNext: { count, match } });
  }

  /** A time entry as if made in the web app, stored as the account stores entries. */
  addWebAppEntry(row: Partial<RowOf<'time'>> & Pick<RowOf<'time'>, 'personid' | 'projectid' | 'worktypeid'>): Promise<RowOf<'time'>> {
    return this.call('POST', 'webapp', row);
  }

  /** Resolves once every late commit under way has been applied. */
  async settled(): Promise<void> {
    await this.call('GET', 'settled');
  }

  setRateLimit(perMinute: number | undefined, options: RateLimitOptions = {}): Promise<FaultSnapshot> {
    return this.setFaults({ rateLimit: { perMinute: perMinute ?? null, ...options } });
  }

  clearFaults(): Promise<FaultSnapshot> {
    return this.setFaults({ clear: true });
  }

  rows<T extends TableName>(table: T): Promise<RowOf<T>[]> {
    return this.call('GET', `store/${table}`);
  }

  row<T extends TableName>(table: T, id: number): Promise<RowOf<T>> {
    return this.call('GET', `store/${table}/${id}`);
  }

  /** Inserts a raw row; missing fields get defaults and a fresh id. */
  insertRow<T extends TableName>(table: T, row: Partial<RowOf<T>>): Promise<RowOf<T>> {
    return this.call('POST', `store/${table}`, row);
  }

  updateRow<T extends TableName>(table: T, id: number, patch: Partial<RowOf<T>>): Promise<RowOf<T>> {
    return this.call('PUT', `store/${table}/${id}`, patch);
  }

  async deleteRow(table: TableName, id: number): Promise<void> {
    await this.call('DELETE', `store/${table}/${id}`);
  }

  account(): Promise<AccountRow> {
    return this.call('GET', 'store/account');
  }

  updateAccount(patch: Partial<AccountRow>): Promise<AccountRow> {
    return this.call('PUT', 'store/account', patch);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.base), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const message = (parsed as { error?: string } | undefined)?.error ?? text;
      throw new Error(`fake Intervals control ${method} ${path} failed with ${response.status}: ${message}`);
    }
    return parsed as T;
  }
}
