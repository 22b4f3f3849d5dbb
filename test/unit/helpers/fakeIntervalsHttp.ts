// Raw HTTP against the fake Intervals server (global fetch, or node:http where fetch cannot
// express the request), independent of the product's API client.
import * as http from 'node:http';
import { parseXmlDocument } from '../../fake-intervals/xml';
import type { BodyValue } from '../../fake-intervals/values';
import { startFakeIntervals, type FakeIntervals, type FakeIntervalsOptions } from '../../fake-intervals/server';
import { defaultFixture } from '../../fake-intervals/fixture';

/** A Wednesday: the current week has three weekdays, the previous one is complete. */
export const FIXED_NOW = new Date('2026-03-11T10:00:00Z');

export class TestClock {
  current: Date;

  constructor(start: Date = FIXED_NOW) {
    this.current = new Date(start);
  }

  readonly now = (): Date => new Date(this.current);

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function startTestFake(clock: TestClock, options: FakeIntervalsOptions = {}): Promise<FakeIntervals> {
  return startFakeIntervals({ fixture: defaultFixture({ now: clock.now() }), now: clock.now, ...options });
}

export function basic(token: string, password = 'X'): string {
  return `Basic ${Buffer.from(`${token}:${password}`).toString('base64')}`;
}

export interface RequestOptions {
  /** Token for Basic auth; null sends no Authorization header. */
  token?: string | null;
  accept?: string;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

// Envelopes are loosely typed on purpose: tests assert the wire shape itself.
export type Json = Record<string, unknown>;

export class FakeHttp {
  constructor(
    private readonly fake: FakeIntervals,
    private readonly defaultToken: string = fake.tokens.admin,
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const token = options.token === undefined ? this.defaultToken : options.token;
    if (token !== null) {
      headers.Authorization = basic(token);
    }
    if (options.accept !== undefined) {
      headers.Accept = options.accept;
    }
    if (options.contentType !== undefined) {
      headers['Content-Type'] = options.contentType;
    }
    const response = await fetch(new URL(path, this.fake.url), { method, headers, body: options.body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async json(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    const response = await this.request(method, path, {
      accept: 'application/json',
      ...(body === undefined ? {} : { contentType: 'application/json', body: JSON.stringify(body) }),
      ...options,
    });
    return { status: response.status, body: JSON.parse(response.text) as Json, headers: response.headers };
  }

  get(path: string, options: RequestOptions = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    return this.json('GET', path, undefined, options);
  }

  async xml(method: string, path: string, body?: string, options: RequestOptions = {}): Promise<{ status: number; text: string; doc: XmlDoc }> {
    const response = await this.request(method, path, {
      accept: 'application/xml',
      ...(body === undefined ? {} : { contentType: 'application/xml', body }),
      ...options,
    });
    return { status: response.status, text: response.text, doc: parseXmlDocument(response.text) as XmlDoc };
  }
}

export interface XmlDoc {
  root: string;
  attributes: Record<string, string>;
  value: { [key: string]: BodyValue };
}

/** The API error code of an error envelope. */
export function apiCode(body: Json): number | undefined {
  return (body.error as { code?: number } | undefined)?.code;
}

export function verbose(body: Json): string[] {
  return ((body.error as { verbose?: string[] } | undefined)?.verbose ?? []) as string[];
}

export function list<T = Record<string, string | null>>(body: Json, key: string): T[] {
  const value = body[key];
  if (!Array.isArray(value)) {
    throw new Error(`envelope has no '${key}' array: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return value as T[];
}

export function member<T = Record<string, string | null>>(body: Json, key: string): T {
  const value = body[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`envelope has no '${key}' object: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return value as T;
}

/** Sends a body with chunked transfer encoding (no Content-Length), which fetch cannot force. */
export function chunkedRequest(url: string, method: string, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, url), {
      method,
      headers: { Authorization: basic(token), 'Content-Type': 'application/json', Accept: 'application/json', 'Transfer-Encoding': 'chunked' },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.write(body.slice(0, 5));
    request.end(body.slice(5));
  });
}

/** Resolves once `condition` holds, checking on each turn of the event loop (no timers). */
export async function until(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) {
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('condition never held');
}
