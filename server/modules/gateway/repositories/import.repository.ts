/**
 * Storage of a bulk import: many records published at once, in one transaction. Statements are batched
 * (`IMPORT_BATCH` records at a time: multi-row inserts on SQLite, `unnest` arrays on PostgreSQL), but the whole
 * file commits or rolls back as one, with its audit entry (`within`), so an import is never half-stored: a crash
 * or a failed statement mid-import leaves nothing of the file. Each record gets its row, its first revision
 * (accepted by the importer), its search index and its duplicate keys; the likely duplicates the service
 * decides on, from the live records holding the file's keys as read inside the transaction, are flagged.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';
import type { DuplicateKey, DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';
import { arrayLiteral, insertRows } from './bulk-insert.sql.ts';
import { digestKey, writeIndex, type FlagRecord } from './record-index.sql.ts';

/** Records per batch of statements. */
export const IMPORT_BATCH = 10_000;
/** Values per `IN (…)` list on SQLite (it binds at most 32,766 parameters). */
const SQLITE_LIST = 1_000;

/** A record to import: the id it will have, its body and its duplicate keys. */
export interface ImportedRecord {
  id: string;
  body: GatewayRecord;
  keys: readonly DuplicateKey[];
}

/** Who imports, when, and the note each revision keeps. */
export interface ImportStamp {
  type: RecordType;
  by: string;
  at: number;
  note: string;
}

/** A live record holding a duplicate key asked about. */
export interface KeyHolder {
  /** The key, as `duplicateKeys` gives it (not digested). */
  key: string;
  recordId: string;
  reason: DuplicateReason;
  proposedAt: number;
}

