/**
 * MISP event JSON (draft-dulaunoy-misp-core-format) read and checked: one event `{"Event": {…}}`, every
 * problem named with its file, JSON path and rule (`MISP_RULES`), so a refused event says exactly why.
 * Only what the mapping reads is checked; every other field is carried as it is.
 */

/** The rules a MISP file can break (sentences in shared/i18n/problems). */
export const MISP_RULES = [
  'misp-json-syntax',
  'misp-not-an-object',
  'misp-required-field',
  'misp-wrong-type',
  'misp-invalid-uuid',
  'misp-invalid-value',
  'misp-missing-event-file',
  'misp-manifest-mismatch',
  'misp-hash-mismatch',
] as const;
export type MispRule = (typeof MISP_RULES)[number];

export interface MispProblem {
  rule: MispRule;
  /** The file the problem is in (its name as given). */
  file: string;
  /** JSON path inside the file, `$` being the whole document. */
  path: string;
  message: string;
}

export type MispRecord = Record<string, unknown>;

export interface MispTag extends MispRecord {
  name: string;
}

export interface MispAttribute extends MispRecord {
  uuid: string;
  type: string;
  value: string;
}

export interface MispObject extends MispRecord {
  uuid: string;
  name: string;
  Attribute: MispAttribute[];
}

export interface MispEvent extends MispRecord {
  uuid: string;
  info: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isRecord = (value: unknown): value is MispRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects the problems of one file. */
class Checks {
  readonly problems: MispProblem[] = [];
  private readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  report(rule: MispRule, path: string, message: string): void {
    this.problems.push({ rule, file: this.file, path, message });
  }
  /** A required string field; false when absent or not a string. */
  text(record: MispRecord, field: string, path: string, required: boolean): boolean {
    const value = record[field];
    if (value === undefined) {
      if (required) this.report('misp-required-field', `${path}.${field}`, `"${field}" is required`);
      return false;
    }
    if (typeof value !== 'string') {
      this.report('misp-wrong-type', `${path}.${field}`, `"${field}" must be a string, not ${JSON.stringify(value)}`);
      return false;
    }
    return true;
  }
  uuid(record: MispRecord, field: string, path: string, required = true): void {
    if (this.text(record, field, path, required) && !UUID.test(record[field] as string)) {
      this.report('misp-invalid-uuid', `${path}.${field}`, `"${field}" must be a UUID, not ${JSON.stringify(record[field])}`);
    }
  }
  /** A list of objects, each checked by `each`; absent is fine. */
  list(record: MispRecord, field: string, path: string, each: (item: MispRecord, at: string) => void): void {
    const value = record[field];
    if (value === undefined) return;
    if (!Array.isArray(value)) return this.report('misp-wrong-type', `${path}.${field}`, `"${field}" must be a list`);
    value.forEach((item, i) => {
      const at = `${path}.${field}[${i}]`;
      if (isRecord(item)) each(item, at);
      else this.report('misp-not-an-object', at, 'each entry must be a JSON object');
    });
  }
  /** An integer within a range, written as a number or a string of digits (MISP writes both). */
  integer(record: MispRecord, field: string, path: string, min: number, max: number): void {
    const value = record[field];
    if (value === undefined) return;
    const n = integerOf(value);
    if (n === undefined || n < min || n > max) {
      this.report('misp-invalid-value', `${path}.${field}`, `"${field}" must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}`);
    }
  }
  flag(record: MispRecord, field: string, path: string): void {
    const value = record[field];
    if (value !== undefined && flagOf(value) === undefined) {
      this.report('misp-wrong-type', `${path}.${field}`, `"${field}" must be true or false (or 0/1), not ${JSON.stringify(value)}`);
    }
  }
}

/** An integer written as a number or a string of digits; undefined otherwise. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

/** A MISP boolean: true/false, 1/0, "1"/"0". */
export function flagOf(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  return undefined;
}

function checkTags(c: Checks, record: MispRecord, path: string): void {
  c.list(record, 'Tag', path, (tag, at) => c.text(tag, 'name', at, true));
}

function checkGalaxies(c: Checks, record: MispRecord, path: string): void {
  c.list(record, 'Galaxy', path, (galaxy, at) => {
    c.list(galaxy, 'GalaxyCluster', at, (cluster, where) => {
      c.text(cluster, 'value', where, true);
      c.text(cluster, 'tag_name', where, false);
    });
  });
}

function checkAttribute(c: Checks, attribute: MispRecord, path: string): void {
  c.uuid(attribute, 'uuid', path);
  c.text(attribute, 'type', path, true);
  c.text(attribute, 'value', path, true);
  c.text(attribute, 'comment', path, false);
  c.integer(attribute, 'timestamp', path, 0, 2 ** 40);
  c.integer(attribute, 'distribution', path, 0, 5);
  c.flag(attribute, 'to_ids', path);
  checkTags(c, attribute, path);
  checkGalaxies(c, attribute, path);
}

/**
 * Checks a parsed document as a MISP event file. Returns the event when it has no problem.
 * @example checkEvent(JSON.parse(text), 'event.json') // { event, problems: [] }
 */
export function checkEvent(document: unknown, file: string): { event: MispEvent | undefined; problems: MispProblem[] } {
  const c = new Checks(file);
  if (!isRecord(document) || !isRecord(document.Event)) {
    c.report(isRecord(document) ? 'misp-required-field' : 'misp-not-an-object', isRecord(document) ? '$.Event' : '$', 'a MISP event file is a JSON object {"Event": {…}}');
    return { event: undefined, problems: c.problems };
  }
  const event = document.Event;
  const path = '$.Event';
  c.uuid(event, 'uuid', path);
  c.text(event, 'info', path, true);
  c.text(event, 'date', path, false);
  if (typeof event.date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(event.date)) c.report('misp-invalid-value', `${path}.date`, `"date" must be YYYY-MM-DD, not ${JSON.stringify(event.date)}`);
  c.integer(event, 'timestamp', path, 0, 2 ** 40);
  c.integer(event, 'publish_timestamp', path, 0, 2 ** 40);
  if (event.timestamp === undefined && event.date === undefined) c.report('misp-required-field', `${path}.timestamp`, 'an event needs "timestamp" (or at least "date")');
  c.integer(event, 'distribution', path, 0, 5);
  if (event.Orgc !== undefined) {
    if (!isRecord(event.Orgc)) c.report('misp-not-an-object', `${path}.Orgc`, '"Orgc" must be a JSON object');
    else {
      c.uuid(event.Orgc, 'uuid', `${path}.Orgc`);
      c.text(event.Orgc, 'name', `${path}.Orgc`, true);
    }
  }
  checkTags(c, event, path);
  checkGalaxies(c, event, path);
  c.list(event, 'Attribute', path, (attribute, at) => checkAttribute(c, attribute, at));
  c.list(event, 'Object', path, (object, at) => {
    c.uuid(object, 'uuid', at);
    c.text(object, 'name', at, true);
    c.list(object, 'Attribute', at, (attribute, where) => checkAttribute(c, attribute, where));
  });
  return { event: c.problems.length === 0 ? (event as MispEvent) : undefined, problems: c.problems };
}

/** Parses and checks the text of a MISP event file. */
export function readEvent(text: string, file: string): { event: MispEvent | undefined; problems: MispProblem[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { event: undefined, problems: [{ rule: 'misp-json-syntax', file, path: '$', message: `not JSON: ${(error as Error).message}` }] };
  }
  return checkEvent(document, file);
}

/** True for a UUID in its textual form (any version). */
export function isUuid(text: unknown): text is string {
  return typeof text === 'string' && UUID.test(text);
}
