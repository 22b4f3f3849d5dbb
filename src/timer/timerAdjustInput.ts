import { parseDuration } from '../time/duration';

export type TimerAdjustInput =
  | { ok: true; kind: 'startedAt'; startedAt: Date }
  | { ok: true; kind: 'elapsed'; seconds: number }
  | { ok: false; message: string };

const START_WORDS = /^(?:i\s+)?(?:started\s+)?(?:at|since|from)\s+|^started\s+/;

/**
 * Reads "I started at 9:15" / "at 9:15 am" (a start time, local, today or, if that is still
 * ahead, yesterday) or "make it 1h 20m" / "1:20" (the elapsed time). A bare `h:mm` is an elapsed
 * time, as the status bar shows it; a start time needs "at" or am/pm.
 */
export function parseTimerAdjustment(input: string, now: Date): TimerAdjustInput {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') {
    return { ok: false, message: 'Type a start time (at 9:15) or an elapsed time (1h 20m).' };
  }
  const startText = text.replace(START_WORDS, '');
  if (startText !== text || /(am|pm|a\.m\.|p\.m\.)$/.test(text)) {
    const startedAt = parseClockTime(startText, now);
    return startedAt ? { ok: true, kind: 'startedAt', startedAt } : { ok: false, message: `"${input.trim()}" is not a time of day, for example at 9:15 or at 2:30 pm.` };
  }
  const duration = parseDuration(text.replace(/^(?:make\s+it|set\s+(?:it\s+)?to|it\s+is|elapsed)\s+/, ''));
  return duration.ok ? { ok: true, kind: 'elapsed', seconds: duration.seconds } : { ok: false, message: duration.message };
}

/** `9:15`, `09:15`, `9.15`, `9`, `9:15 am`, `2:30pm`, `14:05` as the latest such moment not after `now`. */
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
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0);
  if (date.getTime() > now.getTime()) {
    date.setDate(date.getDate() - 1);
  }
  return date;
}
