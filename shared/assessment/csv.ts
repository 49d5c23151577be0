/**
 * CSV as published data comes (RFC 4180): comma-separated, fields optionally in double quotes (a quote inside
 * doubled), CRLF or LF line ends, a UTF-8 byte-order mark at the start ignored. Answers rows of fields with
 * their line numbers (1 for the header), so a problem can say where it is.
 *
 * Lenient where RFC 4180 is silent: a quote opens a quoted part only at the start of a field (elsewhere it is
 * a character of the field), text after a closing quote joins the field, and a quote never closed runs to the
 * end of the text. Fields are cut as slices of the text, not built a character at a time: a 5 MiB bulk file
 * of the Gateway reads several times faster (`bench/gateway-import.bench.ts`).
 */

export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The end of an unquoted run of a field starting at `from`: the next comma or line end, or the text's end. */
function runEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
  }
  return source.length;
}

const linesIn = (text: string) => {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
};

export function parseCsv(text: string): CsvRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === QUOTE && field === '') {
      // A quoted part: up to the next lone quote; a doubled quote is one quote of the field.
      for (i++; ; ) {
        const close = source.indexOf('"', i);
        const part = source.slice(i, close === -1 ? source.length : close);
        field += part;
        line += linesIn(part);
        if (close === -1) {
          i = source.length;
          break;
        }
        if (source.charCodeAt(close + 1) !== QUOTE) {
          i = close;
          break;
        }
        field += '"';
        i = close + 2;
      }
    } else if (c === COMMA) {
      fields.push(field);
      field = '';
    } else if (c === LF || c === CR) {
      if (c === CR && source.charCodeAt(i + 1) === LF) i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      const end = runEnd(source, i);
      field += source.slice(i, end);
      i = end - 1;
    }
  }
  if (field !== '' || fields.length) endRow();
  return rows;
}
