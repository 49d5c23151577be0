/**
 * A bulk file of Gateway records of one type, read whole before anything is stored: CSV or JSON, every row
 * validated, every problem named by row (line number for CSV, 1 for the header; index for JSON, from 0) and
 * column or field. Reading is the dry run: it never stores and never throws, whatever the bytes.
 *
 * - CSV (RFC 4180, `shared/assessment/csv.ts`): columns as `record-csv.ts` names them, in any case and
 *   order; blank lines skipped. A column the type lacks, or one named twice, is a file problem; so is a
 *   required field with no column (for a text field, no `title_<lang>` column at all), and then no row is read.
 * - JSON: an array of records, or `{ "records": [...] }` (with `"type"`, if given, the type being read).
 * - The EU CSIRTs Network list (`eu-csirts-file.ts`), recognised by its header, read as `cirt` records.
 * - At most `MAX_RECORD_FILE_BYTES` bytes and `MAX_RECORD_FILE_ROWS` records: past either, nothing is read.
 *
 * What is imported is `recordsToImport`'s decision: nothing when the file has a problem of its own, or when a
 * row has one and the user did not choose to import the valid rows only. Never a part of a file silently.
 */
import { parseCsv, type CsvRow } from '../assessment/csv.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { euCsirtsRows, isEuCsirtsHeader } from './eu-csirts-file.ts';
import { csvColumnsOf, csvRowInput, type CsvColumn } from './record-csv.ts';
import type { GatewayRecord, RecordType } from './record-types.ts';
import { member, validateRecord, type GatewayProblem, type GatewayRule } from './record-validation.ts';

export const MAX_RECORD_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_RECORD_FILE_ROWS = 10_000;

/** A problem of a file: where it is besides `path` (`line 7, country`; `$[3].country`). */
export interface RecordFileProblem extends GatewayProblem {
  /** CSV: the line (1 for the header; the row's first line when a cell spans several). */
  line?: number;
  /** JSON: the record's position in the list, from 0. */
  index?: number;
  /** CSV: the column at fault, as the header names it. */
  column?: string;
}

export interface RecordFileRow {
  line?: number;
  index?: number;
  /** The valid record of the row, or undefined when it has problems. */
  record: GatewayRecord | undefined;
  problems: RecordFileProblem[];
}

export type RecordFileFormat = 'csv' | 'json' | 'eu-csirts-network';

export interface RecordFile {
  type: RecordType;
  /** How the file was taken; undefined when it is not text at all (too large, not UTF-8, binary, empty). */
  format: RecordFileFormat | undefined;
  rows: RecordFileRow[];
  /** Problems of the file itself (header, shape, size): with any, nothing of it is imported. */
  problems: RecordFileProblem[];
  /** How many rows hold a valid record. */
  valid: number;
}

const fileProblem = (rule: GatewayRule, message: string, line?: number, column?: string): RecordFileProblem => ({
  rule,
  path: line === undefined ? '$' : column ? `line ${line}, ${column}` : `line ${line}`,
  message,
  ...(line === undefined ? {} : { line }),
  ...(column ? { column } : {}),
});

/**
 * Reads a bulk file of records of `type` (see the module's note). `format` says which the file is; by default
 * a file whose first character (after spaces) is `[` or `{` is JSON, any other CSV.
 * @example readRecordFile('cirt', csvText).rows.flatMap((row) => row.problems).map((p) => `${p.rule} ${p.path}`)
 */
export function readRecordFile(type: RecordType, content: string | Uint8Array, options: { format?: 'csv' | 'json' } = {}): RecordFile {
  const refuse = (problem: RecordFileProblem): RecordFile => ({ type, format: undefined, rows: [], problems: [problem], valid: 0 });
  const text = decode(content);
  if (typeof text !== 'string') return refuse(text);
  if (text.includes('\u0000')) return refuse(fileProblem('gateway-file-format', 'the file is not text: it holds NUL characters'));
  if (text.trim() === '') return refuse(fileProblem('gateway-file-empty', 'the file is empty'));
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const read = format === 'json' ? readJson(type, text) : readCsv(type, text);
  return { type, format: read.format, rows: read.rows, problems: read.problems, valid: read.rows.filter((row) => row.record).length };
}

/**
 * The records an import stores, or undefined when it stores nothing: the file has a problem of its own, or a
 * row has one and `skipInvalidRows` was not chosen. With it, the valid rows, and how many were left out.
 */
export function recordsToImport(file: RecordFile, options: { skipInvalidRows?: boolean } = {}): { records: GatewayRecord[]; skipped: number } | undefined {
  if (file.problems.length || file.rows.length === 0 || file.format === undefined) return undefined;
  const skipped = file.rows.length - file.valid;
  if (skipped > 0 && !options.skipInvalidRows) return undefined;
  return { records: file.rows.flatMap((row) => (row.record ? [row.record] : [])), skipped };
}

/** The file as text, or the problem that keeps it from being read (too large, not UTF-8). */
function decode(content: string | Uint8Array): string | RecordFileProblem {
  const tooLarge = (size: string) => fileProblem('gateway-file-too-large', `the file has ${size} bytes, more than the ${MAX_RECORD_FILE_BYTES} allowed`);
  if (typeof content === 'string') {
    // Each UTF-16 code unit takes at least one byte in UTF-8: encode only when the length leaves doubt.
    if (content.length > MAX_RECORD_FILE_BYTES) return tooLarge(`at least ${content.length}`);
    const bytes = new TextEncoder().encode(content).byteLength;
    return bytes > MAX_RECORD_FILE_BYTES ? tooLarge(String(bytes)) : content;
  }
  if (content.byteLength > MAX_RECORD_FILE_BYTES) return tooLarge(String(content.byteLength));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return fileProblem('gateway-file-format', 'the file is not UTF-8 text');
  }
}

