import * as assert from 'node:assert/strict';
import {
  DATE_RANGE_KINDS,
  addDays,
  daysBetween,
  daysInMonth,
  eachDay,
  fromIsoDate,
  localDate,
  parseDate,
  rangeFor,
  startOfDay,
  startOfWeek,
  toIsoDate,
} from '../../src/time/dates';

/** Runs the enclosing suite with a given TZ; Node re-reads TZ when the variable is assigned. */
function inTimeZone(zone: string): void {
  let previous: string | undefined;
  before(() => {
    previous = process.env.TZ;
    process.env.TZ = zone;
  });
  after(() => {
    if (previous === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = previous;
    }
  });
}

describe('parseDate', () => {
  // Wednesday 22 April 2026, mid-afternoon: the time of day must not matter.
  const today = new Date(2026, 3, 22, 15, 45, 12);

  const valid: Array<[input: string, iso: string]> = [
    ['today', '2026-04-22'],
    ['  Today ', '2026-04-22'],
    ['yesterday', '2026-04-21'],
    ['wednesday', '2026-04-22'],
    ['wed', '2026-04-22'],
    ['tuesday', '2026-04-21'],
    ['tue', '2026-04-21'],
    ['tues', '2026-04-21'],
    ['monday', '2026-04-20'],
    ['MON', '2026-04-20'],
    ['sunday', '2026-04-19'],
    ['sat', '2026-04-18'],
    ['friday', '2026-04-17'],
    ['thu', '2026-04-16'],
    ['thurs', '2026-04-16'],
    ['last wednesday', '2026-04-15'],
    ['last  wed', '2026-04-15'],
    ['last tuesday', '2026-04-21'],
    ['last thursday', '2026-04-16'],
    ['-0', '2026-04-22'],
    ['-1', '2026-04-21'],
    ['-2', '2026-04-20'],
    ['-22', '2026-03-31'],
    ['-365', '2025-04-22'],
    ['2026-04-22', '2026-04-22'],
    ['2026-4-5', '2026-04-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2026-12-31', '2026-12-31'],
    ['2027-01-01', '2027-01-01'],
    ['0099-06-15', '0099-06-15'],
  ];
  for (const [input, iso] of valid) {
    it(`reads ${JSON.stringify(input)} as ${iso}`, () => {
      const result = parseDate(input, today);
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.iso, iso);
      assert.equal(toIsoDate(result.date), iso);
      assert.equal(result.date.getHours(), 0);
      assert.equal(result.date.getMinutes(), 0);
    });
  }

  const invalid: Array<[input: string, messagePart: RegExp]> = [
    ['', /^Enter a date/],
    ['tomorow', /"tomorow" is not a date/],
    ['mo', /not a date/],
    ['t', /not a date/],
    ['last', /not a date/],
    ['last week', /not a date/],
    ['next', /not a date/],
    ['+1.5', /not a date/],
    ['dec', /not a date/],
    ['foo 18', /not a date/],
    ['13/18', /the month must be 01 to 12/],
    ['feb 30', /February 2026 has 28 days/],
    ['+4000', /more than ten years/],
    ['-1.5', /not a date/],
    ['22/04/2026', /not a date/],
    ['2026-04-22T10:00', /not a date/],
    ['-4000', /more than ten years/],
    ['2026-02-30', /^2026-02-30 is not a date: February 2026 has 28 days\.$/],
    ['2024-02-30', /February 2024 has 29 days/],
    ['2026-02-29', /February 2026 has 28 days/],
    ['1900-02-29', /February 1900 has 28 days/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2026-04-00', /April 2026 has 30 days/],
    ['2026-13-01', /the month must be 01 to 12/],
    ['2026-00-10', /the month must be 01 to 12/],
  ];
  for (const [input, messagePart] of invalid) {
    it(`rejects ${JSON.stringify(input)} with a clear message`, () => {
      const result = parseDate(input, today, { locale: 'en-US' });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, messagePart);
    });
  }

  it('treats a weekday name as today when today is that weekday, and "last" as a week ago', () => {
    const monday = new Date(2026, 3, 20, 8, 0);
    const same = parseDate('monday', monday);
    assert.equal(same.ok && same.iso, '2026-04-20');
    const last = parseDate('last monday', monday);
    assert.equal(last.ok && last.iso, '2026-04-13');
  });

  // Wednesday 22 April 2026: what the new forms mean, for days to log (past) and due dates (future).
  const forms: Array<[input: string, past: string, future: string]> = [
    ['tomorrow', '2026-04-23', '2026-04-23'],
    ['+7', '2026-04-29', '2026-04-29'],
    ['+0', '2026-04-22', '2026-04-22'],
    ['-2', '2026-04-20', '2026-04-20'],
    ['fri', '2026-04-17', '2026-04-24'],
    ['mon', '2026-04-20', '2026-04-27'],
    ['wed', '2026-04-22', '2026-04-22'],
    ['next fri', '2026-04-24', '2026-04-24'],
    ['next wed', '2026-04-29', '2026-04-29'],
    ['last fri', '2026-04-17', '2026-04-17'],
    ['dec 18', '2025-12-18', '2026-12-18'],
    ['18 dec', '2025-12-18', '2026-12-18'],
    ['December 18', '2025-12-18', '2026-12-18'],
    ['apr 1', '2026-04-01', '2027-04-01'],
    ['apr 22', '2026-04-22', '2026-04-22'],
    ['18 dec 2026', '2026-12-18', '2026-12-18'],
    ['dec 18, 2024', '2024-12-18', '2024-12-18'],
    ['12/18', '2025-12-18', '2026-12-18'],
    ['4/1', '2026-04-01', '2027-04-01'],
    ['12/18/2026', '2026-12-18', '2026-12-18'],
  ];
  for (const [input, past, future] of forms) {
    it(`reads ${JSON.stringify(input)} as ${past} for a day to log and ${future} for a due date`, () => {
      const back = parseDate(input, today, { locale: 'en-US' });
      const ahead = parseDate(input, today, { direction: 'future', locale: 'en-US' });
      assert.equal(back.ok ? back.iso : back.message, past);
      assert.equal(ahead.ok ? ahead.iso : ahead.message, future);
    });
  }

  it('reads numeric days in the display locale\'s order', () => {
    const us = parseDate('12/11', today, { locale: 'en-US', direction: 'future' });
    const uk = parseDate('12/11', today, { locale: 'en-GB', direction: 'future' });
    const de = parseDate('18.12.', today, { locale: 'de', direction: 'future' });
    assert.equal(us.ok && us.iso, '2026-12-11');
    assert.equal(uk.ok && uk.iso, '2026-11-12');
    assert.equal(de.ok && de.iso, '2026-12-18');
    const help = parseDate('soon', today, { locale: 'en-GB' });
    assert.match(help.ok ? '' : help.message, /18\/12 or YYYY-MM-DD/, 'the help shows the locale\'s order');
  });

  it('crosses a year boundary', () => {
    const newYear = new Date(2027, 0, 1, 0, 0, 1);
    const result = parseDate('-1', newYear);
    assert.equal(result.ok && result.iso, '2026-12-31');
  });
});

