import * as assert from 'node:assert/strict';
import {
  MAX_DURATION_SECONDS,
  timeRoundingDescriptions,
  timeRoundingModeDescriptions,
  TIME_ROUNDING_MODES,
  TIME_ROUNDING_VALUES,
  describeDuration,
  formatClock,
  formatDuration,
  formatDurationAs,
  HOUR_FORMATS,
  isHourFormat,
  formatHoursMinutes,
  isTimeRounding,
  isTimeRoundingMode,
  parseDuration,
  roundDuration,
  roundingStepSeconds,
} from '../../src/time/duration';

describe('parseDuration', () => {
  const valid: Array<[input: string, seconds: number]> = [
    ['1.5', 5400],
    ['1,5', 5400],
    ['.5', 1800],
    [',25', 900],
    ['2', 7200],
    ['1.', 3600],
    ['0.01', 36],
    ['24', 86400],
    ['1:30', 5400],
    ['0:05', 300],
    ['12:00', 43200],
    ['1:05:09', 3909],
    ['90m', 5400],
    ['90 min', 5400],
    ['90 mins', 5400],
    ['45 minutes', 2700],
    ['1 minute', 60],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1 h 30 min', 5400],
    ['1hr30min', 5400],
    ['2 hours', 7200],
    ['1 hour 15 minutes', 4500],
    ['1h', 3600],
    ['1.5h', 5400],
    ['1,5 h', 5400],
    ['1h30', 5400],
    ['1h 5', 3900],
    ['30m 1h', 5400],
    ['45m', 2700],
    ['30s', 30],
    ['1m 30s', 90],
    ['  1H30M  ', 5400],
    ['9:15-10:45', 5400],
    ['9:15 - 10:45', 5400],
    ['09:15–10:45', 5400],
    ['09:15—10:45', 5400],
    ['0:00-24:00', 86400],
    ['23:30-24:00', 1800],
    ['8:00 -12:30', 16200],
  ];
  for (const [input, seconds] of valid) {
    it(`reads ${JSON.stringify(input)} as ${seconds} s`, () => {
      assert.deepEqual(parseDuration(input), { ok: true, seconds, hours: seconds / 3600 });
    });
  }

  const invalid: Array<[input: string, messagePart: RegExp]> = [
    ['', /Enter a duration/],
    ['   ', /Enter a duration/],
    ['abc', /^"abc" is not a duration; enter one, for example 1:30, 1\.5, 90m, 1h 30m or 9:15-10:45\.$/],
    ['1:5', /not a duration/],
    ['1:30h', /not a duration/],
    ['h', /not a duration/],
    ['1h 1h', /not a duration/],
    ['1 2', /not a duration/],
    ['1h30x', /not a duration/],
    ['1..5', /not a duration/],
    ['9:15-', /not a duration/],
    ['0', /^Enter a duration above zero\.$/],
    ['0:00', /^Enter a duration above zero\.$/],
    ['0m', /^Enter a duration above zero\.$/],
    ['0h 0m', /^Enter a duration above zero\.$/],
    ['0.0001', /^Enter a duration above zero\.$/],
    ['-1', /cannot be negative/],
    ['-1:30', /cannot be negative/],
    ['-30m', /cannot be negative/],
    ['−2', /cannot be negative/],
    ['24.5', /more than 24 hours/],
    ['25:00', /more than 24 hours/],
    ['1500m', /more than 24 hours/],
    ['1:75', /Minutes must be below 60 in "1:75"; did you mean 2:15\?/],
    ['0:60', /Minutes must be below 60/],
    ['1:00:60', /Seconds must be below 60/],
    ['10:45-9:15', /ends before it starts/],
    ['9:15-9:15', /is empty/],
    ['9:75-10:00', /does not exist/],
    ['24:00-24:30', /does not exist/],
    ['22:00-25:00', /does not exist/],
  ];
  for (const [input, messagePart] of invalid) {
    it(`rejects ${JSON.stringify(input)} with a clear message`, () => {
      const result = parseDuration(input);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, messagePart);
    });
  }

  it('suggests minutes when a bare number is too many hours to be hours', () => {
    const result = parseDuration('90');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /more than 24 hours.*Did you mean 90m\?/);
  });

  it('does not suggest minutes for a decimal number', () => {
    const result = parseDuration('90.5');
    assert.equal(result.ok, false);
    assert.doesNotMatch(result.ok ? '' : result.message, /Did you mean/);
  });

  it('accepts exactly 24 hours and rejects one second more', () => {
    assert.equal(parseDuration('24:00').ok, true);
    assert.equal(parseDuration('24:00:01').ok, false);
    assert.equal(MAX_DURATION_SECONDS, 86400);
  });

  it('returns whole seconds for decimal hours that are not a whole number of seconds', () => {
    assert.deepEqual(parseDuration('0.333'), { ok: true, seconds: 1199, hours: 1199 / 3600 });
  });
});

describe('formatDuration', () => {
  const rows: Array<[seconds: number, text: string]> = [
    [0, '0 min'],
    [20, '20 s'],
    [59, '59 s'],
    [60, '1 min'],
    [89, '1 min'],
    [90, '2 min'],
    [2700, '45 min'],
    [3600, '1 h'],
    [3599, '1 h'],
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [3909, '1 h 5 min'],
    [86400, '24 h'],
    [-5400, '-1 h 30 min'],
  ];
  for (const [seconds, text] of rows) {
    it(`shows ${seconds} s as ${JSON.stringify(text)}`, () => {
      assert.equal(formatDuration(seconds), text);
    });
  }
});

