import * as assert from 'node:assert/strict';
import {
  asArray,
  listItems,
  memberItem,
  readEnvelope,
  toClient,
  toMe,
  toProjectModule,
  toQuota,
  toTask,
  toTimeEntry,
  toTimer,
} from '../../src/api/normalize';
import { toBoolean, toId, toIdList, toNumber, toText } from '../../src/api/scalars';
import { filterToQuery, fromTaskInput, fromTimeEntryInput, fromTimerInput } from '../../src/api/wire';
import { parseXml } from '../../src/api/xml';

// The two sample answers of the Intervals documentation (examples page), verbatim in content.
const seedJson = `{"status":"OK","code":200,"client":{"id":"4561","name":"ACME Industries","datecreated":"2007-09-04","description":null,"firstname":"John","lastname":"Watson","email":"john.watson@acmeindustries.com","website":null,"phone":"+1 (555) 555-5555","cell":"+1 (555) 555-5555","fax":"+1 (555) 555-5555","address":"123 Main Street","aptsuite":"","city":"San Francisco","state":"CA","zip":"94101","country":"US","active":"t"}}`;
const seedXml = `<?xml version="1.0" encoding="UTF-8"?>
<intervals status="OK" code="200">
    <client>
        <id>4561</id>
        <name>ACME Industries</name>
        <datecreated>2007-09-04</datecreated>
        <description/>
        <firstname>John</firstname>
        <lastname>Watson</lastname>
        <email>john.watson@acmeindustries.com</email>
        <website/>
        <phone>+1 (555) 555-5555</phone>
        <cell>+1 (555) 555-5555</cell>
        <fax>+1 (555) 555-5555</fax>
        <address>123 Main Street</address>
        <aptsuite></aptsuite>
        <city>San Francisco</city>
        <state>CA</state>
        <zip>94101</zip>
        <country>US</country>
        <active>t</active>
    </client>
</intervals>`;

describe('normalize: scalars', () => {
  it('reads numbers given as numbers or strings', () => {
    assert.equal(toNumber('42'), 42);
    assert.equal(toNumber(42), 42);
    assert.equal(toNumber(' 1.5 '), 1.5);
    assert.equal(toNumber('.25'), 0.25);
    assert.equal(toNumber(''), null);
    assert.equal(toNumber(null), null);
    assert.equal(toNumber('12abc'), null);
    assert.equal(toNumber({ '#text': '7' }), 7);
  });

  it('reads ids, with empty, zero and null meaning none', () => {
    assert.equal(toId('4561'), 4561);
    assert.equal(toId(4561), 4561);
    assert.equal(toId(''), null);
    assert.equal(toId('0'), null);
    assert.equal(toId(null), null);
    assert.equal(toId(undefined), null);
    assert.equal(toId('-1'), null);
    assert.equal(toId('1.5'), null);
  });

  it("reads 't'/'f' and JSON booleans", () => {
    assert.equal(toBoolean('t'), true);
    assert.equal(toBoolean('f'), false);
    assert.equal(toBoolean(true), true);
    assert.equal(toBoolean(false), false);
    assert.equal(toBoolean('1'), true);
    assert.equal(toBoolean('0'), false);
    assert.equal(toBoolean('T'), true);
    assert.equal(toBoolean(''), null);
    assert.equal(toBoolean(null), null);
  });

  it('treats null, absent and empty text alike', () => {
    assert.equal(toText(null), null);
    assert.equal(toText(''), null);
    assert.equal(toText(undefined), null);
    assert.equal(toText('x'), 'x');
    assert.equal(toText(5), '5');
  });

  it('splits CSV id lists', () => {
    assert.deepEqual(toIdList('3,5,11'), [3, 5, 11]);
    assert.deepEqual(toIdList(' 3 , 5 ,,3'), [3, 5]);
    assert.deepEqual(toIdList('7'), [7]);
    assert.deepEqual(toIdList(7), [7]);
    assert.deepEqual(toIdList(['1', 2]), [1, 2]);
    assert.deepEqual(toIdList(''), []);
    assert.deepEqual(toIdList(null), []);
  });
});

describe('normalize: envelope', () => {
  it('maps the documented JSON and XML client samples to the same object', () => {
    const fromJson = toClient(memberItem(readEnvelope(JSON.parse(seedJson)), 'client')!);
    const fromXml = toClient(memberItem(readEnvelope(parseXml(seedXml)), 'client')!);
    assert.deepEqual(fromJson, fromXml);
    assert.equal(fromJson.id, 4561);
    assert.equal(fromJson.name, 'ACME Industries');
    assert.equal(fromJson.active, true);
    assert.equal(fromJson.description, null);
    assert.equal(fromJson.website, null);
    assert.equal(fromJson.aptSuite, null);
    assert.equal(fromJson.zip, '94101');
  });

  it('reads personid, status, code and listcount given as strings or numbers', () => {
    const a = readEnvelope({ personid: '424758', status: 'OK', code: '200', listcount: '2', task: [] });
    const b = readEnvelope({ personid: 424758, status: 'OK', code: 200, listcount: 2, task: [] });
    assert.deepEqual({ ...a, body: null }, { ...b, body: null });
    assert.equal(a.listCount, 2);
    assert.equal(a.personId, 424758);
  });

  it('leaves listCount undefined when the server omits it', () => {
    assert.equal(readEnvelope({ task: [] }).listCount, undefined);
  });

  it('finds list members in every shape the formats produce', () => {
    const one = { id: '1' };
    const two = { id: '2' };
    const shapes: unknown[] = [
      [one, two],
      { item: [one, two] },
      [{ item: one }, { item: two }],
    ];
    for (const shape of shapes) {
      assert.deepEqual(listItems(readEnvelope({ task: shape }), 'task'), [one, two]);
    }
    assert.deepEqual(listItems(readEnvelope({ task: one }), 'task'), [one]);
    assert.deepEqual(listItems(readEnvelope({ task: { item: one } }), 'task'), [one]);
    assert.deepEqual(listItems(readEnvelope({ task: '' }), 'task'), []);
    assert.deepEqual(listItems(readEnvelope({ listcount: '0' }), 'task'), []);
    assert.deepEqual(listItems(readEnvelope({ tasks: { task: [one] } }), 'task'), [one]);
  });

  it('takes the single element of /me/', () => {
    const me = memberItem(readEnvelope({ personid: '123', me: [{ id: '123', firstname: 'Ann' }] }), 'me');
    assert.deepEqual(me, { id: '123', firstname: 'Ann' });
  });

  it('asArray leaves a record that merely has an item field alone', () => {
    assert.deepEqual(asArray({ id: '3', item: 'x' }), [{ id: '3', item: 'x' }]);
  });
});

