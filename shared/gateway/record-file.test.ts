import { describe, expect, it } from 'vitest';
import { writeRecordCsv } from './record-csv.ts';
import { MAX_RECORD_FILE_BYTES, MAX_RECORD_FILE_ROWS, readRecordFile, recordsToImport, type RecordFile } from './record-file.ts';
import { RECORD_TYPES } from './record-types.ts';
import { EXAMPLE_RECORDS } from './testing/examples.ts';

const HEADER = 'title_en,title_ar,source_url,country,kind,memberships,established';
const GOOD = 'Example CERT,الفريق الوطني,https://example.org/cert,TN,national,FIRST; OIC-CERT,2010';
/** Every problem of a file, its own first, as `rule where`. */
const where = (file: RecordFile) => [...file.problems, ...file.rows.flatMap((row) => row.problems)].map((p) => `${p.rule} ${p.path}`);

describe('readRecordFile, CSV', () => {
  it('reads rows as records, columns in any case and order, lists split at ";", blank lines skipped', () => {
    const text = `Source_URL,TITLE_EN,memberships,country\r\nhttps://example.org/a,Team A,FIRST;  TF-CSIRT ;,fr\r\n\r\n,,,\r\n"https://example.org/b","Team ""B"", with a comma",,\r\n`;
    const file = readRecordFile('cirt', text);
    expect(where(file)).toEqual([]);
    expect(file).toMatchObject({ format: 'csv', valid: 2 });
    expect(file.rows).toEqual([
      { line: 2, record: { title: { en: 'Team A' }, source_url: 'https://example.org/a', country: 'FR', memberships: ['FIRST', 'TF-CSIRT'] }, problems: [] },
      { line: 5, record: { title: { en: 'Team "B", with a comma' }, source_url: 'https://example.org/b' }, problems: [] },
    ]);
  });

  it('refuses a file lacking a required column at the header, naming the column, and reads no row', () => {
    const file = readRecordFile('legislation', 'title_fr,country,year\nLoi sur la cybercriminalité,SN,2008\n');
    expect(where(file)).toEqual(['gateway-missing-column line 1, source_url', 'gateway-missing-column line 1, kinds']);
    expect(file.problems[0]).toMatchObject({ line: 1, column: 'source_url', message: 'a legislation file needs the column source_url: the source_url is required' });
    expect(file.rows).toEqual([]);
    expect(recordsToImport(file, { skipInvalidRows: true })).toBeUndefined();
  });

  it('asks for a column of the title in some language when none is there', () => {
    const file = readRecordFile('standard', 'summary_en,source_url,body,identifier\nx,https://example.org,ISO,27001\n');
    expect(where(file)).toEqual(['gateway-missing-column line 1, title_<lang>']);
    expect(file.problems[0]!.message).toContain('a column title_ar or title_zh or title_en or title_fr or title_ru or title_es');
  });

  it('reports unknown and repeated columns at the header, and still checks every row', () => {
    const file = readRecordFile('cirt', `${HEADER},colour,country\n${GOOD},red,TN\nTeam,,https://example.org,QQ,,,,,\n`);
    expect(where(file)).toEqual([
      'gateway-unknown-column line 1, colour',
      'gateway-duplicate-column line 1, country',
      'gateway-unknown-country line 3, country',
    ]);
    expect(file.valid).toBe(1);
    expect(recordsToImport(file, { skipInvalidRows: true })).toBeUndefined();
  });

  it('names the line and column of an unknown country, a malformed date and URL, and text in an unexpected script', () => {
    const text = [
      `${HEADER},last_verified,summary_ru`,
      `${GOOD},2025-01-31,`,
      'Team Two,,https://example.org/2,XK,,,,,',
      'Team Three,,https://example.org/3,EG,,,,31/01/2025,',
      'Team Four,,example.org/4,EG,,,,,',
      'Team Five,National Team,https://example.org/5,EG,,,,,Natsionalnaya gruppa',
      '"Team Six, with\na line break",,https://example.org/6,EG,army,FIRST;FIRST,1850,,',
    ].join('\n');
    const file = readRecordFile('cirt', text);
    expect(where(file)).toEqual([
      'gateway-unknown-country line 3, country',
      'gateway-malformed-date line 4, last_verified',
      'gateway-malformed-url line 5, source_url',
      'gateway-unexpected-script line 6, title_ar',
      'gateway-unexpected-script line 6, summary_ru',
      'gateway-unknown-value line 7, kind',
      'gateway-bad-year line 7, established',
      'gateway-bad-list-item line 7, memberships',
    ]);
    const problem = file.rows[1]!.problems[0]!;
    expect(problem).toEqual({ rule: 'gateway-unknown-country', path: 'line 3, country', line: 3, column: 'country', field: 'country', message: 'unknown country code "XK": not an assigned ISO 3166-1 alpha-2 code' });
    expect(file.rows[5]!.problems[2]!.message).toBe('"FIRST" is in the memberships twice (items 1 and 2)');
  });

  it('gives the good records and the problems of a file mixing good and bad rows; importing them is the user’s choice', () => {
    const text = `${HEADER}\n${GOOD}\nTeam Two,,https://example.org/2,XX,,,\n${GOOD.replace('Example CERT', 'Third CERT')}\nTeam Four,,,EG,,,\n`;
    const file = readRecordFile('cirt', text);
    expect(file.rows.map((row) => [row.line, row.record?.title, row.problems.map((p) => `${p.rule} ${p.column}`)])).toEqual([
      [2, { ar: 'الفريق الوطني', en: 'Example CERT' }, []],
      [3, undefined, ['gateway-unknown-country country']],
      [4, { ar: 'الفريق الوطني', en: 'Third CERT' }, []],
      [5, undefined, ['gateway-missing-field source_url']],
    ]);
    expect(file.valid).toBe(2);
    expect(recordsToImport(file)).toBeUndefined();
    expect(recordsToImport(file, { skipInvalidRows: true })).toEqual({ records: [file.rows[0]!.record, file.rows[2]!.record], skipped: 2 });
  });

  it('names a required text missing on a row by the header’s columns of it', () => {
    const file = readRecordFile('cirt', 'title_en,title_fr,source_url\n,,https://example.org\n');
    expect(where(file)).toEqual(['gateway-missing-field line 2, title_en / title_fr']);
  });

  it('refuses a line with more fields than the header', () => {
    const file = readRecordFile('cirt', `${HEADER}\n${GOOD},extra\n`);
    expect(where(file)).toEqual(['gateway-bad-row line 2']);
  });

  it('refuses an empty file, a header with no rows, and a file that is no CSV of this type', () => {
    expect(where(readRecordFile('cirt', ''))).toEqual(['gateway-file-empty $']);
    expect(where(readRecordFile('cirt', ' \n\n'))).toEqual(['gateway-file-empty $']);
    expect(where(readRecordFile('cirt', `${HEADER}\n,,,,,,\n`))).toEqual(['gateway-file-empty line 1']);
    const prose = readRecordFile('cirt', 'Dear team, please find attached\nthe list.');
    expect(prose.rows).toEqual([]);
    expect(where(prose)).toContain('gateway-missing-column line 1, source_url');
    expect(where(readRecordFile('cirt', 'a\u0000b'))).toEqual(['gateway-file-format $']);
  });
});

