/**
 * What a command prints. With `--json`, stdout carries one JSON document and nothing else, so scripts can
 * parse it; otherwise lines for people. Progress and notes never go to stdout.
 */

export class Output {
  readonly json: boolean;

  constructor(json: boolean) {
    this.json = json;
  }

  /** The command's answer: `data` as JSON with `--json`, else the human text (lines). */
  result(data: unknown, human: () => string | readonly string[]): void {
    if (this.json) {
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    const text = human();
    const lines = typeof text === 'string' ? [text] : text;
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  }

  /** A warning for people on stderr, kept with `--json` too (stdout still holds only the answer). */
  warn(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  /** A remark for people on stderr (dropped with `--json`, whose callers read the JSON document only). */
  note(text: string): void {
    if (!this.json) process.stderr.write(`${text}\n`);
  }
}

/** Lays rows out in aligned columns (the last column is not padded). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** `n` with thousands separators, as people read counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 object`, `2,057 objects`: a count with its noun (English plural: the catalogs will take over). */
export function formatCountOf(n: number, noun: string): string {
  return `${formatCount(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** A database URL safe to print: the password of a PostgreSQL URL is masked. */
export function redactUrl(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
