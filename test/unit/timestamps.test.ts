import * as assert from 'node:assert/strict';
import { formatUtcTimestamp, parseUtcTimestamp } from '../../src/time/timestamps';

describe('UTC timestamps', () => {
  it('formats in UTC whatever the local zone, dropping milliseconds', () => {
    assert.equal(formatUtcTimestamp(new Date(Date.UTC(2017, 0, 18, 10, 30, 3, 999))), '2017-01-18 10:30:03');
    assert.equal(formatUtcTimestamp(new Date(Date.UTC(2026, 11, 31, 23, 59, 59))), '2026-12-31 23:59:59');
    assert.equal(formatUtcTimestamp(new Date(Date.UTC(2026, 0, 1, 0, 0, 0))), '2026-01-01 00:00:00');
  });

  const valid: Array<[text: string, utc: number]> = [
    ['2017-01-18 10:30:03', Date.UTC(2017, 0, 18, 10, 30, 3)],
    ['  2017-01-18 10:30:03  ', Date.UTC(2017, 0, 18, 10, 30, 3)],
    ['2017-01-18T10:30:03', Date.UTC(2017, 0, 18, 10, 30, 3)],
    ['2017-01-18T10:30:03Z', Date.UTC(2017, 0, 18, 10, 30, 3)],
    ['2017-01-18 10:30:03+00:00', Date.UTC(2017, 0, 18, 10, 30, 3)],
    ['2017-01-18 10:30:03.250', Date.UTC(2017, 0, 18, 10, 30, 3, 250)],
    ['2017-01-18 10:30:03.123456', Date.UTC(2017, 0, 18, 10, 30, 3, 123)],
    ['2017-01-18 10:30', Date.UTC(2017, 0, 18, 10, 30, 0)],
    ['2024-02-29 00:00:00', Date.UTC(2024, 1, 29)],
  ];
  for (const [text, utc] of valid) {
    it(`reads ${JSON.stringify(text)} as UTC`, () => {
      assert.equal(parseUtcTimestamp(text)?.getTime(), utc);
    });
  }

  for (const blank of [null, undefined, '', '   ', '0000-00-00 00:00:00', '0000-00-00']) {
    it(`reads ${JSON.stringify(blank)} as no timestamp (paused)`, () => {
      assert.equal(parseUtcTimestamp(blank), null);
    });
  }

  for (const bad of ['yesterday', '2017-01-18', '2017-13-01 00:00:00', '2017-02-30 10:00:00', '2017-01-18 24:00:00', '2017-01-18 10:60:00', '2017-01-18 10:30:03+02:00', '1484735403']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseUtcTimestamp(bad), RangeError);
    });
  }

  it('round-trips through format and parse', () => {
    const date = new Date(Date.UTC(2026, 3, 22, 7, 5, 9));
    assert.equal(parseUtcTimestamp(formatUtcTimestamp(date))?.getTime(), date.getTime());
  });
});
