/**
 * The shape checks of REST input, driven by the endpoint declarations: a body is a JSON object with the
 * declared fields of the declared types, a query takes the declared parameters only. Whether a value makes
 * sense (a known organisation type, a country code) is the services' concern. Every error names the field
 * (`params.field`) and where it was (`params.in`: `body` or `query`).
 */
import { invalid } from '../errors.ts';
import type { BodyField, BodySchema, QueryParameter } from './rest-endpoint.ts';

/** A JSON object given as an `object` field, as parsed: its members are the service's to check. */
export type BodyObject = Readonly<Record<string, unknown>>;

/** The values of a checked body, by field name; optional fields not given are absent. */
export type CheckedBody = Readonly<Record<string, string | boolean | number | readonly string[] | BodyObject | undefined>>;

/** The values of a checked query: strings and parsed integers, by parameter name. */
export type CheckedQuery = Readonly<Record<string, string | number | undefined>>;

const describeType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);

/**
 * Checks a parsed JSON body against its declaration; answers the declared fields given (an optional field
 * given as null counts as not given).
 * @throws DomainError `invalid` `request.invalid_body`, `request.unknown_field`, `request.missing_field`,
 *   `request.invalid_field`.
 */
export function checkBody(schema: BodySchema, value: unknown): CheckedBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('request.invalid_body', `the request body must be a JSON object, got ${describeType(value)}`, { in: 'body' });
  }
  const body = value as Record<string, unknown>;
  const allowed = Object.keys(schema.fields);
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw invalid('request.unknown_field', `the body has a field "${key}" this endpoint does not take; it takes ${allowed.join(', ')}`, {
        field: key,
        in: 'body',
        allowed: allowed.join(', '),
      });
    }
  }
  const checked: Record<string, string | boolean | number | readonly string[] | BodyObject> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    const required = schema.required.includes(name);
    // null for an optional field means "not given", as many clients write it.
    const given = body[name] === null && !required ? undefined : body[name];
    if (given === undefined) {
      if (required) throw invalid('request.missing_field', `the body needs "${name}" (${field.description})`, { field: name, in: 'body' });
    } else if (!hasType(given, field.type)) {
      const expected = field.type === 'string-list' ? 'list of strings' : field.type;
      throw invalid('request.invalid_field', `"${name}" must be ${field.type === 'object' ? 'an' : 'a'} ${expected}, got ${describeType(given)}`, { field: name, in: 'body', expected });
    } else {
      checked[name] = given as string | boolean | number | readonly string[] | BodyObject;
    }
  }
  return checked;
}

function hasType(value: unknown, type: BodyField['type']): boolean {
  if (type === 'string-list') return isStringList(value);
  if (type === 'integer') return Number.isSafeInteger(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Checks the query string of `url` against the declared parameters.
 * @throws DomainError `invalid` `request.unknown_parameter`, `request.repeated_parameter`, `request.invalid_field`.
 */
export function checkQuery(parameters: readonly QueryParameter[], url: URL): CheckedQuery {
  const query: Record<string, string | number> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const parameter = parameters.find((p) => p.name === key);
    if (!parameter) {
      const takes = parameters.length ? parameters.map((p) => p.name).join(', ') : 'none';
      throw invalid('request.unknown_parameter', `this endpoint takes no "${key}" query parameter; it takes ${takes}`, { field: key, in: 'query' });
    }
    const values = url.searchParams.getAll(key);
    if (values.length > 1) throw invalid('request.repeated_parameter', `"${key}" may be given once`, { field: key, in: 'query' });
    query[key] = parameter.type === 'integer' ? integer(parameter, values[0]!) : values[0]!;
  }
  return query;
}

function integer(parameter: QueryParameter, text: string): number {
  const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  const { minimum = 0, maximum = Number.MAX_SAFE_INTEGER } = parameter;
  if (!(value >= minimum && value <= maximum)) {
    const range = parameter.maximum === undefined ? `of at least ${minimum}` : `from ${minimum} to ${maximum}`;
    throw invalid('request.invalid_field', `"${parameter.name}" must be a whole number ${range}, got "${text}"`, {
      field: parameter.name,
      in: 'query',
      expected: 'integer',
    });
  }
  return value;
}
