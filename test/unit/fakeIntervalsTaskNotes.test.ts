import * as assert from 'node:assert/strict';
import type { FakeIntervals } from '../fake-intervals/server';
import { apiCode, FakeHttp, list, member, startTestFake, TestClock, verbose } from './helpers/fakeIntervalsHttp';

// /tasknote/ of the fake: the taskid filter, the 7-day window without it, creation, project access
// and XML (CDATA) answers. The clock is fixed at Wednesday 2026-03-11 10:00 UTC.

describe('fake Intervals: task notes', () => {
  let clock: TestClock;
  let fake: FakeIntervals;
  let admin: FakeHttp;
  let resource: FakeHttp;
  let executive: FakeHttp;

  before(async () => {
    clock = new TestClock();
    fake = await startTestFake(clock);
    admin = new FakeHttp(fake, fake.tokens.admin);
    resource = new FakeHttp(fake, fake.tokens.resource);
    executive = new FakeHttp(fake, fake.tokens.executive);
  });

  afterEach(() => fake.reset());

  after(() => fake.close());

  const ids = (rows: Record<string, string | null>[]): number[] => rows.map((row) => Number(row.id));

  it('lists the notes of a task with its author and public flag', async () => {
    const notes = list((await admin.get('tasknote/?taskid=1&sortfield=date&sortdir=DESC')).body, 'tasknote');
    assert.deepEqual(ids(notes), [2, 1]);
    assert.equal(notes[0].author, 'Ada Lovelace');
    assert.equal(notes[0].public, 'f');
    assert.equal(notes[1].public, 't');
    assert.equal(notes[0].date, '2026-03-10 04:00:00');
  });

  it('lists only the last 7 days without a taskid filter', async () => {
    assert.deepEqual(ids(list((await admin.get('tasknote/')).body, 'tasknote')), [2, 3]);
  });

  it('creates a note for the caller, private by default', async () => {
    const created = await resource.json('POST', 'tasknote/', { taskid: 1, note: 'Deployed to staging.' });
    assert.equal(created.status, 201);
    const note = member(created.body, 'tasknote');
    assert.equal(note.authorid, '3');
    assert.equal(note.public, 'f');
    assert.equal(note.date, '2026-03-11 10:00:00');
    const publicNote = await resource.json('POST', 'tasknote/', { taskid: 1, note: 'Live.', public: 't' });
    assert.equal(member(publicNote.body, 'tasknote').public, 't');
    assert.equal(fake.store.tasknote.length, 5);
  });

  it('refuses a note without text or task, on a missing task, or from an executive', async () => {
    const empty = await admin.json('POST', 'tasknote/', { taskid: 1, note: '  ' });
    assert.equal(empty.status, 400);
    assert.match(verbose(empty.body).join(' '), /note/);
    const noTask = await admin.json('POST', 'tasknote/', { note: 'Hello' });
    assert.equal(noTask.status, 400);
    assert.match(verbose(noTask.body).join(' '), /taskid/);
    const missing = await admin.json('POST', 'tasknote/', { taskid: 9999, note: 'Hello' });
    assert.equal(missing.status, 400);
    const exec = await executive.json('POST', 'tasknote/', { taskid: 1, note: 'Hello' });
    assert.equal(exec.status, 403);
    assert.equal(apiCode(exec.body), 10);
  });

  it('hides and refuses notes on projects the caller cannot access', async () => {
    await admin.json('POST', 'tasknote/', { taskid: 13, note: 'Ledger mapping started.' });
    assert.deepEqual(list((await resource.get('tasknote/?taskid=13')).body, 'tasknote'), []);
    const refused = await resource.json('POST', 'tasknote/', { taskid: 13, note: 'Hello' });
    assert.equal(refused.status, 403);
  });

  it('answers XML with the note text in CDATA and accepts an XML body', async () => {
    const { text } = await admin.xml('GET', 'tasknote/2/');
    assert.match(text, /<note><!\[CDATA\[Check <b>contrast<\/b> & \[spacing\]\(https:\/\/example.com\) on mobile.\]\]><\/note>/);
    const created = await admin.xml('POST', 'tasknote/', '<tasknote><taskid>8</taskid><note><![CDATA[A & B <i>done</i>]]></note></tasknote>');
    assert.equal(created.status, 201);
    assert.equal(fake.store.tasknote.at(-1)?.note, 'A & B <i>done</i>');
  });
});
