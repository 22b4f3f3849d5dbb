import * as assert from 'node:assert/strict';
import { until } from './helpers/fakeIntervalsHttp';
import { MockAgent } from 'undici';
import { IntervalsClient, type IntervalsClientOptions } from '../../src/api/client';
import type { IntervalsError } from '../../src/api/errors';
import { FakeClock, RecordingLogger, rejection } from './helpers/apiTestKit';

// Transport corner cases through an injected undici dispatcher (no network).

const ORIGIN = 'https://intervals.example.com';
const TOKEN = 'ebcwdxoygfk';
const BASIC = Buffer.from(`${TOKEN}:X`).toString('base64');

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) {
    return out;
  }
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    (headers as Headers).forEach((value, key) => (out[key.toLowerCase()] = value));
    return out;
  }
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) {
      out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    }
    return out;
  }
  for (const [key, value] of Object.entries(headers as Record<string, string>)) {
    out[key.toLowerCase()] = String(value);
  }
  return out;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) {
    return '';
  }
  if (typeof body === 'string') {
    return body;
  }
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
    return Buffer.from(body).toString('utf8');
  }
  return String(body);
}

describe('IntervalsClient transport (mock dispatcher)', () => {
  let agent: MockAgent;
  let clock: FakeClock;
  let logger: RecordingLogger;
  let seen: Seen[];
  const clients: IntervalsClient[] = [];

  const pool = () => agent.get(ORIGIN);
  const record = (opts: { method: string; path: string; headers?: unknown; body?: unknown }) => {
    seen.push({ method: opts.method, path: opts.path, headers: headerRecord(opts.headers), body: bodyText(opts.body) });
  };
  const client = (options: Partial<IntervalsClientOptions> = {}) => {
    const made = new IntervalsClient({
      baseUrl: `${ORIGIN}/api/`,
      token: TOKEN,
      dispatcher: agent,
      logger,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
      limiter: false,
      ...options,
    });
    clients.push(made);
    return made;
  };
  const json = { 'content-type': 'application/json' };

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    clock = new FakeClock();
    logger = new RecordingLogger();
    seen = [];
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.close()));
    await agent.close();
  });

  it('sends Basic credentials (token, X), the Accept header and the base path', async () => {
    pool()
      .intercept({ path: (path) => path.startsWith('/api/me/') })
      .reply((opts) => {
        record(opts);
        return { statusCode: 200, data: JSON.stringify({ personid: '5', status: 'OK', code: 200, listcount: 1, me: [{ id: '5', firstname: 'Ann' }] }), responseOptions: { headers: json } };
      });
    const me = await client().me();
    assert.equal(me.id, 5);
    assert.equal(seen[0].headers.authorization, `Basic ${BASIC}`);
    assert.equal(seen[0].headers.accept, 'application/json');
    assert.equal(seen[0].path, '/api/me/');
    assert.equal(seen[0].headers['content-type'], undefined);
  });

  it('logs method, path with query, status and duration, never the token', async () => {
    pool()
      .intercept({ path: (path) => path.startsWith('/api/task/') })
      .reply(200, JSON.stringify({ status: 'OK', code: 200, listcount: 0, task: [] }), { headers: json });
    await client().listTasks({ projectId: 3 });
    assert.deepEqual(logger.lines, ['debug GET /api/task/?projectid=3 200 0ms']);
  });

  it('sends a JSON write with Content-Type and the byte length of the body', async () => {
    pool()
      .intercept({ path: '/api/timer/', method: 'POST' })
      .reply((opts) => {
        record(opts);
        return { statusCode: 201, data: JSON.stringify({ status: 'Created', code: 201, timer: { id: '9282', name: 'Réunion ☕', personid: '2051', time: '0', starttime: '2026-05-19 10:30:03' } }), responseOptions: { headers: json } };
      });
    const timer = await client().createTimer({ personId: 2051, name: 'Réunion ☕', startTime: '2026-05-19 10:30:03' });
    assert.equal(timer.id, 9282);
    assert.equal(timer.running, true);
    const request = seen[0];
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['content-length'], String(Buffer.byteLength(request.body)));
    assert.deepEqual(JSON.parse(request.body), { personid: 2051, name: 'Réunion ☕', starttime: '2026-05-19 10:30:03' });
  });

  it('speaks XML both ways when asked to', async () => {
    pool()
      .intercept({ path: '/api/timer/9282/', method: 'PUT' })
      .reply((opts) => {
        record(opts);
        return {
          statusCode: 202,
          data: '<?xml version="1.0" encoding="UTF-8"?><intervals status="Accepted" code="202"><timer><id>9282</id><name><![CDATA[Client X & homepage]]></name><personid>2051</personid><time>120</time><starttime/></timer></intervals>',
          responseOptions: { headers: { 'content-type': 'application/xml' } },
        };
      });
    const timer = await client({ format: 'xml' }).updateTimer(9282, { name: 'Client X & homepage', startTime: null });
    const request = seen[0];
    assert.equal(request.headers.accept, 'application/xml');
    assert.equal(request.headers['content-type'], 'application/xml');
    assert.equal(request.headers['content-length'], String(Buffer.byteLength(request.body)));
    assert.equal(
      request.body,
      '<?xml version="1.0" encoding="UTF-8"?><timer><name><![CDATA[Client X & homepage]]></name><starttime></starttime></timer>',
    );
    assert.deepEqual(
      { id: timer.id, name: timer.name, time: timer.time, running: timer.running },
      { id: 9282, name: 'Client X & homepage', time: 120, running: false },
    );
  });

  it('reads the answer by its content type, whatever was asked for', async () => {
    pool()
      .intercept({ path: '/api/quota/' })
      .reply(200, '<intervals status="OK" code="200"><quota><quota>6000</quota><used>91</used><exceeded>f</exceeded></quota></intervals>', {
        headers: { 'content-type': 'text/xml' },
      });
    const quota = await client().quota();
    assert.deepEqual(quota, { limit: 6000, used: 91, nextReset: null, exceeded: false });
  });

  it('calls an HTML page on a 200 a bad answer, naming the host', async () => {
    pool().intercept({ path: '/api/me/' }).reply(200, '<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>', { headers: { 'content-type': 'text/html' } });
    const error = (await rejection(client().me())) as IntervalsError;
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /intervals\.example\.com answered with a web page/);
  });

  it('calls unreadable JSON, an empty body and a non-object a bad answer', async () => {
    for (const body of ['{"status":"OK", "me": [', '', '"just a string"']) {
      pool().intercept({ path: '/api/me/' }).reply(200, body, { headers: json });
      const error = (await rejection(client().me())) as IntervalsError;
      assert.equal(error.kind, 'badResponse', JSON.stringify(body));
    }
  });

  it('treats an error envelope sent with 200 as the error it names', async () => {
    pool()
      .intercept({ path: '/api/task/13/' })
      .reply(200, JSON.stringify({ status: 'Not Found', code: 404, error: { code: 14, message: 'Resource requested does not exist' } }), { headers: json });
    const error = (await rejection(client().getTask(13))) as IntervalsError;
    assert.equal(error.kind, 'notFound');
    assert.equal(error.code, 14);
  });

  it('calls a redirect a bad answer instead of following it with the credentials', async () => {
    pool().intercept({ path: '/api/me/' }).reply(301, '', { headers: { location: 'https://elsewhere.example.com/' } });
    const error = (await rejection(client().me())) as IntervalsError;
    assert.equal(error.kind, 'badResponse');
    assert.equal(error.status, 301);
    assert.match(error.message, /redirected/);
  });

  it('retries a read on a refused connection with backoff, then reports a network error', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    pool().intercept({ path: '/api/me/' }).replyWithError(refused).times(4);
    const error = (await rejection(client().me())) as IntervalsError;
    assert.equal(error.kind, 'network');
    assert.equal(error.networkCode, 'ECONNREFUSED');
    assert.equal(error.message, 'Intervals is not answering. Check your connection and try again.');
    assert.deepEqual(clock.sleeps, [250, 500, 1000]);
    assert.ok(logger.lines.some((line) => line.startsWith('warn GET /api/me/ failed (network ECONNREFUSED)')));
  });

  it('never retries a POST, and knows a refused connection never reached the server', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    pool().intercept({ path: '/api/time/', method: 'POST' }).replyWithError(refused);
    const error = (await rejection(client().createTime({ personId: 1, workTypeId: 2, date: '2026-05-19', time: 1 }))) as IntervalsError;
    assert.equal(error.kind, 'network');
    assert.equal(error.mayHaveReachedServer, false);
    assert.deepEqual(clock.sleeps, []);
  });

  it('flags a write whose connection dropped as possibly applied', async () => {
    const dropped = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    pool().intercept({ path: '/api/time/', method: 'POST' }).replyWithError(dropped);
    const error = (await rejection(client().createTime({ personId: 1, workTypeId: 2, date: '2026-05-19', time: 1 }))) as IntervalsError;
    assert.equal(error.kind, 'network');
    assert.equal(error.mayHaveReachedServer, true);
    assert.equal(error.method, 'POST');
    assert.equal(error.path, '/api/time/');
  });

  it('times out a slow answer, and flags a timed-out write as possibly applied', async () => {
    pool().intercept({ path: '/api/time/', method: 'POST' }).reply(201, '{}').delay(2_000);
    const error = (await rejection(
      client({ timeoutMs: 20 }).createTime({ personId: 1, workTypeId: 2, date: '2026-05-19', time: 1 }),
    )) as IntervalsError;
    assert.equal(error.kind, 'timeout');
    assert.equal(error.mayHaveReachedServer, true);
    assert.match(error.message, /did not answer within 1 second/);
  });

  it('reports a cancelled call as cancelled, not as a failure', async () => {
    pool().intercept({ path: '/api/me/' }).reply(200, '{}').delay(2_000);
    const controller = new AbortController();
    const pending = client().me({ signal: controller.signal });
    setImmediate(() => controller.abort());
    const error = (await rejection(pending)) as IntervalsError;
    assert.equal(error.kind, 'cancelled');
    assert.ok(!logger.lines.some((line) => line.startsWith('warn')));
  });

  it('waits as long as Retry-After says on a 429 and holds the limiter meanwhile', async () => {
    pool().intercept({ path: '/api/me/' }).reply(429, '', { headers: { 'retry-after': '7' } });
    pool()
      .intercept({ path: '/api/me/' })
      .reply(200, JSON.stringify({ me: [{ id: '5' }] }), { headers: json });
    pool()
      .intercept({ path: (path) => path.startsWith('/api/taskstatus/') })
      .reply(200, JSON.stringify({ listcount: 0, taskstatus: [] }), { headers: json });
    // Sleeps that last until released, so a second call can be made while the first waits.
    const sleeps: number[] = [];
    const wakes: Array<() => void> = [];
    const sleep = (ms: number): Promise<void> =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        wakes.push(() => {
          clock.advance(ms);
          resolve();
        });
      });
    const api = client({ limiter: { maxRequests: 100, windowMs: 60_000 }, sleep });
    const me = api.me();
    await until(() => sleeps.length === 1);
    const other = api.listTaskStatuses();
    await until(() => sleeps.length === 2);
    assert.deepEqual(sleeps, [7000, 7000], 'another call waits out the same Retry-After');
    wakes.forEach((wake) => wake());
    assert.equal((await me).id, 5);
    await other;
  });

  it('keeps to the client-side request budget', async () => {
    pool()
      .intercept({ path: (path) => path.startsWith('/api/taskstatus/') })
      .reply(200, JSON.stringify({ listcount: 0, taskstatus: [] }), { headers: json })
      .times(3);
    const limited = client({ limiter: { maxRequests: 2, windowMs: 60_000 } });
    await limited.listTaskStatuses({ active: true });
    await limited.listTaskStatuses({ active: false });
    await limited.listTaskStatuses();
    assert.deepEqual(clock.sleeps, [60_000]);
  });

  it('tells the session about a rejected token', async () => {
    pool().intercept({ path: '/api/me/' }).reply(401, JSON.stringify({ error: { code: 9, message: 'Invalid auth' } }), { headers: json });
    const seenErrors: IntervalsError[] = [];
    const error = (await rejection(client({ onUnauthorized: (failure) => seenErrors.push(failure) }).me())) as IntervalsError;
    assert.equal(error.kind, 'unauthorized');
    assert.equal(seenErrors.length, 1);
    assert.equal(seenErrors[0], error);
  });

  it('never lets the token out, even when the server echoes it', async () => {
    const echo = `bad credentials ${TOKEN}; Authorization: Basic ${BASIC}`;
    pool()
      .intercept({ path: '/api/me/' })
      .reply(400, JSON.stringify({ error: { code: 18, message: echo, verbose: [echo, `token=${TOKEN}`] } }), { headers: json });
    const socket = Object.assign(new Error(`socket failed for ${TOKEN}`), { code: 'ECONNRESET' });
    pool().intercept({ path: '/api/task/1/', method: 'DELETE' }).replyWithError(socket).times(4);
    const failures = [
      (await rejection(client().me())) as IntervalsError,
      (await rejection(client().deleteTask(1))) as IntervalsError,
    ];
    for (const failure of failures) {
      const everything = [failure.message, failure.stack ?? '', failure.serverMessage ?? '', ...failure.verbose, JSON.stringify(failure.fields), JSON.stringify(failure)].join('\n');
      assert.ok(!everything.includes(TOKEN), everything);
      assert.ok(!everything.includes(BASIC), everything);
    }
    assert.ok(failures[0].message.includes('***'));
    const log = logger.lines.join('\n');
    assert.ok(!log.includes(TOKEN) && !log.includes(BASIC), log);
  });

  it('takes a delete that finds nothing after an unanswered attempt as done', async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    pool().intercept({ path: '/api/time/77/', method: 'DELETE' }).replyWithError(reset);
    pool()
      .intercept({ path: '/api/time/77/', method: 'DELETE' })
      .reply(404, JSON.stringify({ error: { code: 14, message: 'Resource requested does not exist' } }), { headers: json });
    await client().deleteTime(77);
    assert.equal(clock.sleeps.length, 1);
  });

  it('still reports a delete of something that never existed as not found', async () => {
    pool()
      .intercept({ path: '/api/time/78/', method: 'DELETE' })
      .reply(404, JSON.stringify({ error: { code: 14, message: 'Resource requested does not exist' } }), { headers: json });
    const error = (await rejection(client().deleteTime(78))) as IntervalsError;
    assert.equal(error.kind, 'notFound');
  });

  it('reads the member back when a create answers with an id only', async () => {
    pool().intercept({ path: '/api/task/', method: 'POST' }).reply(201, JSON.stringify({ status: 'Created', code: 201, task: { id: '501' } }), { headers: json });
    pool()
      .intercept({ path: '/api/task/501/' })
      .reply(200, JSON.stringify({ task: { id: '501', title: 'New', projectid: '7' } }), { headers: json });
    const task = await client().createTask({ projectId: 7, moduleId: 1, statusId: 1, priorityId: 1, ownerId: 5, title: 'New', dateOpen: '2026-05-19' });
    assert.deepEqual([task.id, task.title, task.projectId], [501, 'New', 7]);
  });

  it('refuses work after close and rejects a bad id before sending', async () => {
    const made = client();
    assert.equal(((await rejection(made.getTask(0))) as IntervalsError).kind, 'validation');
    await made.close();
    assert.equal(((await rejection(made.me())) as IntervalsError).kind, 'cancelled');
  });

  it('refuses plain http to a remote host and an empty token at construction', () => {
    assert.throws(() => new IntervalsClient({ baseUrl: 'http://api.myintervals.com/', token: TOKEN }), /must use https/);
    assert.throws(() => new IntervalsClient({ baseUrl: 'https://api.myintervals.com/', token: '  ' }), /token is needed/);
  });
});