describe('normalize: resources', () => {
  it('maps a task with CSV assignees, string ids and a timer', () => {
    const task = toTask({
      id: '13',
      localid: '4',
      title: 'Homepage',
      description: '',
      projectid: '7',
      project: 'Website',
      clientid: '',
      statusid: 2,
      status: 'Open',
      priorityid: '3',
      assigneeid: '5,9',
      followerid: null,
      datedue: '',
      timerid: '77',
      starttime: '2026-05-19 10:30:03',
    });
    assert.equal(task.id, 13);
    assert.equal(task.localId, 4);
    assert.equal(task.projectId, 7);
    assert.equal(task.clientId, null);
    assert.equal(task.statusId, 2);
    assert.deepEqual(task.assigneeIds, [5, 9]);
    assert.deepEqual(task.followerIds, []);
    assert.equal(task.description, null);
    assert.equal(task.dateDue, null);
    assert.equal(task.timerId, 77);
    assert.equal(task.timerStartTime, '2026-05-19 10:30:03');
  });

  it('refuses a member without an id', () => {
    assert.throws(() => toTask({ title: 'x' }), /no usable id/);
  });

  it('prefers dateiso and reads decimal hours', () => {
    const entry = toTimeEntry({ id: '5551', date: '04/24/2026', dateiso: '2026-04-24', time: '1.5', billable: 't', taskid: '' });
    assert.equal(entry.date, '2026-04-24');
    assert.equal(entry.time, 1.5);
    assert.equal(entry.billable, true);
    assert.equal(entry.taskId, null);
    assert.equal(entry.approved, null);
  });

  it('marks a timer running exactly when it has a start time', () => {
    assert.equal(toTimer({ id: '1', time: '90', starttime: '2026-05-19 10:30:03' }).running, true);
    const paused = toTimer({ id: '1', time: '90', starttime: '' });
    assert.equal(paused.running, false);
    assert.equal(paused.startTime, null);
    assert.equal(paused.time, 90);
  });

  it('reads both generations of the quota answer', () => {
    assert.deepEqual(toQuota({ quota: '6000', used: '91', next_reset: '2026-05-09 00:00:00', exceeded: 'f' }), {
      limit: 6000,
      used: 91,
      nextReset: '2026-05-09 00:00:00',
      exceeded: false,
    });
    assert.deepEqual(toQuota({ quota: 6000, used: 3031, business_day: '2022-01-25 22:10:18', exceeded: 'f' }), {
      limit: 6000,
      used: 3031,
      nextReset: '2022-01-25 22:10:18',
      exceeded: false,
    });
  });

  it('takes the project module name from whichever key the server uses', () => {
    for (const key of ['module', 'name', 'modulename']) {
      assert.equal(toProjectModule({ id: '1', projectid: '2', moduleid: '3', [key]: 'Design' }).name, 'Design');
    }
  });

  it('reads /me/ with booleans and the group', () => {
    const me = toMe({ id: '123', firstname: 'Ann', lastname: 'Lee', username: 'ann@example.com', group: 'Administrator', groupid: '2', tips: 'f', allprojects: 't', timezone: 'America/New_York' });
    assert.equal(me.id, 123);
    assert.equal(me.group, 'Administrator');
    assert.equal(me.groupId, 2);
    assert.equal(me.allProjects, true);
    assert.equal(me.tips, false);
    assert.equal(me.active, true);
  });
});

describe('normalize: writes and filters', () => {
  it("sends booleans as 't'/'f', ids as numbers, id lists as CSV and null to clear", () => {
    assert.deepEqual(fromTaskInput({ projectId: 7, title: 'A', assigneeIds: [5, 9], dateDue: null, description: undefined }), {
      projectid: 7,
      title: 'A',
      assigneeid: '5,9',
      datedue: null,
    });
    assert.deepEqual(fromTimeEntryInput({ personId: 1, workTypeId: 11, date: '2026-04-24', time: 1.5, billable: false }), {
      personid: 1,
      worktypeid: 11,
      date: '2026-04-24',
      time: 1.5,
      billable: 'f',
    });
    assert.deepEqual(fromTimerInput({ startTime: null, time: 600 }), { starttime: null, time: 600 });
  });

  it('builds query parameters from typed filters', () => {
    assert.deepEqual(filterToQuery({ projectId: [3, 5], excludeClosed: true, includeTimerId: 9, title: 'home', clientId: undefined }), {
      projectid: '3,5',
      excludeclosed: 't',
      includetimerid: '9',
      title: 'home',
    });
    assert.deepEqual(filterToQuery({ active: false }), { active: 'f' });
    assert.deepEqual(filterToQuery(undefined), {});
  });
});
