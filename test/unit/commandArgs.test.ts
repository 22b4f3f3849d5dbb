import * as assert from 'node:assert/strict';
import { boolean, checkArguments, clientOrNone, day, hours, id, ids, isoDate, oneOf, text, type ArgumentSpec } from '../../src/commands/args';

const SPEC: ArgumentSpec = { taskId: id, date: isoDate, hours, billable: boolean, description: text, clientId: clientOrNone, assigneeIds: ids, range: oneOf(['thisWeek', 'custom']), dateOpen: day };

describe('command argument objects', () => {
  it('takes ids as numbers or strings of digits, and passes them on as numbers', () => {
    const checked = checkArguments('intervals.logTime', SPEC, { taskId: '1002', clientId: ' 7 ', assigneeIds: ['3', 5], hours: '1:30' });
    assert.deepEqual(checked, { ok: true, arg: { taskId: 1002, clientId: 7, assigneeIds: [3, 5], hours: '1:30' } });
    assert.deepEqual(checkArguments('x', SPEC, { clientId: '-1' }), { ok: true, arg: { clientId: null } });
    assert.deepEqual(checkArguments('x', SPEC, { assigneeIds: '3, 4' }), { ok: true, arg: { assigneeIds: [3, 4] } });
  });

  const refused: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an id that is not an id', { taskId: 'abc' }, /intervals\.logTime: taskId "abc" is not an Intervals id/],
    ['a negative id', { taskId: -3 }, /taskId -3 is not an Intervals id/],
    ['a fractional id', { taskId: 1.5 }, /taskId 1.5 is not/],
    ['a date that does not exist', { date: '2026-02-30' }, /date "2026-02-30" is not a date that exists, as YYYY-MM-DD/],
    ['a date in another form', { date: '30/01/2026' }, /is not a date that exists/],
    ['hours that are neither a number nor a text', { hours: true }, /hours true is not a number of hours, or a duration/],
    ['hours that are not a number', { hours: Number.NaN }, /hours null is not a number of hours/],
    ['billable as a text', { billable: 'yes' }, /billable "yes" is not true or false/],
    ['a list with a bad id', { assigneeIds: [3, 'x'] }, /assigneeIds \[3,"x"\] is not a list of Intervals ids/],
    ['an unknown range', { range: 'forever' }, /range "forever" is not one of "thisWeek", "custom"/],
    ['a day the prompts cannot read', { dateOpen: 'someday' }, /dateOpen "someday" is not a day/],
  ];
  for (const [what, arg, message] of refused) {
    it(`refuses ${what}, saying which value and what it must be`, () => {
      const checked = checkArguments('intervals.logTime', SPEC, arg);
      assert.equal(checked.ok, false);
      if (!checked.ok) {
        assert.equal(checked.refusal.status, 'invalid');
        assert.match(checked.refusal.message, message);
        assert.match(checked.refusal.message, /Nothing was done\.$/);
      }
    });
  }

  it('leaves alone what is not an argument object: a view row, a class instance, a number, nothing', () => {
    class TaskNode {
      readonly taskId = 'not checked';
    }
    const node = new TaskNode();
    assert.deepEqual(checkArguments('x', SPEC, node), { ok: true, arg: node });
    assert.deepEqual(checkArguments('x', SPEC, undefined), { ok: true, arg: undefined });
    assert.deepEqual(checkArguments('x', SPEC, 12), { ok: true, arg: 12 });
    const entryRow = { kind: 'entry', id: 'entry:12', taskId: 'row' };
    assert.deepEqual(checkArguments('x', SPEC, entryRow), { ok: true, arg: entryRow }, 'a row of a view');
  });

  it('passes keys it does not know unchanged, and skips keys left undefined', () => {
    assert.deepEqual(checkArguments('x', SPEC, { taskId: undefined, task: { id: 3 } }), { ok: true, arg: { taskId: undefined, task: { id: 3 } } });
  });
});
