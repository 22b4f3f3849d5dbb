/**
 * Durations as users type them and as the extension shows them.
 *
 * Intervals stores time entries in decimal hours and timers in seconds; inside the extension a
 * duration is always a whole number of seconds, converted to hours only at the API boundary.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber } from './localeFormat';

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
/** A time entry belongs to one day, so a longer duration is almost certainly a typing mistake. */
export const MAX_DURATION_SECONDS = 24 * SECONDS_PER_HOUR;

export type DurationParseResult =
  | { ok: true; seconds: number; hours: number }
  | { ok: false; message: string };

/** What a zero duration is told, however it was typed. */
export function aboveZero(): string {
  return l10n.t('Enter a duration above zero.');
}

/**
 * Parses what a user typed as a duration:
 * - decimal hours: `1.5`, `1,5`, `.5`, `2`
 * - hours and minutes: `1:30`, `0:05` (minutes always two digits), optionally `:ss`
 * - units: `90m`, `90 min`, `1h30m`, `1h 30m`, `1.5h`, `1h30`, `45 minutes`, `30s`
 * - a range within one day: `9:15-10:45`, `9:15 - 10:45`, `09:15–10:45`
 */
export function parseDuration(input: string): DurationParseResult {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-');
  if (text === '') {
    return fail(l10n.t('Enter a duration, for example 1:30, 1.5, 90m, 1h 30m or 9:15-10:45.'));
  }
  const range = parseRange(text);
  if (range) {
    return range;
  }
  if (/^-\s*[\d.,:]/.test(text)) {
    return fail(l10n.t('A duration cannot be negative ("{0}").', input.trim()));
  }
  const seconds = parseClock(text) ?? parseDecimalHours(text) ?? parseUnits(text);
  if (seconds === undefined) {
    return fail(l10n.t('"{0}" is not a duration; enter one, for example 1:30, 1.5, 90m, 1h 30m or 9:15-10:45.', input.trim()));
  }
  if (typeof seconds === 'string') {
    return fail(seconds);
  }
  return checked(seconds, input.trim());
}

function fail(message: string): DurationParseResult {
  return { ok: false, message };
}

function checked(rawSeconds: number, shown: string): DurationParseResult {
  const seconds = Math.round(rawSeconds);
  if (seconds <= 0) {
    return fail(aboveZero());
  }
  if (seconds > MAX_DURATION_SECONDS) {
    return fail(
      /^\d+$/.test(shown) && Number(shown) <= 24 * 60
        ? l10n.t('"{0}" is more than 24 hours; one entry covers at most a day. Did you mean {0}m?', shown)
        : l10n.t('"{0}" is more than 24 hours; one entry covers at most a day.', shown),
    );
  }
  return { ok: true, seconds, hours: seconds / SECONDS_PER_HOUR };
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** `h:mm` or `h:mm:ss`; a string is a validation message, undefined means "not this form". */
function parseClock(text: string): number | string | undefined {
  const match = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, h, m, s = '0'] = match;
  if (Number(m) >= 60) {
    const meant = formatHoursMinutes((Number(h) * 60 + Number(m)) * SECONDS_PER_MINUTE);
    return l10n.t('Minutes must be below 60 in "{0}"; did you mean {1}?', text, meant);
  }
  if (Number(s) >= 60) {
    return l10n.t('Seconds must be below 60 in "{0}".', text);
  }
  return Number(h) * SECONDS_PER_HOUR + Number(m) * SECONDS_PER_MINUTE + Number(s);
}

function parseDecimalHours(text: string): number | undefined {
  return /^(\d+([.,]\d*)?|[.,]\d+)$/.test(text) ? toNumber(text) * SECONDS_PER_HOUR : undefined;
}

const UNIT_SECONDS: ReadonlyArray<[RegExp, number]> = [
  [/^(h|hr|hrs|hour|hours)$/, SECONDS_PER_HOUR],
  [/^(m|min|mins|minute|minutes)$/, SECONDS_PER_MINUTE],
  [/^(s|sec|secs|second|seconds)$/, 1],
];

