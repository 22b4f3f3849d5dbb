/**
 * What the form prompts accept: names, required and optional dates. The messages are shown in the
 * prompt as the user types, and an argument object that fails them is refused with the same words.
 */
import * as l10n from '@vscode/l10n';
import { dayInWords, parseDate, type DateDirection } from '../time/dates';

/** The names a form asks for. */
export type NameKind = 'project name' | 'task title';

/** The dates a later date may not be before. */
export type EarliestDateName = 'start date' | 'open date' | 'first day';

export function nameProblem(value: string, what: NameKind): string | undefined {
  if (value.trim() === '') {
    return what === 'project name' ? l10n.t('Enter a project name.') : l10n.t('Enter a task title.');
  }
  if (value.trim().length <= 255) {
    return undefined;
  }
  return what === 'project name' ? l10n.t('The project name is too long (at most 255 characters).') : l10n.t('The task title is too long (at most 255 characters).');
}

/** Says that a date is before `earliest` (`YYYY-MM-DD`), the date named `name`. */
export function dateBeforeProblem(name: EarliestDateName, earliest: string): string {
  switch (name) {
    case 'start date':
      return l10n.t('This date is before the start date ({0}).', earliest);
    case 'open date':
      return l10n.t('This date is before the open date ({0}).', earliest);
    case 'first day':
      return l10n.t('This date is before the first day ({0}).', earliest);
  }
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
export function laterDateProblem(value: string, today: Date, earliest: string, earliestName: EarliestDateName, direction: DateDirection = 'future'): string | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  const parsed = parseDate(value, today, { direction });
  if (!parsed.ok) {
    return parsed.message;
  }
  return parsed.iso < earliest ? dateBeforeProblem(earliestName, earliest) : undefined;
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
