import * as l10n from '@vscode/l10n';
import { positiveId as toId, taskIdFrom } from '../tasks/taskReference';
import { fromIsoDate, parseDate } from '../time/dates';

/**
 * The contract of the argument objects commands take from keybindings, tasks and other
 * extensions: ids are numbers or strings of digits, dates `YYYY-MM-DD`, durations a number of
 * hours or any text Log Time accepts. A value that is not what its key needs is refused before
 * the command does anything: it neither asks (a prompt nobody expects would leave the caller
 * waiting) nor sends.
 */

/** What a command returns when its argument object holds a value it cannot use. */
export interface ArgumentRefusal {
  readonly status: 'invalid';
  readonly message: string;
}

/**
 * A refused value, as the whole sentence that tells it: the command, the key and the value
 * (as JSON) go into the kind's own message.
 */
export type Refusal = (commandId: string, key: string, value: string) => string;

/** Reads one value: the value to pass on (normalised, e.g. "12" → 12), or how it is refused. */
export type ArgumentKind = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string; refusal: Refusal };

/** The keys a command reads from its argument object, and what each must hold. */
export type ArgumentSpec = Readonly<Record<string, ArgumentKind>>;

// The `expected` descriptions below are the README's English (npm run reference); the refusals are localised.
// l10n-ignore-start
const ok = (value: unknown) => ({ ok: true as const, value });
/**
 * A refusal: `expected` says in English what the value must be (the README's command reference is
 * written from it), `refusal` the localised sentence the caller gets.
 */
const no = (expected: string, refusal: Refusal) => ({ ok: false as const, expected, refusal });

export const id: ArgumentKind = (value) => {
  const parsed = toId(value);
  return parsed === undefined
    ? no('an Intervals id (a whole number, or a string of digits)', (command, key, given) => l10n.t('{0}: {1} {2} is not an Intervals id (a whole number, or a string of digits). Nothing was done.', command, key, given))
    : ok(parsed);
};

/** An id, or null for none. */
export const idOrNone: ArgumentKind = (value) => {
  if (value === null) {
    return ok(null);
  }
  const read = id(value);
  return read.ok ? read : no('an Intervals id (a whole number, or a string of digits), or null for none', (command, key, given) =>
        l10n.t('{0}: {1} {2} is not an Intervals id (a whole number, or a string of digits), or null for none. Nothing was done.', command, key, given),
      );
};

/** A client id, or -1 / null for "no client". */
export const clientOrNone: ArgumentKind = (value) => {
  if (value === null || value === -1 || value === '-1') {
    return ok(null);
  }
  const parsed = toId(value);
  return parsed === undefined
    ? no('a client id (a whole number or a string of digits), or -1 for projects without a client', (command, key, given) =>
        l10n.t('{0}: {1} {2} is not a client id (a whole number or a string of digits), or -1 for projects without a client. Nothing was done.', command, key, given),
      )
    : ok(parsed);
};

/** A list of ids: an array, or one id, or ids separated by commas. */
export const ids: ArgumentKind = (value) => {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter((part) => part.trim() !== '') : [value];
  const parsed = items.map(toId);
  return parsed.every((item): item is number => item !== undefined)
    ? ok(parsed)
    : no('a list of Intervals ids, e.g. [3, "5"]', (command, key, given) => l10n.t('{0}: {1} {2} is not a list of Intervals ids, e.g. [3, "5"]. Nothing was done.', command, key, given));
};

export const isoDate: ArgumentKind = (value) =>
  typeof value === 'string' && fromIsoDate(value.trim())
    ? ok(value.trim())
    : no('a date that exists, as YYYY-MM-DD', (command, key, given) => l10n.t('{0}: {1} {2} is not a date that exists, as YYYY-MM-DD. Nothing was done.', command, key, given));

/** A day as the date prompts take it: `YYYY-MM-DD`, `today`, `yesterday`, a weekday. */
export const day: ArgumentKind = (value) =>
  typeof value === 'string' && parseDate(value, new Date()).ok
    ? ok(value)
    : no('a day: YYYY-MM-DD, "today", "yesterday" or a weekday', (command, key, given) => l10n.t('{0}: {1} {2} is not a day: YYYY-MM-DD, "today", "yesterday" or a weekday. Nothing was done.', command, key, given));