/** Number-unit pairs such as `1h 30m`; a bare number after hours counts as minutes (`1h30`). */
function parseUnits(text: string): number | undefined {
  const token = /\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)\s*/y;
  const seen = new Set<number>();
  let total = 0;
  let position = 0;
  while (position < text.length) {
    token.lastIndex = position;
    const match = token.exec(text);
    if (!match) {
      return undefined;
    }
    position = token.lastIndex;
    const [, amount, unit] = match;
    let factor = UNIT_SECONDS.find(([pattern]) => pattern.test(unit))?.[1];
    if (unit === '' && seen.has(SECONDS_PER_HOUR) && !seen.has(SECONDS_PER_MINUTE) && position === text.length) {
      factor = SECONDS_PER_MINUTE;
    }
    if (factor === undefined || seen.has(factor)) {
      return undefined;
    }
    seen.add(factor);
    total += toNumber(amount) * factor;
  }
  return seen.size > 0 ? total : undefined;
}

/** `9:15-10:45` within one day; `24:00` is allowed as an end. Undefined means "not a range". */
function parseRange(text: string): DurationParseResult | undefined {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, h1, m1, h2, m2] = match.map(Number);
  const start = h1 * SECONDS_PER_HOUR + m1 * SECONDS_PER_MINUTE;
  const end = h2 * SECONDS_PER_HOUR + m2 * SECONDS_PER_MINUTE;
  const shown = `${h1}:${pad(m1)}–${h2}:${pad(m2)}`;
  if (m1 >= 60 || m2 >= 60 || h1 > 23 || end > MAX_DURATION_SECONDS) {
    return fail(l10n.t('"{0}" holds a time that does not exist; use times from 0:00 to 24:00.', shown));
  }
  if (end < start) {
    return fail(l10n.t('The range {0} ends before it starts; enter a range within one day.', shown));
  }
  if (end === start) {
    return fail(l10n.t('The range {0} is empty; it starts and ends at the same time.', shown));
  }
  const seconds = end - start;
  return { ok: true, seconds, hours: seconds / SECONDS_PER_HOUR };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An amount in hours with its unit, `1.5 h` / `1,5 Std.`: the number already formatted. */
function hoursUnit(amount: string): string {
  return l10n.t({ message: '{0} h', args: [amount], comment: ['An amount of hours, abbreviated: 1.5 h'] });
}

/**
 * `1 h 30 min`, `45 min`, `2 h`, `20 s` (under a minute), minutes rounded to the nearest; the
 * units in the display language (`1 Std. 30 Min.`).
 */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const absolute = Math.round(Math.abs(seconds));
  if (absolute > 0 && absolute < SECONDS_PER_MINUTE) {
    return sign + l10n.t({ message: '{0} s', args: [absolute], comment: ['An amount of seconds, abbreviated: 20 s'] });
  }
  const totalMinutes = Math.round(absolute / SECONDS_PER_MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    hours > 0 ? hoursUnit(String(hours)) : '',
    minutes > 0 || hours === 0 ? l10n.t({ message: '{0} min', args: [minutes], comment: ['An amount of minutes, abbreviated: 45 min'] }) : '',
  ];
  return sign + parts.filter(Boolean).join(' ');
}

/** Values of the `intervals.hourFormat` setting: how every amount of time is written. */
export const HOUR_FORMATS = ['hoursMinutes', 'decimal'] as const;
export type HourFormat = (typeof HOUR_FORMATS)[number];

export function isHourFormat(value: unknown): value is HourFormat {
  return (HOUR_FORMATS as readonly unknown[]).includes(value);
}

/**
 * An amount of time in the user's hour format: `1 h 30 min` (as `formatDuration`) or decimal
 * hours, `1.5 h` (at most two decimals, no trailing zeros). Every total and duration the report
 * and the sidebar show goes through this one function.
 */
