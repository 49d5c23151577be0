/**
 * A MISP warning list file (`list.json`, format of MISP/misp-warninglists): `name`, `version` (an integer),
 * `description`, `type` (`cidr`, `hostname`, `string`, `substring`, `regex`), `matching_attributes` (MISP
 * attribute types; none means all) and `list` (the entries, texts). Other keys are ignored, as MISP does.
 *
 * Reading never throws. A file that is not such a list is refused with every problem (rule, JSON path, the
 * file named); entries a list of its type cannot use — a `cidr` entry that is no address or network, an
 * empty entry, a `regex` entry `compileRegexEntry` refuses — are skipped, each reported, and the rest kept.
 */
import { parseNetwork } from './ip-address.ts';
import { compileRegexEntry } from './regex-entry.ts';

export const WARNINGLIST_TYPES = ['cidr', 'hostname', 'string', 'substring', 'regex'] as const;
export type WarningListType = (typeof WARNINGLIST_TYPES)[number];

/** Rule codes of the problems (sentences in shared/i18n/problems). */
export const WARNINGLIST_RULES = [
  'warninglist-not-json',
  'warninglist-not-an-object',
  'warninglist-missing-field',
  'warninglist-wrong-kind',
  'warninglist-unknown-type',
  'warninglist-invalid-entry',
] as const;
export type WarningListRule = (typeof WARNINGLIST_RULES)[number];

export interface WarningListProblem {
  rule: WarningListRule;
  /** JSON path in the file: `$.type`, `$.list[12]`. */
  path: string;
  /** The file, as the reader was told it. */
  file: string;
  message: string;
}

export interface WarningList {
  name: string;
  version: number;
  description: string;
  type: WarningListType;
  matchingAttributes: string[];
  /** The usable entries, in the file's order, duplicates removed. */
  entries: string[];
}

export type WarningListRead =
  | { ok: true; list: WarningList; skipped: WarningListProblem[] }
  | { ok: false; problems: WarningListProblem[] };

const isType = (value: unknown): value is WarningListType => typeof value === 'string' && (WARNINGLIST_TYPES as readonly string[]).includes(value);

/** Why an entry cannot be used by a list of `type`, or undefined when it can. */
export function entryProblem(type: WarningListType, entry: string): string | undefined {
  if (entry.trim() === '') return 'the entry is empty';
  if (type === 'cidr' && parseNetwork(entry) === undefined) return `"${entry}" is not an IPv4 or IPv6 address or network`;
  if (type === 'regex') {
    const compiled = compileRegexEntry(entry);
    if (!compiled.ok) return `the regular expression "${entry.slice(0, 80)}" is refused: ${compiled.reason}`;
  }
  return undefined;
}

/** Reads a `list.json` (its text or bytes); `file` names it in the problems. */
export function readWarningList(content: string | Uint8Array, file: string): WarningListRead {
  const problems: WarningListProblem[] = [];
  const problem = (rule: WarningListRule, path: string, message: string) => problems.push({ rule, path, file, message });
  let data: unknown;
  try {
    data = JSON.parse(typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch (error) {
    problem('warninglist-not-json', '$', `${file} is not JSON in UTF-8: ${(error as Error).message}`);
    return { ok: false, problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problem('warninglist-not-an-object', '$', `${file} is not a JSON object`);
    return { ok: false, problems };
  }
  const fields = data as Record<string, unknown>;
  const text = (key: string, required: boolean): string => {
    const value = fields[key];
    if (value === undefined) {
      if (required) problem('warninglist-missing-field', `$.${key}`, `${file} has no "${key}"`);
    } else if (typeof value !== 'string' || (required && value.trim() === '')) {
      problem('warninglist-wrong-kind', `$.${key}`, `"${key}" in ${file} must be a non-empty text`);
    } else {
      return value.trim();
    }
    return '';
  };
  const texts = (key: string, required: boolean): string[] => {
    const value = fields[key];
    if (value === undefined) {
      if (required) problem('warninglist-missing-field', `$.${key}`, `${file} has no "${key}"`);
      return [];
    }
    if (!Array.isArray(value)) {
      problem('warninglist-wrong-kind', `$.${key}`, `"${key}" in ${file} must be a list of texts`);
      return [];
    }
    const found: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') found.push(item);
      else problem('warninglist-wrong-kind', `$.${key}[${i}]`, `item ${i} of "${key}" in ${file} is not a text`);
    });
    return found;
  };
  const name = text('name', true);
  const description = text('description', false);
  const version = fields.version;
  if (version === undefined) problem('warninglist-missing-field', '$.version', `${file} has no "version"`);
  else if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) problem('warninglist-wrong-kind', '$.version', `"version" in ${file} must be a whole number, 0 or more`);
  const type = fields.type;
  if (type === undefined) problem('warninglist-missing-field', '$.type', `${file} has no "type"`);
  else if (!isType(type)) problem('warninglist-unknown-type', '$.type', `"${String(type)}" in ${file} is not a list type: ${WARNINGLIST_TYPES.join(', ')}`);
  const matchingAttributes = texts('matching_attributes', false).map((a) => a.trim()).filter((a) => a !== '');
  const raw = texts('list', true);
  if (problems.length) return { ok: false, problems };
  const listType = type as WarningListType;
  const skipped: WarningListProblem[] = [];
  const entries = new Set<string>();
  raw.forEach((entry, i) => {
    const why = entryProblem(listType, entry);
    if (why === undefined) entries.add(listType === 'regex' ? entry : entry.trim());
    else skipped.push({ rule: 'warninglist-invalid-entry', path: `$.list[${i}]`, file, message: `${why}; the entry is skipped` });
  });
  return { ok: true, list: { name, version: version as number, description, type: listType, matchingAttributes: [...new Set(matchingAttributes)], entries: [...entries] }, skipped };
}
