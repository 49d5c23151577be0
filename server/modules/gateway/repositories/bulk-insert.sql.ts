/**
 * Many rows inserted at once, inside the caller's transaction: multi-row `VALUES` on SQLite (at most
 * `SQLITE_ROWS` rows a statement: SQLite binds at most 32,766 parameters), `unnest` of arrays on PostgreSQL.
 *
 * On PostgreSQL each column travels as one array literal written here (`arrayLiteral`): `pg` would write it
 * element by element with two regular expressions each, which took 3 of the 40 s of importing 100,000
 * records (1.6 million postings); here a text needs escaping only when it holds a quote or a backslash.
 */
import type { Queryable } from '../../../core/db/database.ts';

/** A cell: text, an integer, or NULL. */
export type Cell = string | number | null;

/** Rows per statement: SQLite binds at most 32,766 parameters; PostgreSQL arrays have no such limit. */
const SQLITE_ROWS = 400;
const POSTGRES_ROWS = 20_000;

/** `values` as a PostgreSQL array literal (`{"a","b\"c",NULL}`, `{1,2}`), for a `?::text[]` or `?::bigint[]`. */
export function arrayLiteral(values: readonly Cell[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`${value} cannot be stored`);
      parts[i] = String(value);
    } else if (value.includes('"') || value.includes('\\')) parts[i] = `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    else parts[i] = `"${value}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * Inserts rows given column by column (`data[c][r]` is row `r`'s cell of `columns[c]`; every column as long),
 * `casts` naming each column's PostgreSQL type (`text`, `bigint`, `integer`). Rows go in the order given.
 */
export async function insertColumns(tx: Queryable, table: string, columns: readonly string[], casts: readonly string[], data: readonly (readonly Cell[])[]): Promise<void> {
  const count = data[0]?.length ?? 0;
  if (data.some((column) => column.length !== count)) throw new Error(`the columns of ${table} differ in length`);
  if (tx.dialect === 'postgres') {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.map((cast) => `?::${cast}[]`).join(', ')})`;
    for (let start = 0; start < count; start += POSTGRES_ROWS) {
      const end = Math.min(count, start + POSTGRES_ROWS);
      await tx.run(sql, data.map((column) => arrayLiteral(start === 0 && end === count ? column : column.slice(start, end))));
    }
    return;
  }
  const width = columns.length;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < count; start += SQLITE_ROWS) {
    const rows = Math.min(SQLITE_ROWS, count - start);
    const params = new Array<Cell>(rows * width);
    for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) params[r * width + c] = data[c]![start + r]!;
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array(rows).fill(tuple).join(', ')}`, params);
  }
}

/** Inserts rows given row by row (see `insertColumns`). */
export function insertRows(tx: Queryable, table: string, columns: readonly string[], casts: readonly string[], rows: readonly (readonly Cell[])[]): Promise<void> {
  return insertColumns(tx, table, columns, casts, columns.map((_, c) => rows.map((row) => row[c]!)));
}
