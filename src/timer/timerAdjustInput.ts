import * as l10n from '@vscode/l10n';
import { formatDuration, parseDuration } from '../time/duration';
import { adjustElapsed, adjustStart, elapsedSeconds, type TimerState } from './timerModel';

export type TimerAdjustInput =
  | { ok: true; kind: 'startedAt'; startedAt: Date }
  | { ok: true; kind: 'elapsed'; seconds: number }
  /** `yesterday`: the start time typed is still ahead today; yesterday's is offered, never assumed. */
  | { ok: false; message: string; yesterday?: Date };

const START_WORDS = /^(?:i\s+)?(?:started\s+)?(?:at|since|from)\s+|^started\s+/;
const YESTERDAY = /(^|\s)yesterday(\s|$)/;

/**
 * Reads "I started at 9:15" / "at 9:15 am" / "yesterday 9:15" (a start time, local, today unless
 * it says yesterday) or "make it 1h 20m" / "1:20" (the elapsed time). A bare `h:mm` is an elapsed
 * time, as the status bar shows it; a start time needs "at", am/pm or "yesterday". A start time
 * still ahead today is refused, with yesterday's at that time to offer.
 */
export function parseTimerAdjustment(input: string, now: Date): TimerAdjustInput {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') {
    return { ok: false, message: l10n.t('Type a start time (at 9:15) or an elapsed time (1h 20m).') };
  }
  const yesterday = YESTERDAY.test(text);
  const withoutDay = text.replace(YESTERDAY, ' ').trim().replace(/^started$/, '');
  const startText = withoutDay.replace(START_WORDS, '');
  if (yesterday || startText !== withoutDay || /(am|pm|a\.m\.|p\.m\.)$/.test(text)) {
    return startTime(startText, input.trim(), now, yesterday);
  }
  const duration = parseDuration(text.replace(/^(?:make\s+it|set\s+(?:it\s+)?to|it\s+is|elapsed)\s+/, ''));
  return duration.ok ? { ok: true, kind: 'elapsed', seconds: duration.seconds } : { ok: false, message: duration.message };
}

function startTime(text: string, typed: string, now: Date, yesterday: boolean): TimerAdjustInput {
  const today = parseClockTime(text, now);
  if (!today) {
    return { ok: false, message: l10n.t('"{0}" is not a time of day, for example at 9:15, at 2:30 pm or yesterday 17:00.', typed) };
  }
  if (yesterday) {
    today.setDate(today.getDate() - 1);
    return { ok: true, kind: 'startedAt', startedAt: today };
  }
  if (today.getTime() > now.getTime()) {
    const before = new Date(today);
    before.setDate(before.getDate() - 1);
    return {
      ok: false,
      message: l10n.t({
        message: '{0} today is later than now ({1}); for yesterday, type "yesterday {0}".',
        args: [clockText(today), clockText(now)],
        comment: ['"yesterday" is what the user types: keep it in English.'],
      }),
      yesterday: before,
    };
  }
  return { ok: true, kind: 'startedAt', startedAt: today };
}

/** `9:15`, `09:15`, `9.15`, `9`, `9:15 am`, `2:30pm`, `14:05` on the day of `now`. */
export function parseClockTime(input: string, now: Date): Date | undefined {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(input.trim().toLowerCase());
  if (!match) {
    return undefined;
  }
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const meridiem = match[3]?.replace(/\./g, '');
  if (minutes > 59 || hours > 23 || (meridiem && (hours < 1 || hours > 12))) {
    return undefined;
  }
  if (meridiem === 'pm' && hours < 12) {
    hours += 12;
  } else if (meridiem === 'am' && hours === 12) {
    hours = 0;
  }
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0);
}

/** `09:15`, local. */
export function clockText(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** What an adjustment would make of the timer, to preview and to confirm before it is applied. */
export type TimerAdjustPlan =
  | { ok: true; input: Extract<TimerAdjustInput, { ok: true }>; seconds: number; preview: string }
  | { ok: false; message: string; yesterday?: { startedAt: Date; seconds: number; preview: string } };

/** Reads what the user typed against the timer as it is at `now`: the time it would show, in words. */
export function planTimerAdjustment(text: string, timer: TimerState, now: Date): TimerAdjustPlan {
  const input = parseTimerAdjustment(text, now);
  if (!input.ok) {
    if (!input.yesterday) {
      return { ok: false, message: input.message };
    }
    const earlier = planInput({ ok: true, kind: 'startedAt', startedAt: input.yesterday }, timer, now);
    return earlier.ok && earlier.input.kind === 'startedAt'
      ? { ok: false, message: input.message, yesterday: { startedAt: earlier.input.startedAt, seconds: earlier.seconds, preview: earlier.preview } }
      : { ok: false, message: earlier.ok ? input.message : earlier.message };
  }
  return planInput(input, timer, now);
}

function planInput(input: Extract<TimerAdjustInput, { ok: true }>, timer: TimerState, now: Date): TimerAdjustPlan {
  const result = input.kind === 'startedAt' ? adjustStart(timer, input.startedAt, now) : adjustElapsed(timer, input.seconds, now);
  if (!result.ok) {
    return { ok: false, message: result.message };
  }
  const seconds = elapsedSeconds(result.timer, now);
  if (input.kind === 'elapsed') {
    return { ok: true, input, seconds, preview: `→ ${formatDuration(seconds)}` };
  }
  const day = input.startedAt.getDate() === now.getDate() ? '' : 'yesterday ';
  return { ok: true, input, seconds, preview: `started ${day}${clockText(input.startedAt)} → ${formatDuration(seconds)}` };
}
