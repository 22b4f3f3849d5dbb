import * as l10n from '@vscode/l10n';
/**
 * When to remind, as pure functions of the clock, the settings and what the user answered
 * before. No `vscode`, no timers: the reminder service asks these and owns the side effects.
 */
import type { ReminderSettings } from '../common/settings';
import { addDays, toIsoDate } from '../time/dates';

export type { ReminderSettings } from '../common/settings';

export type ReminderKind = 'logTime' | 'startTimer';

/** What the user answered, kept in globalState so every window knows it. */
export interface ReminderAnswers {
  /** "Not today": the `YYYY-MM-DD` day the reminder stays quiet. */
  readonly snoozedOn?: Partial<Record<ReminderKind, string>>;
  /** "Don't ask again", until reminders are turned off and on again. */
  readonly never?: Partial<Record<ReminderKind, boolean>>;
}

/** The log-time reminder may come from this long before the end of the working day… */
export const LOG_TIME_LEAD_MINUTES = 30;
/** …until this long after it (VS Code opened late in the evening does not nag). */
export const LOG_TIME_GRACE_MINUTES = 120;
/** A pause in editing longer than this ends a stretch of work. */
export const EDITING_GAP_MINUTES = 5;
/** How often a window looks at the clock while reminders are on. */
export const CHECK_INTERVAL_MS = 60_000;

const MINUTE = 60_000;

/** Minutes after midnight of an `HH:MM` setting; undefined when it is not one. */
export function parseClockTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Monday to Friday. */
export function isWorkday(now: Date): boolean {
  const day = now.getDay();
  return day !== 0 && day !== 6;
}

function minutesOfDay(now: Date): number {
  return now.getHours() * 60 + now.getMinutes() + now.getSeconds() / 60;
}

function workday(settings: ReminderSettings): { start: number; end: number } {
  const start = parseClockTime(settings.workdayStart) ?? 9 * 60;
  const end = parseClockTime(settings.workdayEnd) ?? 17 * 60 + 30;
  // An end before the start is a typo, not a night shift: fall back to the defaults.
  return end > start ? { start, end } : { start: 9 * 60, end: 17 * 60 + 30 };
}

export function duringWorkingHours(now: Date, settings: ReminderSettings): boolean {
  const { start, end } = workday(settings);
  const minutes = minutesOfDay(now);
  return isWorkday(now) && minutes >= start && minutes < end;
}

/** From shortly before the end of a working day until a while after it. */
export function inEndOfDayWindow(now: Date, settings: ReminderSettings): boolean {
  const { start, end } = workday(settings);
  const minutes = minutesOfDay(now);
  const from = Math.max(start, end - LOG_TIME_LEAD_MINUTES);
  return isWorkday(now) && minutes >= from && minutes < end + LOG_TIME_GRACE_MINUTES;
}

/** Whether the user's answers let a reminder of this kind show today. */
export function allowedByAnswers(kind: ReminderKind, now: Date, answers: ReminderAnswers): boolean {
  return answers.never?.[kind] !== true && answers.snoozedOn?.[kind] !== toIsoDate(now);
}

/** The end-of-day reminder: in its window, not turned away, and today's time under the target. */
export function shouldRemindToLogTime(now: Date, settings: ReminderSettings, answers: ReminderAnswers): boolean {
  return settings.enabled && settings.dailyTargetHours > 0 && inEndOfDayWindow(now, settings) && allowedByAnswers('logTime', now, answers);
}

/** Logged hours are decimal and summed from many entries: compare to the minute. */
export function underTarget(loggedHours: number, targetHours: number): boolean {
  return Math.round(loggedHours * 60) < Math.round(targetHours * 60);
}

export interface EditingState {
  /** When the current stretch of editing started (ms), undefined when there is none. */
  readonly since: number | undefined;
  /** The last edit (ms). */
  readonly last: number | undefined;
}

export const NOT_EDITING: EditingState = { since: undefined, last: undefined };

/** An edit at `at`: it continues the stretch when the pause before it was short, else starts one. */
export function recordEdit(state: EditingState, at: number): EditingState {
  const continues = state.since !== undefined && state.last !== undefined && at - state.last <= EDITING_GAP_MINUTES * MINUTE;
  return { since: continues ? state.since : at, last: at };
}

/** The start-timer offer: working hours, editing for a while and still at it, no timer running. */
export function shouldOfferTimer(
  now: Date,
  settings: ReminderSettings,
  answers: ReminderAnswers,
  editing: EditingState,
  timerRunning: boolean,
): boolean {
  if (!settings.enabled || timerRunning || editing.since === undefined || editing.last === undefined) {
    return false;
  }
  const at = now.getTime();
  const stillEditing = at - editing.last <= EDITING_GAP_MINUTES * MINUTE;
  const longEnough = at - editing.since >= Math.max(1, settings.editingMinutes) * MINUTE;
  return stillEditing && longEnough && duringWorkingHours(now, settings) && allowedByAnswers('startTimer', now, answers);
}

/**
 * The name under which one window claims a reminder, so only one of several windows shows it:
 * the log-time reminder once a day, the start-timer offer at most once an hour.
 */
export function claimKey(kind: ReminderKind, now: Date): string {
  return kind === 'logTime' ? `logTime-${toIsoDate(now)}` : `startTimer-${toIsoDate(now)}-${String(now.getHours()).padStart(2, '0')}`;
}

/** Claims of days before yesterday are left-overs to delete. */
export function isStaleClaim(key: string, now: Date): boolean {
  const match = /-(\d{4}-\d{2}-\d{2})(?:-\d{2})?$/.exec(key);
  return !match || (match[1] ?? '') < toIsoDate(addDays(now, -1));
}

/** How long until the next moment a reminder could become due, for a window that sleeps in between. */
export function nextCheckDelay(now: Date, settings: ReminderSettings): number {
  if (!settings.enabled) {
    return Number.POSITIVE_INFINITY;
  }
  if (inEndOfDayWindow(now, settings) || duringWorkingHours(now, settings)) {
    return CHECK_INTERVAL_MS;
  }
  // Outside working hours: sleep until the next working day starts (checked again then).
  const { start } = workday(settings);
  for (let days = 0; days <= 7; days++) {
    const day = addDays(now, days);
    const begins = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(start / 60), start % 60);
    if (isWorkday(begins) && begins.getTime() > now.getTime()) {
      return begins.getTime() - now.getTime();
    }
  }
  return CHECK_INTERVAL_MS;
}

/** "6 h 15 min" for the reminder's message. */
export function describeHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) {
    return l10n.t('{0} min', m);
  }
  return m === 0 ? l10n.t('{0} h', h) : l10n.t('{0} h {1} min', h, m);
}