describe('local date helpers', () => {
  it('formats the local calendar day, zero-padded', () => {
    assert.equal(toIsoDate(new Date(2026, 0, 5, 23, 59, 59)), '2026-01-05');
    assert.equal(toIsoDate(new Date(2026, 11, 31, 0, 0, 0)), '2026-12-31');
  });

  it('reads strict ISO days and refuses impossible or malformed ones', () => {
    assert.equal(fromIsoDate('2026-04-22')?.getTime(), new Date(2026, 3, 22).getTime());
    for (const bad of ['2026-02-30', '2026-4-22', '2026-13-01', '26-04-22', '2026-04-22 ', 'today']) {
      assert.equal(fromIsoDate(bad), undefined, bad);
    }
  });

  it('counts days in months, leap years included', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
  });

  it('keeps years below 100 as they are', () => {
    assert.equal(localDate(99, 6, 15).getFullYear(), 99);
  });

  it('adds days through month and year ends and returns local midnight', () => {
    const date = addDays(new Date(2026, 11, 30, 18, 30), 3);
    assert.equal(toIsoDate(date), '2027-01-02');
    assert.equal(date.getHours(), 0);
    assert.equal(toIsoDate(addDays(new Date(2026, 2, 1), -1)), '2026-02-28');
    assert.equal(startOfDay(new Date(2026, 3, 22, 13, 1)).getTime(), new Date(2026, 3, 22).getTime());
  });

  it('counts calendar days between two dates, whatever the time of day', () => {
    assert.equal(daysBetween(new Date(2026, 3, 22, 23, 59), new Date(2026, 3, 23, 0, 1)), 1);
    assert.equal(daysBetween(new Date(2026, 3, 23), new Date(2026, 3, 22, 23)), -1);
    assert.equal(daysBetween(new Date(2026, 0, 1), new Date(2027, 0, 1)), 365);
    assert.equal(daysBetween(new Date(2026, 3, 22, 9), new Date(2026, 3, 22, 18)), 0);
  });

  it('finds the start of the week for every week start', () => {
    const wednesday = new Date(2026, 3, 22, 12);
    assert.equal(toIsoDate(startOfWeek(wednesday)), '2026-04-20');
    assert.equal(toIsoDate(startOfWeek(wednesday, 1)), '2026-04-20');
    assert.equal(toIsoDate(startOfWeek(wednesday, 0)), '2026-04-19');
    assert.equal(toIsoDate(startOfWeek(wednesday, 3)), '2026-04-22');
    assert.equal(toIsoDate(startOfWeek(wednesday, 4)), '2026-04-16');
    assert.equal(toIsoDate(startOfWeek(wednesday, 6)), '2026-04-18');
    const sunday = new Date(2026, 3, 26);
    assert.equal(toIsoDate(startOfWeek(sunday, 1)), '2026-04-20');
    assert.equal(toIsoDate(startOfWeek(sunday, 0)), '2026-04-26');
  });

  const today = new Date(2026, 3, 22, 10);
  const ranges: Array<[kind: (typeof DATE_RANGE_KINDS)[number], start: string, end: string]> = [
    ['today', '2026-04-22', '2026-04-22'],
    ['yesterday', '2026-04-21', '2026-04-21'],
    ['thisWeek', '2026-04-20', '2026-04-26'],
    ['lastWeek', '2026-04-13', '2026-04-19'],
    ['thisMonth', '2026-04-01', '2026-04-30'],
    ['lastMonth', '2026-03-01', '2026-03-31'],
  ];
  for (const [kind, start, end] of ranges) {
    it(`gives ${kind} as ${start}..${end}`, () => {
      assert.deepEqual(rangeFor(kind, today), { start, end });
    });
  }

  it('covers every range kind in the table above', () => {
    assert.deepEqual(ranges.map(([kind]) => kind), [...DATE_RANGE_KINDS]);
  });

  it('honours a Sunday week start and month ends at year boundaries', () => {
    assert.deepEqual(rangeFor('thisWeek', today, 0), { start: '2026-04-19', end: '2026-04-25' });
    assert.deepEqual(rangeFor('lastWeek', today, 0), { start: '2026-04-12', end: '2026-04-18' });
    const january = new Date(2026, 0, 3);
    assert.deepEqual(rangeFor('lastMonth', january), { start: '2025-12-01', end: '2025-12-31' });
    assert.deepEqual(rangeFor('lastWeek', january), { start: '2025-12-22', end: '2025-12-28' });
    assert.deepEqual(rangeFor('thisMonth', new Date(2024, 1, 10)), { start: '2024-02-01', end: '2024-02-29' });
    assert.deepEqual(rangeFor('yesterday', january), rangeFor('today', new Date(2026, 0, 2)));
  });

  it('lists each day of a range', () => {
    assert.deepEqual(eachDay({ start: '2026-02-27', end: '2026-03-02' }), [
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    assert.equal(eachDay(rangeFor('thisWeek', today)).length, 7);
    assert.deepEqual(eachDay({ start: '2026-03-02', end: '2026-03-01' }), []);
    assert.deepEqual(eachDay({ start: 'bad', end: '2026-03-01' }), []);
  });
});

describe('local dates east of UTC (Pacific/Auckland)', () => {
  inTimeZone('Pacific/Auckland');

  it('uses the local day, not the UTC day, early in the morning', () => {
    const morning = new Date(2026, 3, 22, 8, 0);
    assert.equal(morning.toISOString().slice(0, 10), '2026-04-21', 'precondition: UTC is still yesterday');
    assert.equal(toIsoDate(morning), '2026-04-22');
    const parsed = parseDate('today', morning);
    assert.equal(parsed.ok && parsed.iso, '2026-04-22');
  });
});

describe('local dates west of UTC (America/Los_Angeles)', () => {
  inTimeZone('America/Los_Angeles');

  it('uses the local day, not the UTC day, late in the evening', () => {
    const evening = new Date(2026, 3, 22, 21, 0);
    assert.equal(evening.toISOString().slice(0, 10), '2026-04-23', 'precondition: UTC is already tomorrow');
    assert.equal(toIsoDate(evening), '2026-04-22');
    assert.deepEqual(rangeFor('today', evening), { start: '2026-04-22', end: '2026-04-22' });
  });
});

describe('local dates across DST changes (Europe/Berlin)', () => {
  inTimeZone('Europe/Berlin');

  it('counts the 23-hour and 25-hour days as one day each', () => {
    assert.equal(daysBetween(new Date(2026, 2, 28), new Date(2026, 2, 30)), 2);
    assert.equal(daysBetween(new Date(2026, 9, 24), new Date(2026, 9, 26)), 2);
    assert.equal(toIsoDate(addDays(new Date(2026, 2, 29), 1)), '2026-03-30');
    assert.equal(toIsoDate(addDays(new Date(2026, 9, 25, 23, 30), 1)), '2026-10-26');
    assert.deepEqual(eachDay({ start: '2026-03-28', end: '2026-03-30' }), ['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('finds the week of a DST change', () => {
    assert.deepEqual(rangeFor('thisWeek', new Date(2026, 2, 29, 12)), { start: '2026-03-23', end: '2026-03-29' });
    const monday = parseDate('monday', new Date(2026, 2, 30, 1));
    assert.equal(monday.ok && monday.iso, '2026-03-30');
    const sunday = parseDate('sunday', new Date(2026, 2, 30, 1));
    assert.equal(sunday.ok && sunday.iso, '2026-03-29');
  });
});

describe('local dates where DST starts at midnight (America/Sao_Paulo, 2018)', () => {
  inTimeZone('America/Sao_Paulo');

  it('still finds the day whose midnight did not exist', () => {
    const day = localDate(2018, 11, 4);
    assert.equal(toIsoDate(day), '2018-11-04');
    assert.equal(toIsoDate(addDays(localDate(2018, 11, 3), 1)), '2018-11-04');
    assert.equal(toIsoDate(addDays(day, 1)), '2018-11-05');
    assert.equal(daysBetween(localDate(2018, 11, 3), localDate(2018, 11, 5)), 2);
    const parsed = parseDate('yesterday', new Date(2018, 10, 5, 9));
    assert.equal(parsed.ok && parsed.iso, '2018-11-04');
  });
});