export function formatDurationAs(seconds: number, format: HourFormat): string {
  if (format === 'hoursMinutes') {
    return formatDuration(seconds);
  }
  const hundredths = Math.round((seconds / SECONDS_PER_HOUR) * 100);
  return hoursUnit(formatNumber(hundredths / 100, 0, 2));
}

/** `1 h 30 min = 1.50 h`: the friendly form next to the decimal hours Intervals will store. */
export function describeDuration(seconds: number): string {
  return `${formatDuration(seconds)} = ${hoursUnit(formatNumber(seconds / SECONDS_PER_HOUR, 2))}`;
}

/** `1:30` (hours and minutes, minutes rounded down), the form `parseDuration` reads back. */
export function formatHoursMinutes(seconds: number): string {
  const totalMinutes = Math.floor(Math.max(0, seconds) / SECONDS_PER_MINUTE);
  return `${Math.floor(totalMinutes / 60)}:${pad(totalMinutes % 60)}`;
}

/**
 * A stopwatch reading for the status bar: `1:05:09` from an hour on, `0:42` / `12:03`
 * (minutes:seconds) below. Negative input (a clock that jumped back) reads as zero.
 */
export function formatClock(seconds: number): string {
  const total = Math.floor(Math.max(0, seconds));
  const hours = Math.floor(total / SECONDS_PER_HOUR);
  const minutes = Math.floor((total % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
  const rest = total % SECONDS_PER_MINUTE;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}

/** Values of the `intervals.timeRounding` setting, in the order a settings enum should list them. */
export const TIME_ROUNDING_VALUES = ['none', '1min', '5min', '6min', '10min', '15min', '30min'] as const;
export type TimeRounding = (typeof TIME_ROUNDING_VALUES)[number];

/** What each rounding means, in the display language. */
export function timeRoundingDescriptions(): Readonly<Record<TimeRounding, string>> {
  return {
    none: l10n.t('Log the time exactly as measured.'),
    '1min': l10n.t('Round to whole minutes.'),
    '5min': l10n.t('Round to 5 minutes (1/12 h).'),
    '6min': l10n.t('Round to 6 minutes (0.1 h).'),
    '10min': l10n.t('Round to 10 minutes (1/6 h).'),
    '15min': l10n.t('Round to 15 minutes (0.25 h).'),
    '30min': l10n.t('Round to 30 minutes (0.5 h).'),
  };
}

/** Values of the `intervals.timeRoundingMode` setting. */
export const TIME_ROUNDING_MODES = ['nearest', 'up'] as const;
export type TimeRoundingMode = (typeof TIME_ROUNDING_MODES)[number];

/** What each rounding mode means, in the display language. */
export function timeRoundingModeDescriptions(): Readonly<Record<TimeRoundingMode, string>> {
  return {
    nearest: l10n.t('Round to the nearest step (never down to zero).'),
    up: l10n.t('Round up to the next step.'),
  };
}

export function isTimeRounding(value: unknown): value is TimeRounding {
  return (TIME_ROUNDING_VALUES as readonly unknown[]).includes(value);
}

export function isTimeRoundingMode(value: unknown): value is TimeRoundingMode {
  return (TIME_ROUNDING_MODES as readonly unknown[]).includes(value);
}

/** The rounding step in seconds; 0 for `none`. */
export function roundingStepSeconds(rounding: TimeRounding): number {
  return rounding === 'none' ? 0 : Number.parseInt(rounding, 10) * SECONDS_PER_MINUTE;
}

/**
 * Rounds a measured duration for logging. `nearest` never turns positive work into zero (it
 * keeps one step instead), so a short timer still produces an entry; zero stays zero.
 */
export function roundDuration(seconds: number, rounding: TimeRounding, mode: TimeRoundingMode): number {
  const whole = Math.max(0, Math.round(seconds));
  const step = roundingStepSeconds(rounding);
  if (step === 0 || whole === 0) {
    return whole;
  }
  const steps = mode === 'up' ? Math.ceil(whole / step) : Math.max(1, Math.round(whole / step));
  return steps * step;
}
