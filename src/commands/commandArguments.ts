import { positiveId as toId } from '../tasks/taskReference';
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

/** Reads one value: the value to pass on (normalised, e.g. "12" → 12), or what was expected. */
export type ArgumentKind = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

/** The keys a command reads from its argument object, and what each must hold. */
export type ArgumentSpec = Readonly<Record<string, ArgumentKind>>;

const ok = (value: unknown) => ({ ok: true as const, value });
const no = (expected: string) => ({ ok: false as const, expected });

export const id: ArgumentKind = (value) => {
  const parsed = toId(value);
  return parsed === undefined ? no('an Intervals id (a whole number, or a string of digits)') : ok(parsed);
};

/** An id, or null for none. */
export const idOrNone: ArgumentKind = (value) => (value === null ? ok(null) : id(value));

/** A client id, or -1 / null for "no client". */
export const clientOrNone: ArgumentKind = (value) => {
  if (value === null || value === -1 || value === '-1') {
    return ok(null);
  }
  const parsed = toId(value);
  return parsed === undefined ? no('a client id (a whole number or a string of digits), or -1 for projects without a client') : ok(parsed);
};

/** A list of ids: an array, or one id, or ids separated by commas. */
export const ids: ArgumentKind = (value) => {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter((part) => part.trim() !== '') : [value];
  const parsed = items.map(toId);
  return parsed.every((item): item is number => item !== undefined) ? ok(parsed) : no('a list of Intervals ids, e.g. [3, "5"]');
};

export const isoDate: ArgumentKind = (value) =>
  typeof value === 'string' && fromIsoDate(value.trim()) ? ok(value.trim()) : no('a date that exists, as YYYY-MM-DD');

/** A day as the date prompts take it: `YYYY-MM-DD`, `today`, `yesterday`, a weekday. */
export const day: ArgumentKind = (value) =>
  typeof value === 'string' && parseDate(value, new Date()).ok ? ok(value) : no('a day: YYYY-MM-DD, "today", "yesterday" or a weekday');

/** A day, or an empty text for none. */
export const dayOrNone: ArgumentKind = (value) => (value === '' || value === null ? ok(value) : day(value));

/**
 * Hours as a number or a duration text (`1:30`, `90m`, `9:15-10:45`). Which values make a
 * duration (not zero, not negative, minutes below 60, a day at most) the command checks itself,
 * with a message that says what is wrong with the value; it refuses them without asking too.
 */
export const hours: ArgumentKind = (value) =>
  (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
    ? ok(value)
    : no('a number of hours, or a duration such as "1:30", "90m" or "9:15-10:45"');

export const boolean: ArgumentKind = (value) => (typeof value === 'boolean' ? ok(value) : no('true or false'));

export const text: ArgumentKind = (value) => (typeof value === 'string' ? ok(value) : no('a text'));

export function oneOf(values: readonly string[]): ArgumentKind {
  return (value) => (typeof value === 'string' && values.includes(value) ? ok(value) : no(`one of ${values.map((each) => `"${each}"`).join(', ')}`));
}

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
        refusal: { status: 'invalid', message: `${commandId}: ${key} ${describeValue(value)} is not ${read.expected}. Nothing was done.` },
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
