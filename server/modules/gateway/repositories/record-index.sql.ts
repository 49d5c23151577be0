/**
 * The Gateway's index writes, inside the caller's transaction: the search terms and facets of published
 * records (by `doc`), the duplicate keys of live records and the flagging of the pairs that share one. What
 * is indexed is computed from the record alone by `shared/gateway/record-index.ts`; this file only stores it.
 * The benchmark's fixture goes through `writeIndex` too, so the terms it searches are the real ones.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../core/db/database.ts';
import { duplicateKeys, recordFacets, recordTerms, type DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';

/** A published record to index: its number in publication order, type and body. */
export interface IndexEntry {
  doc: number;
  type: RecordType;
  body: GatewayRecord;
}

/** A pair of likely duplicates as flagged. */
export interface FlagRecord {
  id: string;
  /** The record whose write raised the flag. */
  recordId: string;
  /** The record it resembles. */
  otherId: string;
  reasons: DuplicateReason[];
  state: 'open' | 'dismissed' | 'merged';
  flaggedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
}

/** Rows per statement: SQLite binds at most 32,766 parameters; PostgreSQL arrays have no such limit. */
const SQLITE_ROWS = 400;
const POSTGRES_ROWS = 20_000;

/**
 * Inserts rows of text and integer columns in batches: multi-row VALUES on SQLite, `unnest` arrays on
 * PostgreSQL (`casts` names each column's array type: `text`, `bigint`).
 */
export async function insertRows(tx: Queryable, table: string, columns: readonly string[], casts: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  if (tx.dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
      const chunk = rows.slice(start, start + POSTGRES_ROWS);
      const arrays = columns.map((_, i) => chunk.map((row) => row[i]!)) as (string | null)[][];
      await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.map((cast) => `?::${cast}[]`).join(', ')})`, arrays);
    }
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += SQLITE_ROWS) {
    const chunk = rows.slice(start, start + SQLITE_ROWS);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

/** Writes the terms and facets of published records (none of them indexed yet). */
export async function writeIndex(tx: Queryable, entries: readonly IndexEntry[]): Promise<void> {
  const terms: [string, number][] = [];
  const facets: [string, string, number][] = [];
  for (const { doc, type, body } of entries) {
    for (const term of recordTerms(type, body)) terms.push([term, doc]);
    for (const { facet, value } of recordFacets(type, body)) facets.push([facet, value, doc]);
  }
  await insertRows(tx, 'gateway_terms', ['term', 'doc'], ['text', 'bigint'], terms);
  await insertRows(tx, 'gateway_facets', ['facet', 'value', 'doc'], ['text', 'text', 'bigint'], facets);
}

/** Removes a record from the search index. */
export async function dropIndex(tx: Queryable, doc: number): Promise<void> {
  await tx.run('DELETE FROM gateway_terms WHERE doc = ?', [doc]);
  await tx.run('DELETE FROM gateway_facets WHERE doc = ?', [doc]);
}

/** The next number in publication order. The clock row's lock orders concurrent publications. */
export async function nextDoc(tx: Queryable): Promise<number> {
  const row = await tx.get<{ doc: number | string }>('UPDATE gateway_clock SET doc = doc + 1 WHERE id = 1 RETURNING doc');
  return Number(row!.doc);
}

/** Moves the clock past `doc` (records numbered in bulk, as the benchmark's fixture does). */
export async function advanceClock(tx: Queryable, doc: number): Promise<void> {
  await tx.run('UPDATE gateway_clock SET doc = ? WHERE id = 1 AND doc < ?', [doc, doc]);
}

/** How a duplicate key is stored: its SHA-256 digest, in hex. */
export const digestKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Replaces the duplicate keys of a record with those of `body`. */
export async function writeDuplicateKeys(tx: Queryable, recordId: string, type: RecordType, body: GatewayRecord): Promise<void> {
  await dropDuplicateKeys(tx, recordId);
  const rows = duplicateKeys(type, body).map(({ reason, key }) => [digestKey(key), recordId, reason] as const);
  await insertRows(tx, 'gateway_duplicate_keys', ['key', 'record_id', 'reason'], ['text', 'text', 'text'], rows);
}

export async function dropDuplicateKeys(tx: Queryable, recordId: string): Promise<void> {
  await tx.run('DELETE FROM gateway_duplicate_keys WHERE record_id = ?', [recordId]);
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Flags every live record sharing a duplicate key with `recordId` (one flag per pair, whatever its order, so a
 * pair once dismissed is never flagged again). Answers the flags raised now.
 */
export async function flagDuplicates(tx: Queryable, recordId: string, at: number): Promise<FlagRecord[]> {
  const shared = await tx.all<{ other: string; reason: DuplicateReason }>(
    `SELECT DISTINCT k2.record_id AS other, k2.reason FROM gateway_duplicate_keys k1
     JOIN gateway_duplicate_keys k2 ON k2.key = k1.key AND k2.record_id <> k1.record_id
     WHERE k1.record_id = ?`,
    [recordId],
  );
  const reasons = new Map<string, Set<DuplicateReason>>();
  for (const { other, reason } of shared) (reasons.get(other) ?? reasons.set(other, new Set()).get(other)!).add(reason);
  const flags: FlagRecord[] = [];
  for (const [otherId, why] of [...reasons].sort(([a], [b]) => byCode(a, b))) {
    const flag: FlagRecord = { id: randomUUID(), recordId, otherId, reasons: [...why].sort(byCode), state: 'open', flaggedAt: at, decidedBy: null, decidedAt: null };
    const pair = [recordId, otherId].sort(byCode).join(' ');
    const added = await tx.run(`INSERT INTO gateway_duplicates (id, record_id, other_id, pair, reasons, state, flagged_at) VALUES (?, ?, ?, ?, ?, 'open', ?) ON CONFLICT (pair) DO NOTHING`, [
      flag.id,
      recordId,
      otherId,
      pair,
      flag.reasons.join(','),
      at,
    ]);
    if (added === 1) flags.push(flag);
  }
  return flags;
}
