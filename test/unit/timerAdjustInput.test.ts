import * as assert from 'node:assert/strict';
import { parseClockTime, parseTimerAdjustment, planTimerAdjustment } from '../../src/timer/timerAdjustInput';

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

  it('a time still ahead today is refused, with yesterday’s at that time to offer', () => {
    for (const [input, yesterday] of [
      ['at 11 pm', new Date(2026, 2, 10, 23, 0)],
      ['at 12:00', new Date(2026, 2, 10, 12, 0)],
    ] as const) {
      const result = parseTimerAdjustment(input, NOW);
      assert.equal(result.ok, false, input);
      assert.ok(!result.ok && result.yesterday, input);
      assert.deepEqual(!result.ok && result.yesterday, yesterday);
      assert.match(!result.ok ? result.message : '', /later than now \(11:30\); for yesterday, type "yesterday \d\d:00"/);
    }
  });

  it('reads yesterday said outright', () => {
    assert.deepEqual(start('yesterday 17:00'), new Date(2026, 2, 10, 17, 0));
    assert.deepEqual(start('at 9:15 yesterday'), new Date(2026, 2, 10, 9, 15));
    assert.deepEqual(start('started yesterday at 9:15'), new Date(2026, 2, 10, 9, 15));
    assert.deepEqual(start('yesterday 9:15 am'), new Date(2026, 2, 10, 9, 15));
  });

  it('previews what the timer would show, and offers yesterday when today is impossible', () => {
    const running = { accumulatedSeconds: 0, startedAt: new Date(2026, 2, 11, 11, 0) };
    const plan = planTimerAdjustment('at 10:25', running, NOW);
    assert.ok(plan.ok);
    assert.equal(plan.preview, 'started 10:25 → 1 h 5 min');
    assert.equal(plan.seconds, 65 * 60);
    const elapsed = planTimerAdjustment('1h 20m', running, NOW);
    assert.ok(elapsed.ok && elapsed.preview === '→ 1 h 20 min');
    const ahead = planTimerAdjustment('at 11:45', running, NOW);
    assert.ok(!ahead.ok && ahead.yesterday);
    assert.equal(ahead.yesterday.preview, 'started yesterday 11:45 → 23 h 45 min');
    const paused = planTimerAdjustment('at 10:25', { accumulatedSeconds: 60, startedAt: null }, NOW);
    assert.ok(!paused.ok && /paused/.test(paused.message));
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
    assert.deepEqual(parseClockTime('12:30 pm', NOW), new Date(2026, 2, 11, 12, 30), 'the day of now, even when still ahead');
    assert.equal(parseClockTime('24:00', NOW), undefined);
  });
});
