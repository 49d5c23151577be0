/**
 * The `date_added` values of versions migrated from another TAXII server: the source's own, kept where the
 * store's invariants allow. `date_added` is the primary key of `stix_objects` across the whole store and the
 * page key of a collection, so each value must be free in the store and after the one before it in the
 * collection; a value that is not is moved on by 1 µs until it is (and counted as nudged).
 */
import type { Queryable } from '../../../core/db/database.ts';

const CHUNK = 1_000;
/** How far past a taken value the next query looks, so a dense run of rows costs one query, not one per row. */
const WINDOW = 10_000;
const MAX_ROUNDS = 1_000;

/** Which of `values` some row of the store already has. */
async function takenAmong(tx: Queryable, values: readonly number[]): Promise<number[]> {
  const taken: number[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = values.slice(i, i + CHUNK);
    const rows = tx.dialect === 'postgres'
      ? await tx.all<{ date_added: number }>('SELECT date_added FROM stix_objects WHERE date_added = ANY(?::bigint[])', [part])
      : await tx.all<{ date_added: number }>(`SELECT date_added FROM stix_objects WHERE date_added IN (${part.map(() => '?').join(', ')})`, part);
    taken.push(...rows.map((row) => Number(row.date_added)));
  }
  return taken;
}

/** The rows of the store from `from` on, in the window after it. */
async function takenFrom(tx: Queryable, from: number): Promise<number[]> {
  const rows = await tx.all<{ date_added: number }>('SELECT date_added FROM stix_objects WHERE date_added >= ? AND date_added < ?', [from, from + WINDOW]);
  return rows.map((row) => Number(row.date_added));
}

/**
 * The values to store `wanted` under, in order: each the wanted value when it is after `after` (the
 * collection's last `date_added`) and the previous one and free in the store; else the next value that is.
 * Runs inside the write transaction that holds the store clock, so no other writer adds rows meanwhile.
 */
export async function migratedDates(tx: Queryable, wanted: readonly number[], after: number): Promise<number[]> {
  const taken = new Set<number>();
  const dates = new Array<number>(wanted.length);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let previous = after;
    for (let i = 0; i < wanted.length; i++) {
      let date = Math.max(wanted[i]!, previous + 1);
      while (taken.has(date)) date += 1;
      dates[i] = date;
      previous = date;
    }
    const clashes = (await takenAmong(tx, dates)).filter((value) => !taken.has(value));
    if (clashes.length === 0) return dates;
    for (const clash of clashes) for (const value of await takenFrom(tx, clash)) taken.add(value);
  }
  throw new Error(`no free date_added values found for ${wanted.length} migrated versions after ${MAX_ROUNDS} rounds`);
}
