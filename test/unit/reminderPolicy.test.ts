import * as assert from 'node:assert/strict';
import {
  CHECK_INTERVAL_MS,
  NOT_EDITING,
  claimKey,
  describeHours,
  duringWorkingHours,
  inEndOfDayWindow,
  isStaleClaim,
  nextCheckDelay,
  parseClockTime,
  recordEdit,
  shouldOfferTimer,
  shouldRemindToLogTime,
  underTarget,
  type EditingState,
  type ReminderSettings,
} from '../../src/reminders/reminderPolicy';

// Local times: Friday 27 November 2026 is a working day, the 28th a Saturday.
const at = (day: number, hours: number, minutes = 0): Date => new Date(2026, 10, day, hours, minutes);
const MINUTE = 60_000;

const SETTINGS: ReminderSettings = { enabled: true, dailyTargetHours: 8, workdayStart: '09:00', workdayEnd: '17:30', editingMinutes: 15 };

function editedFrom(start: Date, minutes: number, everyMinutes = 1): EditingState {
  let state = NOT_EDITING;
  for (let m = 0; m <= minutes; m += everyMinutes) {
    state = recordEdit(state, start.getTime() + m * MINUTE);
  }
  return state;
}

describe('Reminder policy', () => {
  describe('clock settings', () => {
    it('reads HH:MM and refuses anything else', () => {
      assert.equal(parseClockTime('09:00'), 540);
      assert.equal(parseClockTime(' 17:30 '), 1050);
      assert.equal(parseClockTime('23:59'), 1439);
      for (const bad of ['9:00', '24:00', '12:60', '', 'noon', '12:00:00']) {
        assert.equal(parseClockTime(bad), undefined, bad);
      }
    });

    it('knows working hours: weekdays from start (inclusive) to end (exclusive)', () => {
      assert.equal(duringWorkingHours(at(27, 8, 59), SETTINGS), false);
      assert.equal(duringWorkingHours(at(27, 9, 0), SETTINGS), true);
      assert.equal(duringWorkingHours(at(27, 17, 29), SETTINGS), true);
      assert.equal(duringWorkingHours(at(27, 17, 30), SETTINGS), false);
      assert.equal(duringWorkingHours(at(28, 11, 0), SETTINGS), false, 'Saturday');
      assert.equal(duringWorkingHours(at(29, 11, 0), SETTINGS), false, 'Sunday');
    });

    it('falls back to 09:00–17:30 when the settings are unreadable or the end is before the start', () => {
      for (const broken of [{ workdayStart: 'x', workdayEnd: 'y' }, { workdayStart: '18:00', workdayEnd: '08:00' }]) {
        const settings = { ...SETTINGS, ...broken };
        assert.equal(duringWorkingHours(at(27, 9, 0), settings), true);
        assert.equal(duringWorkingHours(at(27, 17, 30), settings), false);
      }
    });
  });

  describe('log time near the end of the day', () => {
    it('opens 30 minutes before the end and closes two hours after it, on working days', () => {
      assert.equal(inEndOfDayWindow(at(27, 16, 59), SETTINGS), false);
      assert.equal(inEndOfDayWindow(at(27, 17, 0), SETTINGS), true);
      assert.equal(inEndOfDayWindow(at(27, 19, 29), SETTINGS), true);
      assert.equal(inEndOfDayWindow(at(27, 19, 30), SETTINGS), false);
      assert.equal(inEndOfDayWindow(at(28, 17, 15), SETTINGS), false, 'not on Saturday');
    });

    it('never opens before the working day starts, however short the day', () => {
      const short = { ...SETTINGS, workdayStart: '09:00', workdayEnd: '09:10' };
      assert.equal(inEndOfDayWindow(at(27, 8, 50), short), false);
      assert.equal(inEndOfDayWindow(at(27, 9, 0), short), true);
    });

    it('reminds only when on, with a target, and not turned away today or for good', () => {
      const now = at(27, 17, 10);
      assert.equal(shouldRemindToLogTime(now, SETTINGS, {}), true);
      assert.equal(shouldRemindToLogTime(now, { ...SETTINGS, enabled: false }, {}), false);
      assert.equal(shouldRemindToLogTime(now, { ...SETTINGS, dailyTargetHours: 0 }, {}), false);
      assert.equal(shouldRemindToLogTime(now, SETTINGS, { snoozedOn: { logTime: '2026-11-27' } }), false);
      assert.equal(shouldRemindToLogTime(now, SETTINGS, { snoozedOn: { logTime: '2026-11-26' } }), true, 'yesterday\'s "Not today" is over');
      assert.equal(shouldRemindToLogTime(now, SETTINGS, { snoozedOn: { startTimer: '2026-11-27' } }), true, 'the other kind was snoozed');
      assert.equal(shouldRemindToLogTime(now, SETTINGS, { never: { logTime: true } }), false);
      assert.equal(shouldRemindToLogTime(at(27, 12, 0), SETTINGS, {}), false, 'midday');
    });

    it('compares logged time with the target to the minute', () => {
      assert.equal(underTarget(7.99, 8), true);
      assert.equal(underTarget(7.999, 8), false, 'rounding of summed decimals');
      assert.equal(underTarget(8, 8), false);
      assert.equal(underTarget(0.1 + 0.2 + 7.7, 8), false);
      assert.equal(underTarget(0, 0.5), true);
    });

    it('says hours and minutes', () => {
      assert.equal(describeHours(0), '0 min');
      assert.equal(describeHours(0.25), '15 min');
      assert.equal(describeHours(6), '6 h');
      assert.equal(describeHours(6.25), '6 h 15 min');
      assert.equal(describeHours(1.999), '2 h');
    });
  });

  describe('start a timer while editing', () => {
    const tenAm = at(27, 10, 0);

    it('offers after the configured minutes of editing with no timer running, during working hours', () => {
      const editing = editedFrom(tenAm, 15);
      assert.equal(shouldOfferTimer(at(27, 10, 15), SETTINGS, {}, editing, false), true);
      assert.equal(shouldOfferTimer(at(27, 10, 14), SETTINGS, {}, editedFrom(tenAm, 14), false), false, 'not long enough');
      assert.equal(shouldOfferTimer(at(27, 10, 15), SETTINGS, {}, editing, true), false, 'a timer runs');
      assert.equal(shouldOfferTimer(at(27, 10, 15), { ...SETTINGS, enabled: false }, {}, editing, false), false);
      assert.equal(shouldOfferTimer(at(27, 10, 15), SETTINGS, { never: { startTimer: true } }, editing, false), false);
      assert.equal(shouldOfferTimer(at(27, 10, 15), SETTINGS, { snoozedOn: { startTimer: '2026-11-27' } }, editing, false), false);
      assert.equal(shouldOfferTimer(at(27, 10, 15), SETTINGS, {}, NOT_EDITING, false), false);
    });

    it('wants the user still at it: nothing after a long pause since the last edit', () => {
      const editing = editedFrom(tenAm, 20);
      assert.equal(shouldOfferTimer(at(27, 10, 25), SETTINGS, {}, editing, false), true, 'five minutes after the last edit');
      assert.equal(shouldOfferTimer(at(27, 10, 26), SETTINGS, {}, editing, false), false, 'six minutes after it');
    });

    it('starts a new stretch after a pause longer than five minutes', () => {
      let editing = editedFrom(tenAm, 10);
      editing = recordEdit(editing, at(27, 10, 16).getTime());
      assert.equal(editing.since, at(27, 10, 16).getTime());
      assert.equal(shouldOfferTimer(at(27, 10, 20), SETTINGS, {}, recordEdit(editing, at(27, 10, 20).getTime()), false), false);
      const continued = recordEdit(editedFrom(tenAm, 10), at(27, 10, 15).getTime());
      assert.equal(continued.since, tenAm.getTime(), 'a five-minute pause continues the stretch');
    });

    it('stays quiet outside working hours and at weekends', () => {
      assert.equal(shouldOfferTimer(at(27, 18, 0), SETTINGS, {}, editedFrom(at(27, 17, 40), 20), false), false);
      assert.equal(shouldOfferTimer(at(28, 10, 15), SETTINGS, {}, editedFrom(at(28, 10, 0), 15), false), false);
    });

    it('takes at least one minute of editing even when the setting says less', () => {
      const settings = { ...SETTINGS, editingMinutes: 0 };
      assert.equal(shouldOfferTimer(tenAm, settings, {}, recordEdit(NOT_EDITING, tenAm.getTime()), false), false);
      assert.equal(shouldOfferTimer(at(27, 10, 1), settings, {}, editedFrom(tenAm, 1), false), true);
    });
  });

  describe('one window reminds', () => {
    it('claims the log-time reminder once a day and the timer offer once an hour', () => {
      assert.equal(claimKey('logTime', at(27, 17, 5)), 'logTime-2026-11-27');
      assert.equal(claimKey('logTime', at(27, 19, 5)), 'logTime-2026-11-27');
      assert.equal(claimKey('startTimer', at(27, 9, 5)), 'startTimer-2026-11-27-09');
      assert.equal(claimKey('startTimer', at(27, 10, 59)), 'startTimer-2026-11-27-10');
    });

    it('treats claims older than yesterday, and foreign names, as left-overs', () => {
      const now = at(27, 10, 0);
      assert.equal(isStaleClaim('logTime-2026-11-27', now), false);
      assert.equal(isStaleClaim('startTimer-2026-11-26-16', now), false);
      assert.equal(isStaleClaim('logTime-2026-11-25', now), true);
      assert.equal(isStaleClaim('startTimer-2026-10-30-09', now), true);
      assert.equal(isStaleClaim('something-else', now), true);
    });
  });

  describe('scheduling', () => {
    it('looks every minute during working hours and the end-of-day window', () => {
      assert.equal(nextCheckDelay(at(27, 10, 0), SETTINGS), CHECK_INTERVAL_MS);
      assert.equal(nextCheckDelay(at(27, 18, 30), SETTINGS), CHECK_INTERVAL_MS);
    });

    it('sleeps until the next working day starts otherwise', () => {
      assert.equal(nextCheckDelay(at(27, 20, 0), SETTINGS), at(30, 9, 0).getTime() - at(27, 20, 0).getTime(), 'Friday evening → Monday 09:00');
      assert.equal(nextCheckDelay(at(26, 7, 0), SETTINGS), 2 * 60 * MINUTE, 'Thursday 07:00 → 09:00');
      assert.equal(nextCheckDelay(at(28, 12, 0), SETTINGS), at(30, 9, 0).getTime() - at(28, 12, 0).getTime());
    });

    it('never wakes up while reminders are off', () => {
      assert.equal(nextCheckDelay(at(27, 10, 0), { ...SETTINGS, enabled: false }), Number.POSITIVE_INFINITY);
    });
  });
});
