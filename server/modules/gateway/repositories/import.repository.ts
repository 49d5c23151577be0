/**
 * Storage of a bulk import: many records published at once, in one transaction. Statements are batched
 * (`IMPORT_BATCH` records at a time: multi-row inserts on SQLite, `unnest` arrays on PostgreSQL), but the whole
 * file commits or rolls back as one, with its audit entry (`within`), so an import is never half-stored: a crash
 * or a failed statement mid-import leaves nothing of the file. Each record gets its row, its first revision
 * (accepted by the importer), its search index, its duplicate keys, and its likely duplicates flagged — against
 * the records already there and against the other rows of the file — as a proposal would have them.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';
import { duplicateKeys, type DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';
import { digestKey, insertRows, writeIndex, type FlagRecord } from './record-index.sql.ts';

/** Records per batch of statements. */
export const IMPORT_BATCH = 1_000;
/** Ids per `IN (…)` list on SQLite (it binds at most 32,766 parameters). */
const SQLITE_IDS = 500;

/** A record to import, with the id it will have. */
export interface ImportedRecord {
  id: string;
  body: GatewayRecord;
}

/** Who imports, when, and the note each revision keeps. */
export interface ImportStamp {
  type: RecordType;
  by: string;
  at: number;
  note: string;
}

/** A live record sharing a duplicate key with a key asked about. */
export interface KeyHolder {
  key: string;
  recordId: string;
  reason: DuplicateReason;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `column IN (…)` over `ids`, a chunk at a time: `= ANY(array)` on PostgreSQL, a list of `?` on SQLite. */
async function allIn<T>(tx: Queryable, ids: readonly string[], sql: (condition: string) => string): Promise<T[]> {
  const rows: T[] = [];
  const size = tx.dialect === 'postgres' ? 20_000 : SQLITE_IDS;
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    if (tx.dialect === 'postgres') rows.push(...(await tx.all<T>(sql('= ANY(?::text[])'), [chunk])));
    else rows.push(...(await tx.all<T>(sql(`IN (${chunk.map(() => '?').join(', ')})`), chunk)));
  }
  return rows;
}