/** A day, or an empty text for none. */
export const dayOrNone: ArgumentKind = (value) =>
  value === '' || value === null || day(value).ok ? ok(value) : no('a day: YYYY-MM-DD, "today", "yesterday" or a weekday, or "" for none', (command, key, given) =>
        l10n.t('{0}: {1} {2} is not a day: YYYY-MM-DD, "today", "yesterday" or a weekday, or "" for none. Nothing was done.', command, key, given),
      );

/**
 * Hours as a number or a duration text (`1:30`, `90m`, `9:15-10:45`). Which values make a
 * duration (not zero, not negative, minutes below 60, a day at most) the command checks itself,
 * with a message that says what is wrong with the value; it refuses them without asking too.
 */
export const hours: ArgumentKind = (value) =>
  (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
    ? ok(value)
    : no('a number of hours, or a duration such as "1:30", "90m" or "9:15-10:45"', (command, key, given) =>
        l10n.t('{0}: {1} {2} is not a number of hours, or a duration such as "1:30", "90m" or "9:15-10:45". Nothing was done.', command, key, given),
      );

export const boolean: ArgumentKind = (value) =>
  typeof value === 'boolean' ? ok(value) : no('true or false', (command, key, given) => l10n.t('{0}: {1} {2} is not true or false. Nothing was done.', command, key, given));

export const text: ArgumentKind = (value) =>
  typeof value === 'string' ? ok(value) : no('a text', (command, key, given) => l10n.t('{0}: {1} {2} is not a text. Nothing was done.', command, key, given));

/** A general timer's name: 1 to 255 characters once trimmed. */
export const timerName: ArgumentKind = (value) =>
  typeof value === 'string' && value.trim() !== '' && value.trim().length <= 255
    ? ok(value.trim())
    : no('a name of 1 to 255 characters', (command, key, given) => l10n.t('{0}: {1} {2} is not a name of 1 to 255 characters. Nothing was done.', command, key, given));

export function oneOf(values: readonly string[]): ArgumentKind {
  const choices = values.map((each) => `"${each}"`).join(', ');
  return (value) =>
    typeof value === 'string' && values.includes(value)
      ? ok(value)
      : no(`one of ${choices}`, (command, key, given) => l10n.t('{0}: {1} {2} is not one of {3}. Nothing was done.', command, key, given, choices));
}

/** A status by its name or its id (a positive whole number). */
export const statusName: ArgumentKind = (value) =>
  typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value > 0) ? ok(value) : no('a status name or id', (command, key, given) => l10n.t('{0}: {1} {2} is not a status name or id. Nothing was done.', command, key, given));

/** A person's id, or "everyone". */
export const personOrEveryone: ArgumentKind = (value) => {
  if (value === 'everyone') {
    return ok(value);
  }
  return id(value).ok ? id(value) : no(`a person's id (a whole number, or a string of digits), or "everyone"`, (command, key, given) =>
        l10n.t('{0}: {1} {2} is not a person\'s id (a whole number, or a string of digits), or "everyone". Nothing was done.', command, key, given),
      );
};

// l10n-ignore-end

/** Anything: the command reads it itself (objects passed between the extension's own commands). */
export const passed: ArgumentKind = (value) => ok(value);

/**
 * An argument object given by a caller: a plain `{ … }`, as keybindings and `executeCommand`
 * callers pass. A row of the extension's views (a plain object too, with its `kind`) and class
 * instances are read by the commands themselves.
 */
export function isPlainArgument(arg: unknown): arg is Record<string, unknown> {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(arg) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (arg as { kind?: unknown }).kind !== 'string';
}

/**
 * Checks the argument object against the command's keys: a refusal naming the first value that
 * does not fit, or the object with its values normalised (ids as numbers, dates trimmed).
 * Anything that is not a plain object (a tree node, nothing) passes unchanged.
 */
