import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parsePort } from '../fake-intervals/cli';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { defaultFixture } from '../fake-intervals/fixture';
import type { FakeIntervals } from '../fake-intervals/server';
import { apiCode, basic, FakeHttp, FIXED_NOW, member, startTestFake, TestClock, until, type Json } from './helpers/fakeIntervalsHttp';

// Fault injection, the request log, reset, the control endpoints and the command line.

describe('fake Intervals: faults and control', () => {
  let clock: TestClock;
  let fake: FakeIntervals;
  let api: FakeHttp;

  before(async () => {
    clock = new TestClock();
    fake = await startTestFake(clock);
    api = new FakeHttp(fake);
  });

  afterEach(() => {
    fake.reset();
    clock.current = new Date(FIXED_NOW);
  });

  after(() => fake.close());

  const postTimer = (signal?: AbortSignal): Promise<Response> =>
    fetch(new URL('timer/', fake.url), {
      method: 'POST',
      headers: { Authorization: basic(fake.tokens.admin), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: 'fault probe' }),
      signal,
    });

  describe('failNext', () => {
    const shapes: [string, RegExp, (text: string) => void][] = [
      ['json', /^application\/json/, (text) => assert.deepEqual(JSON.parse(text), { personid: null, status: 'Service Unavailable', code: 503, error: { code: 20, message: 'Service offline', verbose: [] } })],
      ['xml', /^application\/xml/, (text) => assert.match(text, /<intervals status="Service Unavailable" code="503"><personid\/><error><code>20<\/code><message>Service offline<\/message><\/error><\/intervals>$/)],
      ['text', /^text\/plain/, (text) => assert.equal(text, '503 Service Unavailable: Service offline\n')],
      ['html', /^text\/html/, (text) => assert.match(text, /^<!DOCTYPE html>[\s\S]*<title>503 Service Unavailable<\/title>/)],
      ['empty', /^$/, (text) => assert.equal(text, '')],
    ];
    for (const [shape, contentType, checkBody] of shapes) {
      it(`answers once with a ${shape} body, then normally`, async () => {
        fake.faults.failNext(1, { status: 503, code: 20, body: shape as 'json' });
        const failed = await api.request('GET', 'me/', { accept: 'application/json' });
        assert.equal(failed.status, 503);
        assert.match(failed.headers.get('content-type') ?? '', contentType);
        checkBody(failed.text);
        assert.equal((await api.request('GET', 'me/')).status, 200);
      });
    }

    it('follows the requested format by default and applies nothing', async () => {
      fake.faults.failNext(1, { status: 500, code: 19, message: 'Database went away' });
      const { status, doc } = await api.xml('POST', 'timer/', '<timer><name>x</name></timer>');
      assert.equal(status, 500);
      assert.equal((doc.value.error as Record<string, string>).message, 'Database went away');
      assert.equal(fake.store.timer.length, 4);
    });

    it('matches method and resource, and counts down', async () => {
      fake.faults.failNext(2, { status: 502, code: 20 }, { method: 'post', resource: 'time' });
      assert.equal((await api.get('time/')).status, 200);
      assert.equal((await api.json('POST', 'timer/', {})).status, 201);
      assert.equal((await api.json('POST', 'time/', {})).status, 502);
      assert.equal((await api.json('POST', 'time/', {})).status, 502);
      assert.equal((await api.json('POST', 'time/', {})).status, 400);
    });

    it('can carry Retry-After, e.g. a 429 from a proxy', async () => {
      fake.faults.failNext(1, { status: 429, code: 12, retryAfterSeconds: 7 });
      const { status, headers, body } = await api.get('me/');
      assert.equal(status, 429);
      assert.equal(headers.get('retry-after'), '7');
      assert.equal(apiCode(body), 12);
    });
  });

  describe('dropNext and commitThenDropNext', () => {
    it('drops the connection without applying anything', async () => {
      fake.faults.dropNext(1);
      await assert.rejects(postTimer());
      assert.equal(fake.store.timer.length, 4);
      assert.deepEqual(
        { status: fake.requests[0].status, fault: fake.requests[0].fault },
        { status: 0, fault: 'drop' },
      );
      assert.equal((await postTimer()).status, 201);
    });

    it('applies the write, then drops the connection', async () => {
      fake.faults.commitThenDropNext(1, { method: 'POST' });
      await assert.rejects(postTimer());
      assert.equal(fake.store.timer.length, 5);
      assert.equal(fake.store.timer[4].name, 'fault probe');
      assert.deepEqual(
        { status: fake.requests[0].status, fault: fake.requests[0].fault },
        { status: 201, fault: 'commitThenDrop' },
      );
    });
  });

  describe('stallNext and latency', () => {
    it('holds a request; a client that gives up leaves nothing applied', async () => {
      fake.faults.stallNext(1, 60_000);
      const controller = new AbortController();
      const pending = postTimer(controller.signal);
      await until(() => fake.waiting === 1);
      controller.abort();
      await assert.rejects(pending);
      await until(() => fake.requests.length === 1);
      assert.deepEqual({ status: fake.requests[0].status, fault: fake.requests[0].fault }, { status: 0, fault: 'stall' });
      assert.equal(fake.waiting, 0);
      assert.equal(fake.store.timer.length, 4);
    });

    it('answers normally once a short stall is over', async () => {
      fake.faults.stallNext(1, 1);
      assert.equal((await postTimer()).status, 201);
      assert.equal(fake.requests[0].fault, 'stall');
    });

    it('holds every request for the latency', async () => {
      fake.faults.setLatency(60_000);
      const controller = new AbortController();
      const pending = fetch(new URL('me/', fake.url), { headers: { Authorization: basic(fake.tokens.admin) }, signal: controller.signal });
      await until(() => fake.waiting === 1);
      assert.equal(fake.requests.length, 0, 'not answered yet');
      controller.abort();
      await assert.rejects(pending);
      await until(() => fake.waiting === 0);
      assert.equal(fake.requests[0].status, 0);
      fake.faults.setLatency(0);
      assert.equal((await api.get('me/')).status, 200);
    });

    it('close() releases held requests at once', async () => {
      const other = await startTestFake(new TestClock());
      other.faults.stallNext(1, 60_000);
      const pending = fetch(new URL('me/', other.url), { headers: { Authorization: basic(other.tokens.admin) } });
      await until(() => other.waiting === 1);
      await other.close();
      await assert.rejects(pending);
      assert.equal(other.waiting, 0);
    });
  });

  describe('rate limit', () => {
    it('answers 400 with code 12 beyond the per-minute limit until the window moves', async () => {
      fake.faults.setRateLimit(2);
      assert.equal((await api.get('me/')).status, 200);
      clock.advance(30_000);
      assert.equal((await api.get('me/')).status, 200);
      const limited = await api.get('me/');
      assert.equal(limited.status, 400);
      assert.equal(apiCode(limited.body), 12);
      assert.equal(limited.headers.get('retry-after'), null);
      assert.equal(fake.requests.at(-1)?.fault, 'rateLimit');
      clock.advance(30_001);
      assert.equal((await api.get('me/')).status, 200);
    });

    it('can answer 429 with Retry-After until a slot frees', async () => {
      fake.faults.setRateLimit(1, { status: 429 });
      assert.equal((await api.get('me/')).status, 200);
      clock.advance(45_000);
      const limited = await api.get('me/');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '15');
      assert.equal(apiCode(limited.body), 12);
      fake.faults.setRateLimit(1, { status: 429, retryAfterSeconds: 3 });
      await api.get('me/');
      assert.equal((await api.get('me/')).headers.get('retry-after'), '3');
      fake.faults.setRateLimit(undefined);
      assert.equal((await api.get('me/')).status, 200);
    });

    it('refuses nonsense fault settings', () => {
      assert.throws(() => fake.faults.setLatency(-1), RangeError);
      assert.throws(() => fake.faults.dropNext(1.5), RangeError);
      assert.throws(() => fake.faults.failNext(1, { status: 42, code: 1 }), RangeError);
      assert.throws(() => fake.faults.setRateLimit(-3), RangeError);
    });
  });

  describe('request log', () => {
    it('records method, path, query, format, body, status, code, caller and time', async () => {
      await api.get('task/?projectid=1&limit=2');
      await api.xml('GET', 'me/');
      await api.json('POST', 'time/', { personid: 1, time: 'x' });
      await api.get('me/', { token: null });
      const [list, xml, invalid, anonymous] = fake.requests;
      assert.deepEqual(list, {
        method: 'GET',
        path: '/task/',
        query: { projectid: '1', limit: '2' },
        format: 'json',
        status: 200,
        at: '2026-03-11T10:00:00.000Z',
        resource: 'task',
        personid: 1,
      });
      assert.equal(xml.format, 'xml');
      assert.deepEqual(invalid.body, { personid: 1, time: 'x' });
      assert.equal(invalid.bodyFormat, 'json');
      assert.deepEqual([invalid.status, invalid.code], [400, 18]);
      assert.deepEqual([anonymous.status, anonymous.code, anonymous.personid], [401, 9, undefined]);
    });

    it('never holds the token or the Authorization header', async () => {
      await api.get('me/');
      await api.get('me/', { token: 'abcdefghijk' });
      const text = JSON.stringify(fake.requests);
      assert.ok(!text.includes(fake.tokens.admin));
      assert.ok(!text.includes('abcdefghijk'));
      assert.ok(!/authorization|basic /i.test(text));
    });
  });

  describe('reset', () => {
    it('restores the fixture into the same arrays and clears the log and faults', async () => {
      const tasks = fake.store.task;
      await api.json('DELETE', 'timer/1/');
      await api.json('PUT', 'task/2/', { title: 'changed' });
      fake.store.client.push({ ...fake.store.client[0], id: 77 });
      fake.faults.failNext(3, { status: 500, code: 1 });
      fake.faults.setLatency(5);
      fake.reset();
      assert.equal(fake.store.task, tasks);
      assert.deepEqual(fake.store.snapshot(), defaultFixture({ now: FIXED_NOW }));
      assert.deepEqual(fake.requests, []);
      assert.equal((await api.get('me/')).status, 200);
    });

    it('never reuses the id of a deleted row', async () => {
      await api.json('DELETE', 'timer/4/');
      const created = member((await api.json('POST', 'timer/', {})).body, 'timer');
      assert.equal(created.id, '5');
      await api.json('DELETE', 'timer/5/');
      assert.equal(member((await api.json('POST', 'timer/', {})).body, 'timer').id, '6');
    });
  });

  describe('control endpoints', () => {
    let control: FakeIntervalsControl;

    before(() => {
      control = new FakeIntervalsControl(fake.url);
    });

    it('describes the server and its tokens', async () => {
      const info = await control.info();
      assert.equal(info.url, fake.url);
      assert.deepEqual(info.tokens, { ...fake.tokens });
      assert.ok(info.resources.includes('timer'));
      assert.ok(info.tables.includes('projectteam'));
    });

    it('reads and clears the request log, without logging itself', async () => {
      await api.get('me/');
      const requests = await control.requests();
      assert.deepEqual(requests.map((r) => r.path), ['/me/']);
      await control.clearRequests();
      assert.deepEqual(await control.requests(), []);
      assert.equal(fake.requests.length, 0);
    });

    it('sets faults that the API then shows, and clears them', async () => {
      const snapshot = await control.failNext(1, { status: 500, code: 19, body: 'json' }, { resource: 'task' });
      assert.deepEqual(snapshot.queued, [{ kind: 'fail', remaining: 1, match: { resource: 'task' } }]);
      assert.equal((await api.get('me/')).status, 200);
      assert.equal(apiCode((await api.get('task/')).body), 19);
      await control.dropNext(2);
      await control.stallNext(1, 10);
      await control.commitThenDropNext(1, { method: 'POST' });
      await control.setLatency(3);
      const limited = await control.setRateLimit(5, { status: 429 });
      assert.deepEqual(limited.rateLimit, { perMinute: 5, status: 429 });
      assert.equal(limited.latencyMs, 3);
      assert.deepEqual(limited.queued.map((q) => q.kind), ['drop', 'stall', 'commitThenDrop']);
      const cleared = await control.clearFaults();
      assert.deepEqual(cleared, { latencyMs: 0, rateLimit: null, queued: [] });
    });

    it('accepts the count shorthand and refuses invalid settings with 400', async () => {
      const response = await fetch(new URL('__control/faults', fake.url), { method: 'POST', body: JSON.stringify({ dropNext: 1 }) });
      assert.equal(((await response.json()) as { queued: unknown[] }).queued.length, 1);
      await assert.rejects(control.setLatency(-1), /failed with 400: latency must be/);
      await assert.rejects(control.rows('nothing' as 'task'), /failed with 404/);
    });

    it('reads, inserts with defaults, updates and deletes raw rows', async () => {
      assert.equal((await control.rows('task')).length, 35);
      const inserted = await control.insertRow('task', { title: 'Inserted raw', projectid: 6, assigneeids: [3] });
      assert.equal(inserted.id, 36);
      assert.equal(inserted.statusid, 1);
      assert.equal(inserted.priorityid, 3);
      assert.equal(inserted.dateopen, '2026-03-11');
      const viaApi = member((await api.get('task/36/')).body, 'task');
      assert.equal(viaApi.title, 'Inserted raw');
      assert.equal(viaApi.assigneeid, '3');
      const updated = await control.updateRow('task', 36, { title: 'Edited raw' });
      assert.equal(updated.title, 'Edited raw');
      assert.equal((await control.row('task', 36)).title, 'Edited raw');
      await control.deleteRow('task', 36);
      assert.equal((await api.get('task/36/')).status, 404);
      await assert.rejects(control.row('task', 36), /404/);
    });

    it('reads and edits the account', async () => {
      await api.get('me/');
      assert.equal((await control.account()).used, 1);
      await control.updateAccount({ quota: 1 });
      assert.equal(apiCode((await api.get('me/')).body), 11);
    });

    it('resets the server', async () => {
      await api.json('DELETE', 'timer/1/');
      await control.reset();
      assert.equal(fake.store.timer.length, 4);
      assert.equal(fake.requests.length, 0);
    });

    it('answers 404 for an unknown control request', async () => {
      const response = await fetch(new URL('__control/teleport', fake.url), { method: 'POST' });
      assert.equal(response.status, 404);
      assert.match(((await response.json()) as Json).error as string, /unknown control request/);
    });
  });

  describe('command line', () => {
    it('parses --port', () => {
      assert.equal(parsePort([]), 0);
      assert.equal(parsePort(['--port', '8123']), 8123);
      assert.equal(parsePort(['--port=9']), 9);
      assert.throws(() => parsePort(['--port', 'x']), /--port needs a number/);
      assert.throws(() => parsePort(['--port']), /--port needs a number/);
    });

    it('prints the URL and the demo token, serves, and stops on Ctrl-C', async () => {
      const cli = spawn(process.execPath, [path.join(__dirname, '..', 'fake-intervals', 'cli.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
      try {
        await new Promise<void>((resolve, reject) => {
          cli.stdout.on('data', () => output.includes('Demo token') && resolve());
          cli.on('exit', () => reject(new Error(`exited early: ${output}`)));
        });
        const url = /^Fake Intervals listening on (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output)?.[1];
        const token = /^Demo token \(Administrator\): ([a-z0-9]{11})$/m.exec(output)?.[1];
        assert.ok(url && token, output);
        const response = await fetch(new URL('me/', url), { headers: { Authorization: basic(token) } });
        assert.equal(response.status, 200);
      } finally {
        cli.kill('SIGINT');
      }
      assert.equal(await exited, 0);
    });
  });
});