describe('readRecordFile, JSON', () => {
  it('reads an array of records, or {"records": […]} with its type, naming problems by index and JSON path', () => {
    const records = [EXAMPLE_RECORDS.cirt, { ...EXAMPLE_RECORDS.cirt, country: 'XX', title: { zh: 'National CERT' } }];
    const file = readRecordFile('cirt', JSON.stringify(records));
    expect(file).toMatchObject({ format: 'json', valid: 1 });
    expect(file.rows[0]).toEqual({ index: 0, record: EXAMPLE_RECORDS.cirt, problems: [] });
    expect(file.rows[1]!.problems.map((p) => `${p.rule} ${p.path} ${p.index} ${p.field}`)).toEqual([
      'gateway-unexpected-script $[1].title.zh 1 title',
      'gateway-unknown-country $[1].country 1 country',
    ]);
    const wrapped = readRecordFile('cirt', JSON.stringify({ type: 'cirt', records }));
    expect(where(wrapped)).toEqual(['gateway-unexpected-script $.records[1].title.zh', 'gateway-unknown-country $.records[1].country']);
  });

  it.each([
    ['JSON that does not parse', '[{"title": ', 'the file is not valid JSON'],
    ['JSON of another shape', '{"teams": []}', 'neither a list of records nor an object with "records"'],
    ['records of another type', '{"type": "standard", "records": []}', 'the file holds records of type "standard", not cirt'],
    ['other keys beside the records', '{"records": [], "version": 2}', 'keys other than "records" and "type": "version"'],
  ])('refuses %s as a file problem', (_case, text, message) => {
    const file = readRecordFile('cirt', text);
    expect(where(file)).toEqual(['gateway-file-format $']);
    expect(file.problems[0]!.message).toContain(message);
  });

  it('reads a record that is no object as a problem of its row', () => {
    expect(where(readRecordFile('cirt', '[42]'))).toEqual(['gateway-not-an-object $[0]']);
    expect(where(readRecordFile('cirt', '[]'))).toEqual(['gateway-file-empty $']);
  });

  it('takes a CSV as CSV and JSON as JSON when told, whatever the first character', () => {
    expect(readRecordFile('cirt', JSON.stringify([EXAMPLE_RECORDS.cirt]), { format: 'csv' }).format).toBe('csv');
    expect(where(readRecordFile('cirt', `${HEADER}\n${GOOD}\n`, { format: 'json' }))).toEqual(['gateway-file-format $']);
  });
});

