import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { searchItems, searchKey, foldText } from '../tasks/taskSearch';
import { addDays, daysBetween, fromIsoDate, parseDate, toIsoDate, type DateDirection } from '../time/dates';
import { weekOf } from '../timeLog/timeWeek';

/**
 * What the chat tools read from a model's input, without VS Code: days in words or ISO, and the
 * task a text names. A model writes English, so days are read in English order (`12/18`), and
 * nothing is ever guessed: a text that fits two tasks is refused with both listed.
 */

/** At most this many candidates are listed when a text names several tasks. */
export const MAX_CANDIDATES = 10;

/** The longest range My Time reports on, in days. */
export const MAX_RANGE_DAYS = 92;

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A day as a model writes it: `2026-12-03`, `today`, `yesterday`, `monday` (the last one, or with
 * `future` the next), `last friday`, `next friday`, `-2`, `dec 18`. `field` names the input in the
 * refusal.
 */
export function resolveDay(text: unknown, today: Date, field: string, direction: DateDirection = 'past'): Resolved<string> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, message: l10n.t('{0} is missing: give a day as YYYY-MM-DD, today, yesterday, a weekday or "last friday".', field) };
  }
  // "last friday" and "friday" read as the prompts read them; "on friday" and "the 3rd" do not.
  const result = parseDate(text.replace(/^(on|the)\s+/i, ''), today, { direction, locale: 'en-US' });
  return result.ok ? { ok: true, value: result.iso } : { ok: false, message: l10n.t('{0}: {1}', field, result.message) };
}

/** The days My Time reports on: `from`..`to` (either one alone is that day), else this week. */
export function resolveRange(from: unknown, to: unknown, today: Date): Resolved<{ start: string; end: string }> {
  if ((from === undefined || from === '') && (to === undefined || to === '')) {
    return { ok: true, value: weekOf(today) };
  }
  const start = resolveDay(from ?? to, today, 'from');
  const end = to === undefined || to === '' ? start : resolveDay(to, today, 'to');
  if (!start.ok) {
    return start;
  }
  if (!end.ok) {
    return end;
  }
  const days = daysBetween(fromIsoDate(start.value) as Date, fromIsoDate(end.value) as Date);
  if (days < 0) {
    return { ok: false, message: l10n.t('"to" ({0}) is before "from" ({1}).', end.value, start.value) };
  }
  if (days >= MAX_RANGE_DAYS) {
    return { ok: false, message: l10n.t('The range is {0} days; ask for at most {1} days at a time.', days + 1, MAX_RANGE_DAYS) };
  }
  return { ok: true, value: { start: start.value, end: end.value } };
}

/** How a text names a task: its id, its `#number`, or words of its title, project or client. */
export type TaskReference = { kind: 'id'; id: number } | { kind: 'localId'; localId: number } | { kind: 'words'; words: string };

export function taskReference(value: unknown): Resolved<TaskReference> {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
    return { ok: true, value: { kind: 'id', id: value } };
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    return { ok: false, message: l10n.t('"task" is missing: give a task id, its #number (#1234) or words of its title.') };
  }
  const number = /^(#|id\s*|task\s*#?)?(\d{1,12})$/i.exec(text);
  if (number) {
    const n = Number(number[2]);
    return { ok: true, value: number[1]?.startsWith('#') || /^task\s*#/i.test(number[1] ?? '') ? { kind: 'localId', localId: n } : { kind: 'id', id: n } };
  }
  return { ok: true, value: { kind: 'words', words: text } };
}

export type TaskMatch = { ok: true; task: Task } | { ok: false; message: string; candidates: readonly Task[] };

/**
 * The one task among `tasks` that `reference` names. Words match as Find Task matches them (every
 * word, any order, accents aside); a title equal to the words wins over titles that only hold
 * them. None or several: refused, the candidates listed for the user to choose.
 */
export function matchTask(reference: TaskReference, tasks: readonly Task[]): TaskMatch {
  if (reference.kind !== 'words') {
    const found = tasks.filter((task) => (reference.kind === 'id' ? task.id === reference.id : task.localId === reference.localId));
    const name = reference.kind === 'id' ? l10n.t('task id {0}', reference.id) : `#${reference.localId}`;
    return found.length === 1
      ? { ok: true, task: found[0] }
      : { ok: false, message: l10n.t('No open task is {0}. Use intervals_findTasks to find the task.', name), candidates: [] };
  }
  const matches = searchItems(tasks, (task) => searchKey(task.title, task.localId != null ? `#${task.localId}` : undefined, task.project, task.client), reference.words);
  const exact = matches.filter((task) => foldText(task.title).trim() === foldText(reference.words).trim());
  if (exact.length === 1 || matches.length === 1) {
    return { ok: true, task: exact.length === 1 ? exact[0] : matches[0] };
  }
  if (matches.length === 0) {
    return { ok: false, message: l10n.t('No open task matches "{0}". Try other words, or use intervals_findTasks.', reference.words), candidates: [] };
  }
  return {
    ok: false,
    message: l10n.t('"{0}" matches {1} open tasks; nothing was done. Ask the user which one, then give its #number.', reference.words, matches.length),
    candidates: matches.slice(0, MAX_CANDIDATES),
  };
}

/**
 * The one item whose name is `text` (case and accents aside), else the one whose name holds every
 * word; an id in digits matches `idOf`. Several: refused with their names.
 */
export function matchNamed<T>(text: string, items: readonly T[], nameOf: (item: T) => string, idOf: (item: T) => number, field: string): Resolved<T> {
  const wanted = text.trim();
  if (/^\d+$/.test(wanted)) {
    const byId = items.find((item) => idOf(item) === Number(wanted));
    if (byId) {
      return { ok: true, value: byId };
    }
  }
  const exact = items.filter((item) => foldText(nameOf(item)).trim() === foldText(wanted));
  const matches = exact.length > 0 ? exact : searchItems(items, (item) => searchKey(nameOf(item)), wanted);
  if (matches.length === 1) {
    return { ok: true, value: matches[0] };
  }
  const names = (list: readonly T[]): string => list.slice(0, MAX_CANDIDATES).map((item) => `"${nameOf(item)}" (${idOf(item)})`).join(', ');
  return matches.length === 0
    ? { ok: false, message: l10n.t('{0}: nothing is called "{1}". It is one of: {2}.', field, wanted, names(items) || l10n.t('(none)')) }
    : { ok: false, message: l10n.t('{0}: "{1}" fits several: {2}. Ask the user which one.', field, wanted, names(matches)) };
}

/** The ISO days from `start` to `end`. */
export function daysOf(range: { start: string; end: string }): string[] {
  const first = fromIsoDate(range.start) as Date;
  const count = daysBetween(first, fromIsoDate(range.end) as Date) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => toIsoDate(addDays(first, index)));
}