interface Read {
  format: RecordFileFormat;
  rows: RecordFileRow[];
  problems: RecordFileProblem[];
}

function readJson(type: RecordType, text: string): Read {
  const refused = (message: string): Read => ({ format: 'json', rows: [], problems: [fileProblem('gateway-file-format', message)] });
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refused(`the file is not valid JSON: ${(error as Error).message}`);
  }
  let records: unknown[];
  let at: string;
  if (Array.isArray(document)) [records, at] = [document, '$'];
  else if (typeof document === 'object' && document !== null && Array.isArray((document as { records?: unknown }).records)) {
    const { records: list, type: declared, ...others } = document as { records: unknown[]; type?: unknown };
    const extra = Object.keys(others);
    if (extra.length) return refused(`the file's object has keys other than "records" and "type": ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
    if (declared !== undefined && declared !== type) return refused(`the file holds records of type ${JSON.stringify(declared)}, not ${type}`);
    [records, at] = [list, '$.records'];
  } else return refused('the file is JSON, but neither a list of records nor an object with "records"');
  if (records.length > MAX_RECORD_FILE_ROWS) return { format: 'json', rows: [], problems: [fileProblem('gateway-file-too-many-rows', `the file has ${records.length} records, more than ${MAX_RECORD_FILE_ROWS}`)] };
  if (records.length === 0) return { format: 'json', rows: [], problems: [fileProblem('gateway-file-empty', 'the file has no records')] };
  const rows = records.map((input, index): RecordFileRow => {
    const { record, problems } = validateRecord(type, input, `${at}[${index}]`);
    return { index, record, problems: problems.map((problem) => ({ ...problem, index })) };
  });
  return { format: 'json', rows, problems: [] };
}

function readCsv(type: RecordType, text: string): Read {
  const [head, ...all] = parseCsv(text);
  const header = (head?.fields ?? []).map((name) => name.trim().toLowerCase());
  const data = all.filter(({ fields }) => fields.some((cell) => cell.trim() !== ''));
  if (isEuCsirtsHeader(header)) {
    if (type !== 'cirt') return { format: 'eu-csirts-network', rows: [], problems: [fileProblem('gateway-file-format', `the file is the EU CSIRTs Network's list of teams, which holds cirt records, not ${type}`, 1)] };
    const sized = sizeProblems(data);
    return sized ? { format: 'eu-csirts-network', rows: [], problems: sized } : { format: 'eu-csirts-network', rows: euCsirtsRows(header, data), problems: [] };
  }
  const known = new Map(csvColumnsOf(type).map((c) => [c.column, c]));
  const problems: RecordFileProblem[] = [];
  const columns = header.map((name, i): CsvColumn | undefined => {
    const column = known.get(name);
    if (!column) problems.push(fileProblem('gateway-unknown-column', `${JSON.stringify(name)} is not a column of a ${type} file; the columns are ${[...known.keys()].join(', ')}`, 1, name));
    else if (header.indexOf(name) !== i) problems.push(fileProblem('gateway-duplicate-column', `the column ${JSON.stringify(name)} is named twice`, 1, name));
    else return column;
    return undefined;
  });
  const missing = csvColumnsOf(type)
    .filter(({ field, language }) => field.required && (language === undefined || language === LANGUAGES[0]))
    .filter(({ field }) => !columns.some((column) => column?.field === field));
  for (const { field, column, language } of missing) {
    const name = language ? `${field.name}_<lang>` : column;
    const needs = language ? `a column ${LANGUAGES.map((l) => `${field.name}_${l}`).join(' or ')}` : `the column ${column}`;
    problems.push(fileProblem('gateway-missing-column', `a ${type} file needs ${needs}: the ${field.name} is required`, 1, name));
  }
  if (missing.length) return { format: 'csv', rows: [], problems };
  const sized = sizeProblems(data);
  if (sized) return { format: 'csv', rows: [], problems: [...problems, ...sized] };
  const rows = data.map(({ line, fields }): RecordFileRow => {
    if (fields.length > header.length) return { line, record: undefined, problems: [fileProblem('gateway-bad-row', `the line has ${fields.length} fields, the header ${header.length}`, line)] };
    const { record, problems: found } = validateRecord(type, csvRowInput(columns, fields), '$');
    return { line, record, problems: found.map((problem) => atCell(problem, line, columns)) };
  });
  return { format: 'csv', rows, problems };
}

function sizeProblems(data: readonly CsvRow[]): RecordFileProblem[] | undefined {
  if (data.length > MAX_RECORD_FILE_ROWS) return [fileProblem('gateway-file-too-many-rows', `the file has ${data.length} rows, more than ${MAX_RECORD_FILE_ROWS}`, 1)];
  if (data.length === 0) return [fileProblem('gateway-file-empty', 'the file has a header but no rows', 1)];
  return undefined;
}

/**
 * A row's problem said by line and column. The validator's path (`$.title.ar`, `$.countries[2]`) names the
 * field and, for a text, the language: the column `title_ar`; for a list, the list's column (the message says
 * which item). A text field with no language at fault names the header's columns of that field.
 */
function atCell(problem: GatewayProblem, line: number, columns: readonly (CsvColumn | undefined)[]): RecordFileProblem {
  const field = problem.field ?? '';
  const rest = problem.path.slice(member('$', field).length);
  const language = /^\.([a-z]{2})$/.exec(rest)?.[1];
  const ofField = columns.filter((c): c is CsvColumn => c?.field.name === field).map((c) => c.column);
  const exact = language === undefined ? undefined : ofField.find((c) => c === `${field}_${language}`);
  const column = exact ?? (ofField.length ? ofField.join(' / ') : field);
  return { ...problem, path: `line ${line}, ${column}`, line, column };
}