/** A flag to raise: an imported record and the record (imported too, or there before) it resembles. */
export interface FlagToRaise {
  recordId: string;
  otherId: string;
  reasons: DuplicateReason[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `n` new ids in the form of UUID version 7 (RFC 9562): the time `at` in milliseconds, then a counter, then
 * random bits, so the ids of one import sort in file order. Inserted in that order, a file's rows land at
 * the end of every index keyed by record id instead of all over it — several times faster for a large file
 * (`bench/gateway-import.bench.ts`). Other records keep random ids: both are opaque text.
 */
export function orderedIds(n: number, at: number): string[] {
  const time = Math.max(0, Math.floor(at)).toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(5).toString('hex');
  return Array.from({ length: n }, (_, i) => {
    const c = i.toString(16).padStart(8, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6)}${random}`;
  });
}

/** The live records holding any of `keys`. */
async function holdersIn(db: Queryable, keys: readonly string[]): Promise<KeyHolder[]> {
  const byDigest = new Map(keys.map((key) => [digestKey(key), key]));
  const digests = [...byDigest.keys()];
  const select = 'SELECT k.key, k.record_id, k.reason, r.proposed_at FROM gateway_duplicate_keys k JOIN gateway_records r ON r.id = k.record_id WHERE k.key';
  const rows: { key: string; record_id: string; reason: DuplicateReason; proposed_at: number | string }[] = [];
  if (db.dialect === 'postgres') {
    if (digests.length) rows.push(...(await db.all<(typeof rows)[number]>(`${select} = ANY(?::text[])`, [digests])));
  } else {
    for (let start = 0; start < digests.length; start += SQLITE_LIST) {
      const chunk = digests.slice(start, start + SQLITE_LIST);
      rows.push(...(await db.all<(typeof rows)[number]>(`${select} IN (${chunk.map(() => '?').join(', ')})`, chunk)));
    }
  }
  return rows.map((row) => ({ key: byDigest.get(row.key)!, recordId: row.record_id, reason: row.reason, proposedAt: Number(row.proposed_at) }));
}

export class ImportRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The live records holding any of these duplicate keys (a dry run's read). */
  holders(keys: readonly string[]): Promise<KeyHolder[]> {
    return holdersIn(this.db, keys);
  }

  /**
   * Publishes `records` (in file order) in one transaction: numbered in publication order in that order, each
   * with revision 1 accepted by `stamp.by`, indexed, with its duplicate keys. `decide` is given the live records
   * holding the file's keys (read first, inside the transaction) and answers the flags to raise; `within` runs
   * last with the flags raised.
   */
  async publish(records: readonly ImportedRecord[], stamp: ImportStamp, decide: (holders: KeyHolder[]) => FlagToRaise[], within?: TransactionHook<FlagRecord[]>): Promise<FlagRecord[]> {
    return this.db.transaction(async (tx) => {
      const holders = await holdersIn(tx, [...new Set(records.flatMap((r) => r.keys.map((k) => k.key)))]);
      const toRaise = decide(holders);
      // One update of the clock reserves the file's numbers; on PostgreSQL its row stays locked until commit,
      // so publications meanwhile wait for the import rather than interleave with its numbers.
      const last = Number((await tx.get<{ doc: number | string }>('UPDATE gateway_clock SET doc = doc + ? WHERE id = 1 RETURNING doc', [records.length]))!.doc);
      const first = last - records.length + 1;
      for (let start = 0; start < records.length; start += IMPORT_BATCH) {
        const batch = records.slice(start, start + IMPORT_BATCH);
        const docOf = (i: number) => first + start + i;
        const bodies = batch.map((r) => JSON.stringify(r.body));
        await insertRows(
          tx,
          'gateway_records',
          ['id', 'type', 'status', 'version', 'revisions', 'revision', 'body', 'doc', 'proposed_by', 'proposed_at', 'published_at', 'updated_at'],
          ['text', 'text', 'text', 'integer', 'integer', 'integer', 'text', 'bigint', 'text', 'bigint', 'bigint', 'bigint'],
          batch.map((r, i) => [r.id, stamp.type, 'published', 1, 1, 1, bodies[i]!, docOf(i), stamp.by, stamp.at, stamp.at, stamp.at]),
        );
        await insertRows(
          tx,
          'gateway_revisions',
          ['record_id', 'revision', 'kind', 'state', 'body', 'note', 'proposed_by', 'proposed_at', 'moderated_by', 'moderated_at'],
          ['text', 'integer', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint'],
          batch.map((r, i) => [r.id, 1, 'new', 'accepted', bodies[i]!, stamp.note, stamp.by, stamp.at, stamp.by, stamp.at]),
        );
        await writeIndex(tx, batch.map((r, i) => ({ doc: docOf(i), type: stamp.type, body: r.body })));
        const keys = batch.flatMap((r) => r.keys.map(({ reason, key }) => [digestKey(key), r.id, reason] as const)).sort((a, b) => byCode(a[0], b[0]));
        await insertRows(tx, 'gateway_duplicate_keys', ['key', 'record_id', 'reason'], ['text', 'text', 'text'], keys);
      }
      const flags = await raise(tx, toRaise, stamp.at);
      await within?.(tx, flags);
      return flags;
    });
  }
}

/** Inserts the flags, one per pair whatever its order; a pair flagged before is not flagged again. */
async function raise(tx: Queryable, toRaise: readonly FlagToRaise[], at: number): Promise<FlagRecord[]> {
  const ids = orderedIds(toRaise.length, at);
  const flags = toRaise.map((f, i): FlagRecord => ({ id: ids[i]!, recordId: f.recordId, otherId: f.otherId, reasons: f.reasons, state: 'open', flaggedAt: at, decidedBy: null, decidedAt: null }));
  const rows = flags.map((f) => [f.id, f.recordId, f.otherId, [f.recordId, f.otherId].sort(byCode).join(' '), f.reasons.join(','), 'open', at] as const).sort((a, b) => byCode(a[3], b[3]));
  const added = new Set<string>();
  const insert = 'INSERT INTO gateway_duplicates (id, record_id, other_id, pair, reasons, state, flagged_at)';
  const size = tx.dialect === 'postgres' ? 20_000 : 400;
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const returned =
      tx.dialect === 'postgres'
        ? await tx.all<{ id: string }>(`${insert} SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) ON CONFLICT (pair) DO NOTHING RETURNING id`, [0, 1, 2, 3, 4, 5, 6].map((c) => arrayLiteral(chunk.map((row) => row[c]!))))
        : await tx.all<{ id: string }>(`${insert} VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (pair) DO NOTHING RETURNING id`, chunk.flat());
    for (const { id } of returned) added.add(id);
  }
  return flags.filter((f) => added.has(f.id));
}
