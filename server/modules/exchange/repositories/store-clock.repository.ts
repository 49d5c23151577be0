/**
 * The store's `date_added` clock. Inside a write transaction it hands out microsecond values that are
 * strictly increasing across the whole store — across processes and nodes, because the single clock row is
 * locked until the transaction commits, so values also become visible in the order they were issued (a
 * reader paging by `date_added` never misses a row committed late with an early value).
 */
import type { Queryable } from '../../../core/db/database.ts';

/** Reserves `count` consecutive values, none earlier than `nowMicros`; answers the first. */
export async function reserveDateAdded(tx: Queryable, count: number, nowMicros: number): Promise<number> {
  const max = tx.dialect === 'postgres' ? 'GREATEST' : 'MAX';
  const row = await tx.get<{ last_micros: number }>(
    `UPDATE store_clock SET last_micros = ${max}(last_micros + ?, ?) WHERE id = 1 RETURNING last_micros`,
    [count, nowMicros + count - 1],
  );
  if (!row) throw new Error('store_clock row missing: migrations not applied');
  return row.last_micros - count + 1;
}

/** Current time in microseconds (millisecond clock; the clock above makes values unique). */
export function nowMicros(): number {
  return Date.now() * 1000;
}

/**
 * Moves the clock on to `atLeast` when it is behind (never back), holding its row until the transaction
 * ends: values given by hand (migrated `date_added`) are then never handed out again.
 */
export async function raiseClock(tx: Queryable, atLeast: number): Promise<void> {
  const max = tx.dialect === 'postgres' ? 'GREATEST' : 'MAX';
  await tx.run(`UPDATE store_clock SET last_micros = ${max}(last_micros, ?) WHERE id = 1`, [atLeast]);
}
