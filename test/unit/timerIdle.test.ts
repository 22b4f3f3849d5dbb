import * as assert from 'node:assert/strict';
import { IdleTracker, idleThresholdMs } from '../../src/timer/idleTracker';

const MIN = 60_000;
const T0 = Date.parse('2026-03-11T09:00:00Z');

describe('IdleTracker', () => {
  it('reports the time away after the window was unfocused longer than the threshold', () => {
    const tracker = new IdleTracker(T0, true);
    assert.equal(tracker.focusChanged(false, T0 + 1 * MIN, 10 * MIN), undefined);
    const period = tracker.focusChanged(true, T0 + 16 * MIN, 10 * MIN);
    assert.deepEqual(period, { idleStart: new Date(T0 + MIN), returnedAt: new Date(T0 + 16 * MIN), idleSeconds: 15 * 60 });
  });

  it('says nothing for a shorter absence', () => {
    const tracker = new IdleTracker(T0, true);
    tracker.focusChanged(false, T0, 10 * MIN);
    assert.equal(tracker.focusChanged(true, T0 + 9 * MIN, 10 * MIN), undefined);
  });

  it('a focused but untouched window is idle from the last touch', () => {
    const tracker = new IdleTracker(T0, true);
    assert.equal(tracker.activity(T0 + 2 * MIN, 10 * MIN), undefined);
    const period = tracker.activity(T0 + 30 * MIN, 10 * MIN);
    assert.equal(period?.idleStart.getTime(), T0 + 2 * MIN);
    assert.equal(period?.idleSeconds, 28 * 60);
    assert.equal(tracker.activity(T0 + 31 * MIN, 10 * MIN), undefined, 'reported once');
  });

  it('ignores events while unfocused (terminal output, background edits)', () => {
    const tracker = new IdleTracker(T0, false);
    assert.equal(tracker.activity(T0 + 20 * MIN, 10 * MIN), undefined);
    assert.equal(tracker.lastActivityAt, T0);
  });

  it('activity in another window is not being away', () => {
    const tracker = new IdleTracker(T0, true);
    tracker.focusChanged(false, T0, 10 * MIN);
    assert.equal(tracker.focusChanged(true, T0 + 20 * MIN, 10 * MIN, T0 + 15 * MIN), undefined);
  });

  it('a threshold of 0 turns it off', () => {
    const tracker = new IdleTracker(T0, true);
    tracker.focusChanged(false, T0, 0);
    assert.equal(tracker.focusChanged(true, T0 + 600 * MIN, 0), undefined);
  });

  it('a clock set back gives no idle period, and the next one counts from the new time', () => {
    const tracker = new IdleTracker(T0, true);
    assert.equal(tracker.activity(T0 - 60 * MIN, 10 * MIN), undefined);
    assert.equal(tracker.activity(T0 - 45 * MIN, 10 * MIN)?.idleSeconds, 15 * 60);
  });

  it('reads the idleMinutes setting', () => {
    assert.equal(idleThresholdMs(10), 10 * MIN);
    assert.equal(idleThresholdMs(0), 0);
    assert.equal(idleThresholdMs(-3), 0);
    assert.equal(idleThresholdMs('10'), 0);
    assert.equal(idleThresholdMs(10_000), 480 * MIN);
  });
});
