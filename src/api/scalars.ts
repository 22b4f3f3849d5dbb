/**
 * The values of Intervals' answers. Ids and amounts come as strings (older servers: numbers),
 * booleans as 't'/'f', absent values as null (JSON) or empty elements (XML), id lists as CSV:
 * each reader here accepts all of those, so JSON and XML answers map to equal values.
 */

export type WireRecord = Record<string, unknown>;

/** Unwraps XML text nodes that kept attributes (`{ '#text': '5', … }`). */
export function scalar(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && '#text' in value) {
    return (value as WireRecord)['#text'];
  }
  return value;
}

export function toNumber(value: unknown): number | null {
  const v = scalar(value);
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : null;
  }
  if (typeof v === 'string') {
    const text = v.trim();
    if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
      return null;
    }
    return Number(text);
  }
  return null;
}

/** An id; `0`, `''` and `null` mean "none" for the nullable id fields. */
export function toId(value: unknown): number | null {
  const n = toNumber(value);
  return n !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** An id the record cannot be without; a missing one makes the answer unusable. */
export function requireId(value: unknown, what: string): number {
  const id = toId(value);
  if (id === null) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new WireFormatError(`${what} has no usable id (${describe(value)}).`);
  }
  return id;
}

export function toBoolean(value: unknown): boolean | null {
  const v = scalar(value);
  if (typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'number') {
    return v !== 0;
  }
  if (typeof v === 'string') {
    const text = v.trim().toLowerCase();
    if (text === 't' || text === 'true' || text === '1' || text === 'y' || text === 'yes') {
      return true;
    }
    if (text === 'f' || text === 'false' || text === '0' || text === 'n' || text === 'no') {
      return false;
    }
  }
  return null;
}

export function flag(value: unknown, fallback: boolean): boolean {
  return toBoolean(value) ?? fallback;
}

/** A nullable text: `null`, absent and empty all become `null`. */
export function toText(value: unknown): string | null {
  const v = scalar(value);
  if (v === null || v === undefined) {
    return null;
  }
  const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  return text === '' ? null : text;
}

export function text(value: unknown): string {
  return toText(value) ?? '';
}

/** `"3,5,11"`, `[3, 5]`, `"3"`, `3`, `''`, `null` → ids, duplicates and junk dropped. */
export function toIdList(value: unknown): number[] {
  const v = scalar(value);
  const parts: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v === null || v === undefined ? [] : [v];
  const ids: number[] = [];
  for (const part of parts) {
    const id = toId(part);
    if (id !== null && !ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}

export function describe(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  try {
    return JSON.stringify(value).slice(0, 40);
  } catch {
    return typeof value;
  }
}

export class WireFormatError extends Error {}