export class ImportRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The live records holding any of these duplicate keys (as `duplicateKeys` gives them, not digested). */
  async holders(keys: readonly string[]): Promise<KeyHolder[]> {
    const byDigest = new Map(keys.map((key) => [digestKey(key), key]));
    const rows = await allIn<{ key: string; record_id: string; reason: DuplicateReason }>(
      this.db,
      [...byDigest.keys()],
      (condition) => `SELECT key, record_id, reason FROM gateway_duplicate_keys WHERE key ${condition}`,
    );
    return rows.map((row) => ({ key: byDigest.get(row.key)!, recordId: row.record_id, reason: row.reason })).sort((a, b) => byCode(a.recordId, b.recordId));
  }

  /**
   * Publishes `records` (in file order) in one transaction: numbered in publication order in that order, each
   * with revision 1 accepted by `stamp.by`, indexed, with its duplicate keys; then flags their likely duplicates
   * and runs `within` with the flags. Answers the flags raised.
   */
  async publish(records: readonly ImportedRecord[], stamp: ImportStamp, within?: TransactionHook<FlagRecord[]>): Promise<FlagRecord[]> {
    return this.db.transaction(async (tx) => {
      // One update of the clock reserves the file's numbers; on PostgreSQL its row stays locked until commit,
      // so publications meanwhile wait for the import rather than interleave with its numbers.
      const last = Number((await tx.get<{ doc: number | string }>('UPDATE gateway_clock SET doc = doc + ? WHERE id = 1 RETURNING doc', [records.length]))!.doc);
      const first = last - records.length + 1;
      for (let start = 0; start < records.length; start += IMPORT_BATCH) {
        const batch = records.slice(start, start + IMPORT_BATCH);
        const docOf = (i: number) => first + start + i;
        await insertRows(
          tx,
          'gateway_records',
          ['id', 'type', 'status', 'version', 'revisions', 'revision', 'body', 'doc', 'proposed_by', 'proposed_at', 'published_at', 'updated_at'],
          ['text', 'text', 'text', 'integer', 'integer', 'integer', 'text', 'bigint', 'text', 'bigint', 'bigint', 'bigint'],
          batch.map((r, i) => [r.id, stamp.type, 'published', 1, 1, 1, JSON.stringify(r.body), docOf(i), stamp.by, stamp.at, stamp.at, stamp.at]),
        );
        await insertRows(
          tx,
          'gateway_revisions',
          ['record_id', 'revision', 'kind', 'state', 'body', 'note', 'proposed_by', 'proposed_at', 'moderated_by', 'moderated_at'],
          ['text', 'integer', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint'],
          batch.map((r) => [r.id, 1, 'new', 'accepted', JSON.stringify(r.body), stamp.note, stamp.by, stamp.at, stamp.by, stamp.at]),
        );
        await writeIndex(tx, batch.map((r, i) => ({ doc: docOf(i), type: stamp.type, body: r.body })));
        const keys = batch.flatMap((r) => duplicateKeys(stamp.type, r.body).map(({ reason, key }) => [digestKey(key), r.id, reason] as const));
        await insertRows(tx, 'gateway_duplicate_keys', ['key', 'record_id', 'reason'], ['text', 'text', 'text'], keys);
      }
      const flags = await this.flag(tx, records, stamp.at);
      await within?.(tx, flags);
      return flags;
    });
  }

  /**
   * Flags every pair of an imported record and a live record sharing a key with it. A pair of two imported
   * records is flagged once, raised by the later row (as proposing them one after the other would).
   */
  private async flag(tx: Queryable, records: readonly ImportedRecord[], at: number): Promise<FlagRecord[]> {
    const order = new Map(records.map((r, i) => [r.id, i]));
    const shared = await allIn<{ record: string; other: string; reason: DuplicateReason }>(
      tx,
      [...order.keys()],
      (condition) => `SELECT DISTINCT k1.record_id AS record, k2.record_id AS other, k2.reason FROM gateway_duplicate_keys k1
        JOIN gateway_duplicate_keys k2 ON k2.key = k1.key AND k2.record_id <> k1.record_id WHERE k1.record_id ${condition}`,
    );
    const pairs = new Map<string, { recordId: string; otherId: string; reasons: Set<DuplicateReason> }>();
    for (const { record, other, reason } of shared) {
      const otherAt = order.get(other);
      if (otherAt !== undefined && otherAt > order.get(record)!) continue;
      const pair = [record, other].sort(byCode).join(' ');
      const entry = pairs.get(pair) ?? pairs.set(pair, { recordId: record, otherId: other, reasons: new Set() }).get(pair)!;
      entry.reasons.add(reason);
    }
    const flags = [...pairs]
      .sort(([a], [b]) => byCode(a, b))
      .map(([pair, p]): [string, FlagRecord] => [pair, { id: randomUUID(), recordId: p.recordId, otherId: p.otherId, reasons: [...p.reasons].sort(byCode), state: 'open', flaggedAt: at, decidedBy: null, decidedAt: null }]);
    const added = new Set<string>();
    // A pair flagged before (open, dismissed or merged) is not flagged again.
    const rows = flags.map(([pair, f]) => [f.id, f.recordId, f.otherId, pair, f.reasons.join(','), 'open', at] as const);
    const size = tx.dialect === 'postgres' ? 20_000 : 400;
    for (let start = 0; start < rows.length; start += size) {
      const chunk = rows.slice(start, start + size);
      const insert = 'INSERT INTO gateway_duplicates (id, record_id, other_id, pair, reasons, state, flagged_at)';
      const returned =
        tx.dialect === 'postgres'
          ? await tx.all<{ id: string }>(`${insert} SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) ON CONFLICT (pair) DO NOTHING RETURNING id`, [0, 1, 2, 3, 4, 5, 6].map((c) => chunk.map((row) => row[c]!)) as (string[] | number[])[])
          : await tx.all<{ id: string }>(`${insert} VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (pair) DO NOTHING RETURNING id`, chunk.flat());
      for (const { id } of returned) added.add(id);
    }
    return flags.map(([, f]) => f).filter((f) => added.has(f.id));
  }
}