describe('readRecordFile, limits and bytes', () => {
  it(`refuses a file of more than ${MAX_RECORD_FILE_BYTES} bytes, as text or bytes, without reading it`, () => {
    const big = `${HEADER}\n${`${GOOD}\n`.repeat(Math.ceil(MAX_RECORD_FILE_BYTES / GOOD.length))}`;
    expect(where(readRecordFile('cirt', big))).toEqual(['gateway-file-too-large $']);
    expect(where(readRecordFile('cirt', new TextEncoder().encode(big)))).toEqual(['gateway-file-too-large $']);
    // Under the limit in characters, over it in UTF-8 bytes.
    const arabic = 'ع'.repeat(MAX_RECORD_FILE_BYTES / 2 + 1);
    expect(readRecordFile('cirt', arabic).problems[0]!.message).toBe(`the file has ${MAX_RECORD_FILE_BYTES + 2} bytes, more than the ${MAX_RECORD_FILE_BYTES} allowed`);
  });

  it(`refuses a file of more than ${MAX_RECORD_FILE_ROWS} rows or records`, () => {
    expect(where(readRecordFile('cirt', `${HEADER}\n${`${GOOD}\n`.repeat(MAX_RECORD_FILE_ROWS + 1)}`))).toEqual(['gateway-file-too-many-rows line 1']);
    expect(where(readRecordFile('cirt', JSON.stringify(Array.from({ length: MAX_RECORD_FILE_ROWS + 1 }, () => ({})))))).toEqual(['gateway-file-too-many-rows $']);
    expect(readRecordFile('cirt', `${HEADER}\n${`${GOOD}\n`.repeat(MAX_RECORD_FILE_ROWS)}`).valid).toBe(MAX_RECORD_FILE_ROWS);
  });

  it('reads UTF-8 bytes (a byte-order mark left out) and refuses bytes that are not UTF-8', () => {
    const bytes = new TextEncoder().encode(`\ufeff${HEADER}\n${GOOD}\n`);
    expect(readRecordFile('cirt', bytes).valid).toBe(1);
    expect(where(readRecordFile('cirt', new Uint8Array([0x74, 0xff, 0xfe, 0x0a])))).toEqual(['gateway-file-format $']);
  });
});

describe('writeRecordCsv', () => {
  it.each(RECORD_TYPES)('writes the example %s record as a CSV that reads back as the same record', (type) => {
    const file = readRecordFile(type, writeRecordCsv(type, [EXAMPLE_RECORDS[type]]));
    expect(where(file)).toEqual([]);
    expect(file.rows.map((row) => row.record)).toEqual([EXAMPLE_RECORDS[type]]);
  });
});