export function checkArguments(
  commandId: string,
  spec: ArgumentSpec,
  arg: unknown,
): { ok: true; arg: unknown } | { ok: false; refusal: ArgumentRefusal } {
  if (!isPlainArgument(arg)) {
    return { ok: true, arg };
  }
  const normalised: Record<string, unknown> = { ...arg };
  for (const [key, kind] of Object.entries(spec)) {
    const value = arg[key];
    if (value === undefined) {
      continue;
    }
    const read = kind(value);
    if (!read.ok) {
      return {
        ok: false,
        refusal: { status: 'invalid', message: read.refusal(commandId, key, describeValue(value)) },
      };
    }
    normalised[key] = read.value;
  }
  return { ok: true, arg: normalised };
}

function describeValue(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}…` : json;
  } catch {
    return String(value);
  }
}

/** The argument object of a command, when it was given one (a tree node or `{ ... }`). */
export function argumentObject(arg: unknown): Record<string, unknown> | undefined {
  return arg !== null && typeof arg === 'object' && !Array.isArray(arg) ? (arg as Record<string, unknown>) : undefined;
}

// One resolver per entity: what the argument itself carries first (a tree node's data), then
// what is already loaded, and the service last. Without an argument naming one, the command asks.

/** Where a task is found when the argument carries none: already loaded, or fetched (undefined: given up). */
export interface TaskSources<T> {
  known?(taskId: number): T | undefined;
  fetch(taskId: number): Promise<T | undefined>;
}

/**
 * The task an argument names (`{ taskId }`, an id, a tree node, `{ task }`, a task): the one it
 * carries when `carried` accepts it, else a known one, else fetched. Undefined when it names none.
 */
export async function resolveTask<T extends { id: number }>(
  arg: unknown,
  carried: (value: unknown) => value is T,
  sources: TaskSources<T>,
): Promise<T | undefined> {
  const taskId = taskIdFrom(arg);
  if (taskId === undefined) {
    return undefined;
  }
  const given = argumentObject(arg);
  for (const candidate of [given, argumentObject(given?.task)]) {
    if (carried(candidate) && candidate.id === taskId) {
      return candidate;
    }
  }
  return sources.known?.(taskId) ?? (await sources.fetch(taskId));
}

/** The project id of `{ projectId }` or of a project node `{ project: { id } }`. */
export function projectIdFrom(arg: unknown): number | undefined {
  const options = argumentObject(arg);
  if (!options) {
    return undefined;
  }
  if (options.projectId !== undefined) {
    return toId(options.projectId);
  }
  const project = argumentObject(options.project);
  return project ? toId(project.id) : undefined;
}

/** The time entry a command was given: a My Time node (`{ entry }`), `{ entryId }` or `{ id }`. */
export interface EntrySources<T> {
  /** An entry of the shown week. */
  shown(id: number): T | undefined;
  fetch(id: number): Promise<T>;
  /** Without an entry named, the user picks one. */
  pick(): Promise<T | undefined>;
}

export async function resolveEntry<T extends { id: number }>(arg: unknown, sources: EntrySources<T>): Promise<T | undefined> {
  const record = argumentObject(arg);
  const entry = argumentObject(record?.entry);
  if (entry && typeof entry.id === 'number') {
    return entry as unknown as T;
  }
  const id = toId(record?.entryId ?? record?.id);
  if (id !== undefined) {
    return sources.shown(id) ?? (await sources.fetch(id));
  }
  return sources.pick();
}

/** The waiting entry a command was given (a view node holding `item`, or `{ id }`), or one the user picks. */
export async function resolveWaiting<T extends { id: string }>(
  arg: unknown,
  waiting: () => Promise<readonly T[]>,
  pick: (items: readonly T[]) => Promise<T | undefined>,
): Promise<T | undefined> {
  const items = await waiting();
  const record = argumentObject(arg);
  const item = argumentObject(record?.item);
  const id = typeof item?.id === 'string' ? item.id : record?.id;
  if (typeof id === 'string') {
    return items.find((candidate) => candidate.id === id);
  }
  return pick(items);
}

/** The timer an argument names: `{ timerId }`, an entry's `key`, a task (`{ taskId }`, tree node), or none. */
export function timerTargetFrom(arg: unknown): string | { taskId: number } | undefined {
  const record = argumentObject(arg);
  const timerId = toId(record?.timerId);
  if (timerId !== undefined) {
    return String(timerId);
  }
  if (typeof record?.key === 'string') {
    return record.key;
  }
  const taskId = taskIdFrom(arg);
  return taskId !== undefined ? { taskId } : undefined;
}
