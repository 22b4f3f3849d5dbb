import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { cellEdit, parseCell } from '../../src/timesheet/cellEdit';
import { buildTimesheet, rowKey, rowsOf, type SheetCell } from '../../src/timesheet/timesheetGrid';
import { entry } from './timeEntryFixture';

const NO_ROUNDING = { rounding: 'none', mode: 'nearest' } as const;
// Monday, November 30, 2026.
const MONDAY = '2026-11-30';

describe('Timesheet grid', () => {
  it('makes a row per task and work type, and one per project for project time', () => {
    const sheet = buildTimesheet({
      start: MONDAY,
      dailyTarget: 8,
      entries: [
        entry('2026-12-01', 1.5),
        entry('2026-12-01', 0.25),
        entry('2026-11-30', 2, { workTypeId: 2, workType: 'Design' }),
        entry('2026-12-02', 1, { taskId: null, task: null, moduleId: 5, module: 'Ops' }),
        entry('2026-12-09', 3),
      ],
    });
    assert.deepEqual(
      sheet.rows.map((row) => [row.key, row.title, row.workType]),
      [
        ['task:10:2', 'Footer', 'Design'],
        ['task:10:1', 'Footer', 'Development'],
        ['project:1:5:1', 'Website', 'Development'],
      ],
    );
    const footer = sheet.rows[1];
    assert.deepEqual(
      footer.cells.map((cell) => cell.hours),
      [0, 1.75, 0, 0, 0, 0, 0],
    );
    assert.equal(footer.cells[1].entries.length, 2);
    assert.equal(footer.hours, 1.75);
  });

  it('totals rows, days and the week, and sets the daily target on working days only', () => {
    const sheet = buildTimesheet({
      start: MONDAY,
      dailyTarget: 7.5,
      entries: [entry('2026-11-30', 0.1), entry('2026-11-30', 0.2, { workTypeId: 2 }), entry('2026-12-05', 1)],
    });
    assert.deepEqual(
      sheet.days.map((day) => [day.date, day.hours, day.target]),
      [
        ['2026-11-30', 0.3, 7.5],
        ['2026-12-01', 0, 7.5],
        ['2026-12-02', 0, 7.5],
        ['2026-12-03', 0, 7.5],
        ['2026-12-04', 0, 7.5],
        ['2026-12-05', 1, 0],
        ['2026-12-06', 0, 0],
      ],
    );
    assert.equal(sheet.hours, 1.3);
    assert.equal(sheet.end, '2026-12-06');
    assert.equal(sheet.approved, false);
  });

  it('keeps extra rows without time, counts waiting hours in their cell and marks approved time', () => {
    const extra = { taskId: 20, projectId: 2, moduleId: null, workTypeId: 3, title: 'Search', project: 'Shop', workType: 'QA' };
    const sheet = buildTimesheet({
      start: MONDAY,
      dailyTarget: 8,
      entries: [entry('2026-12-03', 2, { approved: true })],
      extraRows: [extra, extra],
      pending: [{ taskId: 20, projectId: 2, workTypeId: 3, date: '2026-12-04', hours: 0.5 }],
    });
    assert.equal(sheet.rows.length, 2);
    assert.equal(sheet.rows[1].key, rowKey(extra));
    assert.deepEqual(sheet.rows[1].cells[4], { date: '2026-12-04', entries: [], hours: 0.5, pending: 0.5, approved: false });
    assert.equal(sheet.rows[0].cells[3].approved, true);
    assert.equal(sheet.approved, true);
    assert.equal(sheet.hours, 2.5);
  });

  it("takes last week's rows from its entries, once each, with no time", () => {
    const rows = rowsOf([entry('2026-11-24', 1), entry('2026-11-23', 2), entry('2026-11-25', 1, { workTypeId: 2, workType: 'Design' })]);
    assert.deepEqual(
      rows.map((row) => rowKey(row)),
      ['task:10:1', 'task:10:2'],
    );
  });
});

