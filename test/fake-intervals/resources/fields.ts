// Reading PUT/POST bodies against a resource's settable fields: unknown fields are API code 17,
// bad or missing values code 18; response-only fields sent back by a client are ignored.
import { ApiError } from '../apiErrors';
import {
  parseBoolValue,
  parseDateTimeValue,
  parseDateValue,
  parseIdListValue,
  parseIdValue,
  parseIntegerValue,
  parseNumberValue,
  parseStringValue,
  type BodyValue,
  type Parsed,
} from '../values';

export type FieldKind = 'id' | 'ids' | 'string' | 'date' | 'datetime' | 'bool' | 'number' | 'integer' | 'color';

export interface FieldSpec {
  kind: FieldKind;
  /** Must be present and non-empty on create. */
  required?: boolean;
  /** Accepts null / empty as "no value". */
  nullable?: boolean;
  /** Maximum length of a string. */
  max?: number;
  /** May be given on create only (a later different value is refused). */
  immutable?: boolean;
}

export type FieldValue = string | number | boolean | number[] | null;
export type FieldValues = Record<string, FieldValue>;

function parseField(spec: FieldSpec, value: BodyValue): Parsed<FieldValue> {
  switch (spec.kind) {
    case 'id':
      return parseIdValue(value);
    case 'ids':
      return parseIdListValue(value);
    case 'string':
      return parseStringValue(value, spec.max);
    case 'date':
      return parseDateValue(value);
    case 'datetime':
      return parseDateTimeValue(value);
    case 'bool':
      return parseBoolValue(value);
    case 'number':
      return parseNumberValue(value);
    case 'integer':
      return parseIntegerValue(value);
    case 'color': {
      const text = typeof value === 'string' ? value.trim() : '';
      return /^[0-9a-fA-F]{6}$/.test(text)
        ? { ok: true, value: text.toLowerCase() }
        : { ok: false, problem: 'must be 6 hexadecimal digits without #' };
    }
  }
}

function isEmpty(value: BodyValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Validates the fields present in `body`. On create, required fields must be there. Returns the
 * parsed values of the fields that were sent (nothing for response-only fields).
 */
export function readFields(
  body: Readonly<Record<string, BodyValue>>,
  specs: Readonly<Record<string, FieldSpec>>,
  responseOnly: readonly string[],
  existing: Readonly<Record<string, unknown>> | undefined,
): FieldValues {
  const unknown = Object.keys(body).filter((name) => !(name in specs) && name !== 'id' && !responseOnly.includes(name));
  if (unknown.length > 0) {
    throw new ApiError(
      17,
      unknown.map((name) => `${name}: field not recognized (settable: ${Object.keys(specs).join(', ')})`),
    );
  }
  const problems: string[] = [];
  const values: FieldValues = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = body[name];
    if (raw === undefined) {
      if (!existing && spec.required) {
        problems.push(`${name}: required field is missing`);
      }
      continue;
    }
    if (isEmpty(raw) && spec.kind !== 'ids') {
      if (spec.required) {
        problems.push(`${name}: required field is empty`);
      } else if (spec.nullable) {
        values[name] = null;
      } else if (spec.kind === 'string') {
        values[name] = '';
      } else {
        problems.push(`${name}: a value is required`);
      }
      continue;
    }
    const parsed = parseField(spec, raw);
    if (!parsed.ok) {
      problems.push(`${name}: ${parsed.problem}`);
      continue;
    }
    if (spec.immutable && existing && existing[name] !== parsed.value) {
      problems.push(`${name}: cannot be changed once set`);
      continue;
    }
    values[name] = parsed.value;
  }
  if (problems.length > 0) {
    throw new ApiError(18, problems);
  }
  return values;
}

/** Id of the body's `id` field, if present (POST/PUT on the collection address an update). */
export function bodyId(body: Readonly<Record<string, BodyValue>>): number | undefined | 'invalid' {
  const raw = body.id;
  if (raw === undefined || raw === null || raw === '') {
    return undefined;
  }
  const parsed = parseIdValue(raw);
  return parsed.ok ? parsed.value : 'invalid';
}
