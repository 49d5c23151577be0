/**
 * A record type's CSV form: its columns, a data row as a record input, and records written back as CSV.
 *
 * Columns are named by field: a text field has one column per language (`title_en`, `title_ar`, …
 * `summary_es`); every other field one column of its name (`source_url`, `country`). A list is one cell, its
 * items separated by `;` (`legal; technical`). An empty cell is a field not given. Reading names columns in any
 * case and order (see `record-file.ts`); writing puts every column of the type, in declaration order.
 */
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { RECORD_TYPE_SPECS, type FieldSpec, type GatewayRecord, type MultilingualText, type RecordType } from './record-types.ts';

/** Where a CSV column goes in a record: its field, and for a text field the language. */
export interface CsvColumn {
  column: string;
  field: FieldSpec;
  language?: Language;
}

const columnsByType = new Map<RecordType, readonly CsvColumn[]>();

/** The columns of a type, in declaration order. */
export function csvColumnsOf(type: RecordType): readonly CsvColumn[] {
  let columns = columnsByType.get(type);
  if (!columns) {
    columns = RECORD_TYPE_SPECS[type].fields.flatMap((field): CsvColumn[] =>
      field.kind === 'text' ? LANGUAGES.map((language) => ({ column: `${field.name}_${language}`, field, language })) : [{ column: field.name, field }],
    );
    columnsByType.set(type, columns);
  }
  return columns;
}

const isList = (field: FieldSpec) => field.kind.endsWith('-list');

/**
 * The record input of one data row: the non-empty cells of the known columns (`cells[i]` under `columns[i]`,
 * undefined for a column the type lacks), texts gathered by language, lists split at `;` (empty items dropped).
 */
export function csvRowInput(columns: readonly (CsvColumn | undefined)[], cells: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = (cells[i] ?? '').trim();
    if (!column || cell === '') return;
    const { field, language } = column;
    if (language) ((input[field.name] ??= {}) as Record<string, string>)[language] = cell;
    else if (isList(field)) input[field.name] = cell.split(';').map((item) => item.trim()).filter((item) => item !== '');
    else input[field.name] = cell;
  });
  return input;
}

const cellOf = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Records of one type as a CSV file (RFC 4180, LF line ends), every column of the type in the header: what
 * `readRecordFile` reads back as the same records.
 * @example writeRecordCsv('standard', [record]).split('\n')[0] // 'title_ar,title_zh,title_en,…,body,identifier,topics,status'
 */
export function writeRecordCsv(type: RecordType, records: readonly GatewayRecord[]): string {
  const columns = csvColumnsOf(type);
  const lines = [columns.map((c) => c.column).join(',')];
  for (const record of records) {
    lines.push(
      columns
        .map(({ field, language }) => {
          const value = record[field.name];
          if (value === undefined) return '';
          if (language) return cellOf((value as MultilingualText)[language] ?? '');
          if (Array.isArray(value)) return cellOf(value.join('; '));
          return cellOf(String(value));
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
