/**
 * What the form prompts accept: names, required and optional dates. The messages are shown in the
 * prompt as the user types, and an argument object that fails them is refused with the same words.
 */
import { dayInWords, parseDate, type DateDirection } from '../time/dates';

export function nameProblem(value: string, what: string): string | undefined {
  if (value.trim() === '') {
    return `Enter a ${what}.`;
  }
  return value.trim().length > 255 ? `The ${what} is too long (at most 255 characters).` : undefined;
}

/** A required date typed at a prompt, relative to `today`. */
export function requiredDateProblem(value: string, today: Date): string | undefined {
  const parsed = parseDate(value, today);
  return parsed.ok ? undefined : parsed.message;
}

/**
 * An optional later date (end, due) typed at a prompt: empty means none; otherwise a date not
 * before `earliest` (`YYYY-MM-DD`); a weekday is the next one.
 */
export function laterDateProblem(value: string, today: Date, earliest: string, earliestName: string, direction: DateDirection = 'future'): string | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  const parsed = parseDate(value, today, { direction });
  if (!parsed.ok) {
    return parsed.message;
  }
  return parsed.iso < earliest ? `This date is before the ${earliestName} (${earliest}).` : undefined;
}

/** The day a date text means, written out, shown as the user types it; nothing for empty or unreadable text. */
export function dateMeaning(value: string, today: Date): string | undefined {
  const parsed = value.trim() === '' ? undefined : parseDate(value, today);
  return parsed?.ok ? dayInWords(parsed.date) : undefined;
}

/** `YYYY-MM-DD` of an accepted later date text (a weekday is the next one), or null for an empty optional one. */
export function isoOrNull(value: string, today: Date, direction: DateDirection = 'future'): string | null {
  if (value.trim() === '') {
    return null;
  }
  const parsed = parseDate(value, today, { direction });
  return parsed.ok ? parsed.iso : null;
}