describe('Timesheet cells', () => {
  it('reads durations as Log Time does', () => {
    assert.deepEqual(parseCell('1:30', NO_ROUNDING), { kind: 'hours', hours: 1.5 });
    assert.deepEqual(parseCell('1.5', NO_ROUNDING), { kind: 'hours', hours: 1.5 });
    assert.deepEqual(parseCell('1,5', NO_ROUNDING), { kind: 'hours', hours: 1.5 });
    assert.deepEqual(parseCell('90m', NO_ROUNDING), { kind: 'hours', hours: 1.5 });
    assert.deepEqual(parseCell(' 20m ', { rounding: '15min', mode: 'up' }), { kind: 'hours', hours: 0.5 });
  });

  it('takes an empty cell or zero as "no time"', () => {
    for (const text of ['', '  ', '0', '0:00', '0.0']) {
      assert.deepEqual(parseCell(text, NO_ROUNDING), { kind: 'clear' }, text);
    }
  });

  it('refuses what is not a duration, and a day over 24 hours', () => {
    const bad = parseCell('soon', NO_ROUNDING);
    assert.equal(bad.kind, 'invalid');
    assert.ok(bad.kind === 'invalid' && bad.message.length > 0);
    assert.equal(parseCell('-1', NO_ROUNDING).kind, 'invalid');
    const over = parseCell('5', NO_ROUNDING, 20);
    assert.ok(over.kind === 'invalid' && /more than 24 hours/.test(over.message), JSON.stringify(over));
  });
});

describe('Timesheet cell edits', () => {
  const cell = (entries: ReturnType<typeof entry>[], extra: Partial<SheetCell> = {}): SheetCell => ({
    date: MONDAY,
    entries,
    hours: entries.reduce((total, each) => total + each.time, 0),
    pending: 0,
    approved: false,
    ...extra,
  });

  it('adds to an empty cell, edits a cell over one entry and asks over several', () => {
    assert.deepEqual(cellEdit(cell([]), { kind: 'hours', hours: 2 }), { kind: 'add', hours: 2 });
    const one = entry(MONDAY, 1);
    assert.deepEqual(cellEdit(cell([one]), { kind: 'hours', hours: 2 }), { kind: 'edit', entry: one, hours: 2 });
    const two = [entry(MONDAY, 1), entry(MONDAY, 0.5)];
    assert.deepEqual(cellEdit(cell(two), { kind: 'hours', hours: 2 }), {
      kind: 'askEdit',
      choices: [
        { entry: two[0], hours: 1.5 },
        { entry: two[1], hours: 1 },
      ],
      add: 0.5,
    });
  });

  it('over several entries, offers only the entries that can take less time off, and no new entry', () => {
    const two = [entry(MONDAY, 1), entry(MONDAY, 0.5)];
    assert.deepEqual(cellEdit(cell(two), { kind: 'hours', hours: 0.75 }), { kind: 'askEdit', choices: [{ entry: two[0], hours: 0.25 }] });
    assert.equal(cellEdit(cell(two), { kind: 'hours', hours: 0.25 }).kind, 'refused');
  });

  it('deletes when cleared, asking which over several, and does nothing for no change', () => {
    const one = entry(MONDAY, 1);
    assert.deepEqual(cellEdit(cell([one]), { kind: 'clear' }), { kind: 'delete', entry: one });
    const two = [entry(MONDAY, 1), entry(MONDAY, 0.5)];
    assert.deepEqual(cellEdit(cell(two), { kind: 'clear' }), { kind: 'askDelete', entries: two });
    assert.deepEqual(cellEdit(cell([]), { kind: 'clear' }), { kind: 'none' });
    assert.deepEqual(cellEdit(cell([one]), { kind: 'hours', hours: 1 }), { kind: 'none' });
  });

  it('refuses a bad value, approved time and time waiting to sync', () => {
    assert.deepEqual(cellEdit(cell([]), { kind: 'invalid', message: 'no' }), { kind: 'refused', message: 'no' });
    assert.equal(cellEdit(cell([entry(MONDAY, 1)], { approved: true }), { kind: 'hours', hours: 2 }).kind, 'refused');
    assert.equal(cellEdit(cell([], { pending: 1, hours: 1 }), { kind: 'clear' }).kind, 'refused');
  });
});
