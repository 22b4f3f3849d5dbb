import * as assert from 'node:assert/strict';
import { parseClockTime, parseTimerAdjustment } from '../../src/timer/timerAdjustInput';

// Local time on purpose: "I started at 9:15" is the user's clock.
const NOW = new Date(2026, 2, 11, 11, 30, 0);

describe('parseTimerAdjustment', () => {
  const start = (input: string) => {
    const result = parseTimerAdjustment(input, NOW);
    assert.ok(result.ok && result.kind === 'startedAt', `${input}: ${JSON.stringify(result)}`);
    return result.startedAt;
  };
  const elapsed = (input: string) => {
    const result = parseTimerAdjustment(input, NOW);
    assert.ok(result.ok && result.kind === 'elapsed', `${input}: ${JSON.stringify(result)}`);
    return result.seconds;
  };

  it('reads start times', () => {
    assert.deepEqual(start('I started at 9:15'), new Date(2026, 2, 11, 9, 15));
    assert.deepEqual(start('at 9:15'), new Date(2026, 2, 11, 9, 15));
    assert.deepEqual(start('started 10.05'), new Date(2026, 2, 11, 10, 5));
    assert.deepEqual(start('9:15 am'), new Date(2026, 2, 11, 9, 15));
    assert.deepEqual(start('since 11'), new Date(2026, 2, 11, 11, 0));
  });

  it('a time still ahead today is yesterday’s', () => {
    assert.deepEqual(start('at 11 pm'), new Date(2026, 2, 10, 23, 0));
    assert.deepEqual(start('at 12:00'), new Date(2026, 2, 10, 12, 0));
  });

  it('reads elapsed times', () => {
    assert.equal(elapsed('make it 1h 20m'), 80 * 60);
    assert.equal(elapsed('1:20'), 80 * 60);
    assert.equal(elapsed('45m'), 45 * 60);
    assert.equal(elapsed('set to 1.5'), 90 * 60);
  });

  it('explains what it cannot read', () => {
    for (const input of ['', 'at 25:00', 'at 9:75', 'soon', 'at 13 pm']) {
      const result = parseTimerAdjustment(input, NOW);
      assert.equal(result.ok, false, input);
      assert.ok(!result.ok && result.message.length > 0);
    }
  });

  it('parseClockTime handles noon and midnight in 12-hour form', () => {
    assert.deepEqual(parseClockTime('12 am', NOW), new Date(2026, 2, 11, 0, 0));
    assert.deepEqual(parseClockTime('12:30 pm', NOW), new Date(2026, 2, 10, 12, 30));
    assert.equal(parseClockTime('24:00', NOW), undefined);
  });
});
