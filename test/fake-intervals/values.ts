// Wire formats of Intervals values: everything goes out as strings ('t'/'f' booleans, ids and
// numbers as decimal strings, dates `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS` UTC).

export type WireValue = string | null;

export function wireBool(value: boolean): string {
  return value ? 't' : 'f';
}

export function wireId(value: number | null | undefined): WireValue {
  return value == null ? null : String(value);
}

/** Decimal string without float noise (0.1 + 0.2 → "0.3") and without a thousands separator. */
export function wireNumber(value: number | null | undefined): WireValue {
  if (value == null) {
    return null;
  }
  return String(Math.round(value * 1e6) / 1e6);
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

export function isoDateTime(date: Date): string {
  return `${isoDate(date)} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** True for a calendar date that exists (rejects 2026-02-30). */
export function isRealDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isRealDateTime(value: string): boolean {
  const match = DATETIME_RE.exec(value);
  if (!match) {
    return false;
  }
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6])];
  return isRealDate(value.slice(0, 10)) && hours < 24 && minutes < 60 && seconds < 60;
}

export function parseDateTime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function fullName(person: { firstname: string; lastname: string }): string {
  return `${person.firstname} ${person.lastname}`.trim();
}

/** A value as it arrives in a JSON or XML request body. */
export type BodyValue = string | number | boolean | null | BodyValue[] | { [key: string]: BodyValue };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

function scalarText(value: BodyValue): string | undefined {
  if (typeof value === 'string') {
    return value.trim();
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

export function parseIdValue(value: BodyValue): Parsed<number> {
  const text = scalarText(value);
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) {
    return bad('must be a positive integer id');
  }
  return ok(Number(text));
}

/** Ids accepted as CSV string ("3,5"), a JSON array, or a single number. */
export function parseIdListValue(value: BodyValue): Parsed<number[]> {
  if (value === null || value === '') {
    return ok([]);
  }
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  const ids: number[] = [];
  for (const part of parts) {
    const parsed = parseIdValue(part);
    if (!parsed.ok) {
      return bad('must be a comma-separated list of positive integer ids');
    }
    if (!ids.includes(parsed.value)) {
      ids.push(parsed.value);
    }
  }
  return ok(ids);
}

/** 't'/'f' as documented; JSON booleans are tolerated. */
export function parseBoolValue(value: BodyValue): Parsed<boolean> {
  if (value === true || value === 't') {
    return ok(true);
  }
  if (value === false || value === 'f') {
    return ok(false);
  }
  return bad("must be 't' or 'f'");
}

/** Decimal number with '.' as separator (a JSON number or a numeric string). */
export function parseNumberValue(value: BodyValue): Parsed<number> {
  const text = scalarText(value);
  if (text === undefined || !/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return bad("must be a decimal number with '.' as separator");
  }
  return ok(Number(text));
}

export function parseIntegerValue(value: BodyValue): Parsed<number> {
  const text = scalarText(value);
  if (text === undefined || !/^-?\d+$/.test(text)) {
    return bad('must be an integer');
  }
  return ok(Number(text));
}

export function parseDateValue(value: BodyValue): Parsed<string> {
  const text = scalarText(value);
  if (text === undefined || !isRealDate(text)) {
    return bad('must be a real date formatted YYYY-MM-DD');
  }
  return ok(text);
}

export function parseDateTimeValue(value: BodyValue): Parsed<string> {
  const text = scalarText(value);
  if (text === undefined || !isRealDateTime(text)) {
    return bad('must be a UTC timestamp formatted YYYY-MM-DD HH:MM:SS');
  }
  return ok(text);
}

export function parseStringValue(value: BodyValue, max?: number): Parsed<string> {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return ok(String(value));
  }
  if (typeof value !== 'string') {
    return bad('must be a string');
  }
  if (max !== undefined && [...value].length > max) {
    return bad(`must be at most ${max} characters`);
  }
  return ok(value);
}
