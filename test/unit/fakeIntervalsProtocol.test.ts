import * as assert from 'node:assert/strict';
import { DEMO_TOKENS } from '../fake-intervals/fixture';
import type { FakeIntervals } from '../fake-intervals/server';
import { apiCode, chunkedRequest, FakeHttp, list, member, startTestFake, TestClock, verbose, type Json } from './helpers/fakeIntervalsHttp';

// The fake's HTTP contract: auth, formats, envelopes, routing and request bodies.

describe('fake Intervals: protocol', () => {
  let fake: FakeIntervals;
  let api: FakeHttp;

  before(async () => {
    fake = await startTestFake(new TestClock());
    api = new FakeHttp(fake);
  });

  afterEach(() => fake.reset());

  after(() => fake.close());

  describe('server', () => {
    it('listens on loopback with a trailing-slash URL and four 11-character tokens', () => {
      assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const token of Object.values(fake.tokens)) {
        assert.match(token, /^[a-z0-9]{11}$/);
      }
      assert.equal(new Set(Object.values(fake.tokens)).size, 4);
    });
  });

  describe('authentication', () => {
    it('answers 401 with API code 9 and a Basic challenge without credentials', async () => {
      const { status, body, headers } = await api.get('me/', { token: null });
      assert.equal(status, 401);
      assert.equal(apiCode(body), 9);
      assert.equal(body.status, 'Unauthorized');
      assert.equal(body.personid, null);
      assert.match(headers.get('www-authenticate') ?? '', /^Basic /);
    });

    it('refuses an unknown token with code 9 and never echoes it', async () => {
      const { status, body } = await api.get('me/', { token: 'zzzzzzzzzzz' });
      assert.equal(status, 401);
      assert.equal(apiCode(body), 9);
      assert.ok(!JSON.stringify(body).includes('zzzzzzzzzzz'));
    });

    it('refuses a non-Basic scheme', async () => {
      const response = await api.request('GET', 'me/', { token: null, headers: { Authorization: `Bearer ${fake.tokens.admin}` } });
      assert.equal(response.status, 401);
      assert.equal(apiCode(JSON.parse(response.text) as Json), 9);
    });

    it('answers code 8 for the token of an inactive person', async () => {
      const { status, body } = await api.get('me/', { token: DEMO_TOKENS.inactive });
      assert.equal(status, 401);
      assert.equal(apiCode(body), 8);
    });

    it('ignores the password, and accepts a token without one', async () => {
      for (const authorization of [`${fake.tokens.admin}:X`, `${fake.tokens.admin}:`, `${fake.tokens.admin}:anything at all`, fake.tokens.admin]) {
        const response = await api.request('GET', 'me/', {
          token: null,
          headers: { Authorization: `Basic ${Buffer.from(authorization).toString('base64')}` },
        });
        assert.equal(response.status, 200, authorization.replace(fake.tokens.admin, 'TOKEN'));
      }
    });

    it('maps each token to its person and group', async () => {
      const groups: Record<string, string> = {};
      for (const [role, token] of Object.entries(fake.tokens)) {
        const { body } = await api.get('me/', { token });
        groups[role] = String(list(body, 'me')[0].group);
      }
      assert.deepEqual(groups, { admin: 'Administrator', manager: 'Manager', resource: 'Resource', executive: 'Executive' });
    });
  });

  describe('response formats', () => {
    it('answers JSON when Accept is absent', async () => {
      const response = await api.request('GET', 'me/');
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal((JSON.parse(response.text) as Json).status, 'OK');
    });

    it('honours Accept order and quality', async () => {
      const xml = await api.request('GET', 'me/', { accept: 'application/xml' });
      assert.match(xml.headers.get('content-type') ?? '', /^application\/xml/);
      const preferJson = await api.request('GET', 'me/', { accept: 'application/xml;q=0.5, application/json' });
      assert.match(preferJson.headers.get('content-type') ?? '', /^application\/json/);
      const textXml = await api.request('GET', 'me/', { accept: 'text/xml' });
      assert.match(textXml.headers.get('content-type') ?? '', /^application\/xml/);
    });

    it('emits ids, numbers and booleans as strings, nullables as null, and escapes slashes like PHP', async () => {
      const response = await api.request('GET', 'me/', { accept: 'application/json' });
      assert.ok(response.text.includes('"timezone":"Europe\\/Zurich"'));
      const body = JSON.parse(response.text) as Json;
      assert.equal(body.code, 200);
      assert.equal(body.listcount, '1');
      const me = list(body, 'me')[0];
      assert.equal(me.id, '1');
      assert.equal(me.primaryaccount, 't');
      assert.equal(me.private, 'f');
      assert.equal(me.clientid, null);
      assert.equal(me.timezone, 'Europe/Zurich');
    });

    it('writes XML with status/code attributes, repeated list elements and CDATA for reserved characters', async () => {
      const { text, doc } = await api.xml('GET', 'client/?limit=6');
      assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<intervals status="OK" code="200">/);
      assert.equal(doc.root, 'intervals');
      assert.deepEqual(doc.attributes, { status: 'OK', code: '200' });
      assert.equal(doc.value.listcount, '6');
      const clients = doc.value.client as Record<string, string>[];
      assert.equal(clients.length, 6);
      assert.ok(text.includes('<name><![CDATA[Acme & Sons]]></name>'));
      assert.ok(text.includes('<name><![CDATA[<Initech> Ltd.]]></name>'));
      assert.ok(text.includes(`<name><![CDATA[O'Brien "Quoted" Consulting]]></name>`));
      assert.ok(text.includes('<name>Café Zürich</name>'), 'non-ASCII stays raw UTF-8 without CDATA');
      assert.deepEqual(
        clients.map((c) => c.name),
        ['Acme & Sons', '<Initech> Ltd.', `O'Brien "Quoted" Consulting`, 'Café Zürich', 'Globex Corporation', 'Umbrella Research'],
      );
    });

    it('writes null as an empty element and an empty string as an open/close pair', async () => {
      const { text } = await api.xml('GET', 'client/1/');
      assert.ok(text.includes('<cell/>'));
      assert.ok(text.includes('<aptsuite></aptsuite>'));
    });

    it('splits a CDATA section around "]]>" so the document stays well-formed', async () => {
      fake.store.client[0].name = 'Odd ]]> name & co';
      const { doc } = await api.xml('GET', 'client/1/');
      assert.equal((doc.value.client as Record<string, string>).name, 'Odd ]]> name & co');
    });

    it('answers errors in XML with the same fields', async () => {
      const { status, doc } = await api.xml('GET', 'task/99999/');
      assert.equal(status, 404);
      assert.deepEqual(doc.attributes, { status: 'Not Found', code: '404' });
      const error = doc.value.error as Record<string, string>;
      assert.equal(error.code, '14');
      assert.equal(error.message, 'Resource requested does not exist');
      assert.equal(error.verbose, 'task 99999 does not exist');
      assert.equal(doc.value.personid, '1');
    });
  });

  describe('envelopes', () => {
    it('/me/ is a one-element list with the caller and personid at the top', async () => {
      const { body } = await api.get('me/', { token: fake.tokens.resource });
      assert.equal(body.personid, '3');
      assert.equal(body.status, 'OK');
      assert.equal(body.listcount, '1');
      const me = list(body, 'me');
      assert.equal(me.length, 1);
      assert.equal(me[0].id, '3');
      assert.equal(me[0].firstname, 'Ravi');
    });

    it('a collection carries listcount and an array under the singular name', async () => {
      const { body } = await api.get('taskstatus/');
      assert.deepEqual(Object.keys(body), ['personid', 'status', 'code', 'listcount', 'taskstatus']);
      assert.equal(list(body, 'taskstatus').length, 6);
    });

    it('a member is one object under the resource key', async () => {
      const { status, body } = await api.get('task/7/');
      assert.equal(status, 200);
      assert.equal(member(body, 'task').title, '**bold** [link](command:x) — Markdown in a title');
      assert.equal(body.listcount, undefined);
    });

    it('create answers 201 Created with the new member, update 202 Accepted, delete 200 OK', async () => {
      const created = await api.json('POST', 'timer/', { name: 'Envelope check' });
      assert.equal(created.status, 201);
      assert.equal(created.body.status, 'Created');
      assert.equal(created.body.code, 201);
      const id = member(created.body, 'timer').id;
      const updated = await api.json('PUT', `timer/${id}/`, { name: 'Renamed' });
      assert.equal(updated.status, 202);
      assert.equal(updated.body.status, 'Accepted');
      assert.equal(member(updated.body, 'timer').name, 'Renamed');
      const deleted = await api.json('DELETE', `timer/${id}/`);
      assert.equal(deleted.status, 200);
      assert.deepEqual(deleted.body, { personid: '1', status: 'OK', code: 200 });
    });

    it('/quota/ answers one object', async () => {
      const { body } = await api.get('quota/');
      const quota = member(body, 'quota');
      assert.equal(quota.quota, '6000');
      assert.equal(quota.exceeded, 'f');
      assert.equal(quota.next_reset, '2026-03-12 00:00:00');
    });
  });

  describe('routing', () => {
    it('accepts addresses with and without the trailing slash', async () => {
      assert.equal((await api.get('task/1')).status, 200);
      assert.equal((await api.get('task')).status, 200);
      assert.equal((await api.get('me')).status, 200);
    });

    const cases: [string, string, string, number, number][] = [
      ['unknown resource', 'GET', 'miletsone/', 400, 13],
      ['missing member', 'GET', 'task/4040/', 404, 14],
      ['non-numeric id', 'GET', 'task/abc/', 404, 14],
      ['DELETE on a collection', 'DELETE', 'client/', 400, 16],
      ['PUT on a collection without id', 'PUT', 'client/', 400, 16],
      ['PATCH', 'PATCH', 'task/1/', 400, 16],
      ['an action segment', 'PUT', 'timer/1/start/', 400, 15],
      ['a member of /me/', 'GET', 'me/1/', 400, 15],
      ['POST on /me/', 'POST', 'me/', 400, 16],
      ['DELETE on /quota/', 'DELETE', 'quota/', 400, 16],
      ['an unknown filter', 'GET', 'task/?colour=red', 400, 17],
      ['a query on a member', 'GET', 'task/1/?projectid=1', 400, 17],
      ['the root', 'GET', '', 400, 13],
    ];
    for (const [name, method, path, status, code] of cases) {
      it(`answers ${status}/${code} for ${name}`, async () => {
        const response = await api.json(method, path, method === 'PUT' ? { name: 'x' } : undefined);
        assert.equal(response.status, status);
        assert.equal(apiCode(response.body), code);
        assert.equal(response.body.code, status);
      });
    }

    it('lists accepted parameters when a filter is not recognised', async () => {
      const { body } = await api.get('worktype/?projectid=1');
      assert.equal(apiCode(body), 17);
      assert.match(verbose(body)[0], /^projectid: parameter not recognized \(accepted: active, offset, limit, sortfield, sortdir\)/);
    });
  });

  describe('PUT/POST interchangeability', () => {
    it('POST to a member updates it (202)', async () => {
      const { status, body } = await api.json('POST', 'task/2/', { title: 'Retitled via POST' });
      assert.equal(status, 202);
      assert.equal(member(body, 'task').title, 'Retitled via POST');
      assert.equal(fake.store.task.find((t) => t.id === 2)?.title, 'Retitled via POST');
    });

    it('POST or PUT to the collection with an id in the body updates', async () => {
      const viaPost = await api.json('POST', 'task/', { id: 3, title: 'By body id' });
      assert.equal(viaPost.status, 202);
      const viaPut = await api.json('PUT', 'task/', { id: '3', title: 'By body id again' });
      assert.equal(viaPut.status, 202);
      assert.equal(fake.store.task.find((t) => t.id === 3)?.title, 'By body id again');
    });

    it('refuses a body id that contradicts the address', async () => {
      const { status, body } = await api.json('PUT', 'task/3/', { id: 4, title: 'x' });
      assert.equal(status, 400);
      assert.equal(apiCode(body), 18);
    });
  });

  describe('request bodies', () => {
    it('requires a declared Content-Type when there is a body', async () => {
      const response = await api.request('POST', 'timer/', { body: '{"name":"x"}', accept: 'application/json', headers: { 'Content-Type': '' } });
      assert.equal(response.status, 400);
      const body = JSON.parse(response.text) as Json;
      assert.equal(apiCode(body), 18);
      assert.match(verbose(body)[0], /Content-Type is required/);
    });

    it('refuses other content types', async () => {
      const response = await api.request('POST', 'timer/', { body: 'name=x', contentType: 'application/x-www-form-urlencoded', accept: 'application/json' });
      assert.equal(response.status, 400);
      assert.match(verbose(JSON.parse(response.text) as Json)[0], /not supported/);
    });

    it('creates from an empty body without a Content-Type (a timer for the caller)', async () => {
      const response = await api.request('POST', 'timer/', { accept: 'application/json' });
      assert.equal(response.status, 201);
      const timer = member(JSON.parse(response.text) as Json, 'timer');
      assert.equal(timer.personid, '1');
      assert.equal(timer.time, '0');
      assert.equal(timer.starttime, null);
    });

    for (const [name, contentType, text] of [
      ['malformed JSON', 'application/json', '{"name":'],
      ['a JSON array', 'application/json', '[1,2]'],
      ['malformed XML', 'application/xml', '<timer><name>x</nam></timer>'],
      ['XML with a DOCTYPE', 'application/xml', '<!DOCTYPE timer [<!ENTITY x "boom">]><timer><name>&x;</name></timer>'],
      ['XML with the wrong root', 'application/xml', '<task><name>x</name></task>'],
      ['XML with an undefined entity', 'application/xml', '<timer><name>caf&eacute;</name></timer>'],
      ['invalid UTF-8', 'application/json', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1')],
    ] as const) {
      it(`refuses ${name} with code 18`, async () => {
        const body = name === 'invalid UTF-8' ? Buffer.from([0x7b, 0xff, 0x7d]) : text;
        const response = await fetch(new URL('timer/', fake.url), {
          method: 'POST',
          headers: { Authorization: `Basic ${Buffer.from(`${fake.tokens.admin}:X`).toString('base64')}`, 'Content-Type': contentType, Accept: 'application/json' },
          body,
        });
        assert.equal(response.status, 400);
        assert.equal(apiCode((await response.json()) as Json), 18);
        assert.equal(fake.store.timer.length, 4, 'nothing created');
      });
    }

    it('reads XML input: predefined entities and character references decoded, CDATA literal', async () => {
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>\n<timer>\n  <name>Fish &amp; chips &#233;&#x263A; <![CDATA[<b>&amp;</b>]]></name>\n  <taskid>19</taskid>\n</timer>';
      const { status, doc } = await api.xml('POST', 'timer/', xml);
      assert.equal(status, 201);
      const timer = doc.value.timer as Record<string, string>;
      assert.equal(timer.name, 'Fish & chips é☺ <b>&amp;</b>');
      assert.equal(timer.taskid, '19');
      assert.equal(fake.requests.at(-1)?.bodyFormat, 'xml');
      assert.deepEqual(fake.requests.at(-1)?.body, { name: 'Fish & chips é☺ <b>&amp;</b>', taskid: '19' });
    });

    it('refuses unknown body fields with code 17 but ignores response-only fields', async () => {
      const unknown = await api.json('PUT', 'task/1/', { hours: 3 });
      assert.equal(unknown.status, 400);
      assert.equal(apiCode(unknown.body), 17);
      const echoed = await api.json('PUT', 'task/1/', { title: 'Echo', project: 'ignored', status: 'ignored', datecreated: '2000-01-01 00:00:00' });
      assert.equal(echoed.status, 202);
      assert.equal(member(echoed.body, 'task').project, 'Website Redesign');
    });

    it('accepts ids as numbers or strings and booleans as t/f or JSON booleans', async () => {
      const created = await api.json('POST', 'project/', { name: 'Typed', datestart: '2026-03-01', billable: true, active: 't', clientid: '4' });
      assert.equal(created.status, 201);
      const project = member(created.body, 'project');
      assert.equal(project.billable, 't');
      assert.equal(project.clientid, '4');
      const wrong = await api.json('POST', 'project/', { name: 'Typed', datestart: '2026-03-01', billable: 'yes', active: 1 });
      assert.deepEqual(verbose(wrong.body), ["billable: must be 't' or 'f'", "active: must be 't' or 'f'"]);
    });

    it('refuses a chunked body without Content-Length with 411', async () => {
      const response = await chunkedRequest(fake.url, 'POST', 'timer/', fake.tokens.admin, '{"name":"chunked"}');
      assert.equal(response.status, 411);
      const body = JSON.parse(response.text) as Json;
      assert.equal(body.status, 'Length Required');
      assert.equal(apiCode(body), 18);
      assert.match(verbose(body)[0], /Content-Length is required/);
      assert.equal(fake.store.timer.length, 4);
      assert.equal(fake.requests.at(-1)?.status, 411);
    });
  });
});
