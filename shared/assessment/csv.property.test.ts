// The CSV reader cuts fields as slices of the text; it must read every text exactly as reading it a character
// at a time does (the reader it replaced, kept here as the reference), quotes, line ends and line numbers
// included, and read back what RFC 4180 writing gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRow } from './csv.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 300);

/** The reference: one character at a time, a quote opening a quoted part only at the start of a field. */
function parseOneByOne(text: string): CsvRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) endRow();
  return rows;
}

const text = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((list) => list.join(''));
const writeCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('parseCsv', () => {
  it('reads any text as the character-by-character reader does', () => {
    fc.assert(
      fc.property(text('ab"",,\n\r é字\ufeff', 60), (csv) => {
        expect(parseCsv(csv)).toEqual(parseOneByOne(csv));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads back the rows RFC 4180 writing gives, with each row’s first line', () => {
    const cell = text('ab ,"\n\rأ字-', 12);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, end) => {
        const csv = rows.map((row) => row.map(writeCell).join(',')).join(end) + end;
        let line = 1;
        const expected = rows.map((fields) => {
          const at = line;
          line += 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
          return { line: at, fields };
        });
        expect(parseCsv(csv)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('ignores a byte-order mark, keeps quotes inside a field and runs an unclosed quote to the end', () => {
    expect(parseCsv('\ufeffa,"b ""c""",d"e\n"x\ny')).toEqual([
      { line: 1, fields: ['a', 'b "c"', 'd"e'] },
      { line: 2, fields: ['x\ny'] },
    ]);
  });
});