describe('formatDurationAs', () => {
  it('writes hours and minutes like formatDuration', () => {
    assert.equal(formatDurationAs(5400, 'hoursMinutes'), '1 h 30 min');
    assert.equal(formatDurationAs(0, 'hoursMinutes'), '0 min');
  });

  it('writes decimal hours with at most two decimals and no trailing zeros', () => {
    const rows: Array<[seconds: number, text: string]> = [
      [5400, '1.5 h'],
      [7200, '2 h'],
      [900, '0.25 h'],
      [300, '0.08 h'],
      [0, '0 h'],
      [8.05 * 3600, '8.05 h'],
      [-5400, '-1.5 h'],
    ];
    for (const [seconds, text] of rows) {
      assert.equal(formatDurationAs(seconds, 'decimal'), text);
    }
  });

  it('knows its formats', () => {
    assert.deepEqual(HOUR_FORMATS, ['hoursMinutes', 'decimal']);
    assert.ok(isHourFormat('decimal'));
    assert.ok(!isHourFormat('minutes'));
  });
});

describe('describeDuration', () => {
  it('pairs the friendly form with the decimal hours that will be stored', () => {
    assert.equal(describeDuration(5400), '1 h 30 min = 1.50 h');
    assert.equal(describeDuration(300), '5 min = 0.08 h');
    assert.equal(describeDuration(36), '36 s = 0.01 h');
  });
});

describe('formatHoursMinutes', () => {
  it('writes h:mm that parseDuration reads back', () => {
    assert.equal(formatHoursMinutes(5400), '1:30');
    assert.equal(formatHoursMinutes(300), '0:05');
    assert.equal(formatHoursMinutes(3659), '1:00');
    assert.equal(formatHoursMinutes(-10), '0:00');
    const parsed = parseDuration(formatHoursMinutes(4500));
    assert.deepEqual(parsed, { ok: true, seconds: 4500, hours: 1.25 });
  });
});

describe('formatClock', () => {
  const rows: Array<[seconds: number, text: string]> = [
    [0, '0:00'],
    [42, '0:42'],
    [42.9, '0:42'],
    [723, '12:03'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3909, '1:05:09'],
    [36000 + 61, '10:01:01'],
    [-5, '0:00'],
  ];
  for (const [seconds, text] of rows) {
    it(`shows ${seconds} s as ${text}`, () => {
      assert.equal(formatClock(seconds), text);
    });
  }
});

describe('time rounding', () => {
  it('lists every rounding value with a description, in step order', () => {
    assert.deepEqual([...TIME_ROUNDING_VALUES], ['none', '1min', '5min', '6min', '10min', '15min', '30min']);
    assert.deepEqual(Object.keys(timeRoundingDescriptions()), [...TIME_ROUNDING_VALUES]);
    assert.deepEqual(Object.keys(timeRoundingModeDescriptions()), [...TIME_ROUNDING_MODES]);
    const steps = TIME_ROUNDING_VALUES.map(roundingStepSeconds);
    assert.deepEqual(steps, [0, 60, 300, 360, 600, 900, 1800]);
  });

  it('recognises setting values and rejects others', () => {
    assert.equal(isTimeRounding('15min'), true);
    assert.equal(isTimeRounding('15'), false);
    assert.equal(isTimeRounding(undefined), false);
    assert.equal(isTimeRoundingMode('up'), true);
    assert.equal(isTimeRoundingMode('down'), false);
  });

  const rows: Array<[seconds: number, rounding: (typeof TIME_ROUNDING_VALUES)[number], mode: 'nearest' | 'up', result: number]> = [
    [1234.4, 'none', 'nearest', 1234],
    [1234, 'none', 'up', 1234],
    [89, '1min', 'nearest', 60],
    [90, '1min', 'nearest', 120],
    [61, '1min', 'up', 120],
    [60, '1min', 'up', 60],
    [7 * 60, '5min', 'nearest', 300],
    [8 * 60, '5min', 'nearest', 600],
    [6 * 60 + 1, '5min', 'up', 600],
    [3 * 60, '6min', 'nearest', 360],
    [2 * 60, '6min', 'nearest', 360],
    [9 * 60, '6min', 'nearest', 720],
    [61 * 60, '6min', 'up', 66 * 60],
    [14 * 60, '10min', 'nearest', 600],
    [16 * 60, '15min', 'nearest', 900],
    [22 * 60 + 29, '15min', 'nearest', 900],
    [22 * 60 + 30, '15min', 'nearest', 1800],
    [1, '15min', 'up', 900],
    [5 * 60, '15min', 'nearest', 900],
    [44 * 60, '30min', 'nearest', 1800],
    [46 * 60, '30min', 'nearest', 3600],
    [0, '15min', 'nearest', 0],
    [0, '15min', 'up', 0],
    [-30, '5min', 'up', 0],
  ];
  for (const [seconds, rounding, mode, result] of rows) {
    it(`rounds ${seconds} s with ${rounding}/${mode} to ${result} s`, () => {
      assert.equal(roundDuration(seconds, rounding, mode), result);
    });
  }
});
