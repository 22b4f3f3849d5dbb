// Query-string handling for collections: each resource whitelists its filters; anything else is
// API code 17, malformed values are code 18.
import { ApiError } from '../apiErrors';
import { isRealDate, isRealDateTime } from '../values';

/**
 * `ids`: CSV of ids; `idsOrNone`: CSV of ids where -1 means "none"; `datetime` also accepts a
 * bare date; `idOrBool`: a person id, or t/f.
 */
export type FilterKind = 'id' | 'ids' | 'idsOrNone' | 'bool' | 'date' | 'datetime' | 'text' | 'idOrBool';

type FilterValue = number | number[] | boolean | string;

export const PAGING_PARAMETERS = ['offset', 'limit', 'sortfield', 'sortdir'] as const;
export const DEFAULT_LIMIT = 10;

export class Filters {
  constructor(private readonly values: ReadonlyMap<string, FilterValue> = new Map()) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  ids(name: string): number[] | undefined {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : undefined;
  }

  id(name: string): number | undefined {
    const value = this.values.get(name);
    return typeof value === 'number' ? value : undefined;
  }

  bool(name: string): boolean | undefined {
    const value = this.values.get(name);
    return typeof value === 'boolean' ? value : undefined;
  }

  text(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  raw(name: string): FilterValue | undefined {
    return this.values.get(name);
  }
}

export interface PageRequest {
  offset: number;
  limit: number;
  sortfield?: string;
  sortdir: 'ASC' | 'DESC';
}

function parseIds(text: string, allowNone: boolean): number[] | undefined {
  const ids: number[] = [];
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (allowNone && trimmed === '-1') {
      ids.push(-1);
    } else if (/^\d+$/.test(trimmed) && Number(trimmed) > 0) {
      ids.push(Number(trimmed));
    } else {
      return undefined;
    }
  }
  return ids;
}

type FilterParse = { value: FilterValue } | { problem: string };

function parseFilter(kind: FilterKind, text: string): FilterParse {
  const problem = (message: string): FilterParse => ({ problem: message });
  switch (kind) {
    case 'id': {
      const ids = parseIds(text, false);
      return ids?.length === 1 ? { value: ids[0] } : problem('must be one positive integer id');
    }
    case 'ids': {
      const ids = parseIds(text, false);
      return ids ? { value: ids } : problem('must be a comma-separated list of positive integer ids');
    }
    case 'idsOrNone': {
      const ids = parseIds(text, true);
      return ids ? { value: ids } : problem('must be a comma-separated list of positive integer ids (-1 = none)');
    }
    case 'bool':
      return text === 't' || text === 'f' ? { value: text === 't' } : problem("must be 't' or 'f'");
    case 'idOrBool': {
      if (text === 't' || text === 'f') {
        return { value: text === 't' };
      }
      const ids = parseIds(text, false);
      return ids?.length === 1 ? { value: ids[0] } : problem("must be a person id, 't' or 'f'");
    }
    case 'date':
      return isRealDate(text) ? { value: text } : problem('must be a real date formatted YYYY-MM-DD');
    case 'datetime':
      return isRealDate(text) || isRealDateTime(text)
        ? { value: text }
        : problem('must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS');
    case 'text':
      return { value: text };
  }
}

/** Validates a collection query against a resource's whitelist. */
export function parseCollectionQuery(
  query: Readonly<Record<string, string>>,
  kinds: Readonly<Record<string, FilterKind>>,
  sortFieldNames: readonly string[],
): { filters: Filters; page: PageRequest } {
  const unknown = Object.keys(query).filter(
    (name) => !(name in kinds) && !(PAGING_PARAMETERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    const accepted = [...Object.keys(kinds), ...PAGING_PARAMETERS].join(', ');
    throw new ApiError(
      17,
      unknown.map((name) => `${name}: parameter not recognized (accepted: ${accepted})`),
    );
  }
  const problems: string[] = [];
  const values = new Map<string, FilterValue>();
  for (const [name, kind] of Object.entries(kinds)) {
    const text = query[name];
    if (text === undefined) {
      continue;
    }
    const parsed = parseFilter(kind, kind === 'text' ? text : text.trim());
    if ('problem' in parsed) {
      problems.push(`${name}: ${parsed.problem}`);
    } else {
      values.set(name, parsed.value);
    }
  }
  const page: PageRequest = { offset: 0, limit: DEFAULT_LIMIT, sortdir: 'ASC' };
  if (query.offset !== undefined) {
    if (/^\d+$/.test(query.offset)) {
      page.offset = Number(query.offset);
    } else {
      problems.push('offset: must be a non-negative integer');
    }
  }
  if (query.limit !== undefined) {
    if (/^\d+$/.test(query.limit) && Number(query.limit) > 0) {
      page.limit = Number(query.limit);
    } else {
      problems.push('limit: must be a positive integer');
    }
  }
  if (query.sortfield !== undefined) {
    if (sortFieldNames.includes(query.sortfield)) {
      page.sortfield = query.sortfield;
    } else {
      problems.push(`sortfield: must be one of ${sortFieldNames.join(', ') || '(none for this resource)'}`);
    }
  }
  if (query.sortdir !== undefined) {
    const dir = query.sortdir.toUpperCase();
    if (dir === 'ASC' || dir === 'DESC') {
      page.sortdir = dir;
    } else {
      problems.push("sortdir: must be 'ASC' or 'DESC'");
    }
  }
  if (problems.length > 0) {
    throw new ApiError(18, problems);
  }
  return { filters: new Filters(values), page };
}

/** CSV id filter match; a -1 entry matches rows where the reference is empty. */
export function matchesIds(list: readonly number[] | undefined, value: number | null): boolean {
  if (list === undefined) {
    return true;
  }
  return value == null ? list.includes(-1) : list.includes(value);
}

/** Like `matchesIds` for multi-valued references (task assignees): any overlap matches. */
export function matchesAnyIds(list: readonly number[] | undefined, values: readonly number[]): boolean {
  if (list === undefined) {
    return true;
  }
  return values.length === 0 ? list.includes(-1) : values.some((value) => list.includes(value));
}

export function containsText(haystack: string | null | undefined, needle: string | undefined): boolean {
  if (needle === undefined) {
    return true;
  }
  return (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

/** Inclusive date range on `YYYY-MM-DD` (or timestamp) strings; exact date when `on` is set. */
export function inDateRange(
  value: string | null,
  on: string | undefined,
  begin: string | undefined,
  end: string | undefined,
): boolean {
  if (on === undefined && begin === undefined && end === undefined) {
    return true;
  }
  if (value == null) {
    return false;
  }
  const day = value.slice(0, 10);
  if (on !== undefined && day !== on.slice(0, 10)) {
    return false;
  }
  if (begin !== undefined && (begin.length === 10 ? day < begin : value < begin)) {
    return false;
  }
  if (end !== undefined && (end.length === 10 ? day > end : value > end)) {
    return false;
  }
  return true;
}
