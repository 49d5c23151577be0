/**
 * Storage of the flagged pairs of likely duplicates: the only SQL on `gateway_duplicates` besides the
 * flagging itself (`record-index.sql.ts`). Deciding a flag is one transaction with its effect and `within`.
 */
import type { Database, TransactionHook } from '../../../core/db/database.ts';
import type { DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import { dropDuplicateKeys, dropIndex, type FlagRecord } from './record-index.sql.ts';
import type { StoredRecord } from './record.repository.ts';

export type { FlagRecord };
export type FlagState = FlagRecord['state'];

interface FlagRow {
  id: string;
  record_id: string;
  other_id: string;
  reasons: string;
  state: FlagState;
  flagged_at: number | string;
  decided_by: string | null;
  decided_at: number | string | null;
}

const COLUMNS = 'id, record_id, other_id, reasons, state, flagged_at, decided_by, decided_at';
const LIVE = `('pending', 'published')`;

function toFlag(row: FlagRow): FlagRecord {
  return {
    id: row.id,
    recordId: row.record_id,
    otherId: row.other_id,
    reasons: row.reasons.split(',') as DuplicateReason[],
    state: row.state,
    flaggedAt: Number(row.flagged_at),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
  };
}

export class DuplicateRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async find(id: string): Promise<FlagRecord | undefined> {
    const row = await this.db.get<FlagRow>(`SELECT ${COLUMNS} FROM gateway_duplicates WHERE id = ?`, [id]);
    return row && toFlag(row);
  }

  /** The open flags a record is part of, either way round, whose other record is still live. */
  async openFor(recordId: string): Promise<FlagRecord[]> {
    const rows = await this.db.all<FlagRow>(
      `SELECT ${COLUMNS} FROM gateway_duplicates d WHERE d.state = 'open' AND (d.record_id = ? OR d.other_id = ?)
       AND EXISTS (SELECT 1 FROM gateway_records r WHERE r.id = CASE WHEN d.record_id = ? THEN d.other_id ELSE d.record_id END AND r.status IN ${LIVE})
       ORDER BY d.flagged_at, d.id`,
      [recordId, recordId, recordId],
    );
    return rows.map(toFlag);
  }

  /**
   * Flags in a state, oldest first. Open flags are listed only while both records are live (a record rejected
   * or merged meanwhile leaves nothing to decide).
   */
  async list(state: FlagState, limit: number, offset: number): Promise<{ flags: FlagRecord[]; total: number }> {
    const live = state === 'open' ? `AND a.status IN ${LIVE} AND b.status IN ${LIVE}` : '';
    const from = `FROM gateway_duplicates d JOIN gateway_records a ON a.id = d.record_id JOIN gateway_records b ON b.id = d.other_id WHERE d.state = ? ${live}`;
    const rows = await this.db.all<FlagRow>(`SELECT ${COLUMNS.split(', ').map((c) => `d.${c}`).join(', ')} ${from} ORDER BY d.flagged_at, d.id LIMIT ? OFFSET ?`, [state, limit, offset]);
    const total = await this.db.get<{ n: number | string }>(`SELECT COUNT(*) AS n ${from}`, [state]);
    return { flags: rows.map(toFlag), total: Number(total!.n) };
  }

  /** Dismisses an open flag: the pair is never flagged again. False when it was no longer open. */
  async dismiss(id: string, by: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE gateway_duplicates SET state = 'dismissed', decided_by = ?, decided_at = ? WHERE id = ? AND state = 'open'`, [by, at, id]);
      if (changed !== 1) return false;
      await within?.(tx, undefined);
      return true;
    });
  }

  /**
   * Merges `merged` (still at its version) into `into` (still published): `merged` leaves the index and the
   * duplicate keys, its pending revisions are superseded, it points at `into`, and the flag is `merged`. False,
   * with nothing written, when either record changed meanwhile or the flag is no longer open.
   */
  async merge(flagId: string, merged: StoredRecord, into: StoredRecord, by: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Read under lock before writing anything (SQLite's writer already holds the database): a stale read
      // writes nothing. Rows are locked in id order, so two merges of one pair never wait for each other.
      const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
      const rows = await tx.all<{ id: string; version: number | string; status: string }>(`SELECT id, version, status FROM gateway_records WHERE id IN (?, ?) ORDER BY id${lock}`, [merged.id, into.id]);
      const now = new Map(rows.map((row) => [row.id, row]));
      const unchanged = (record: StoredRecord) => Number(now.get(record.id)?.version) === record.version;
      const flag = await tx.get<{ state: string }>(`SELECT state FROM gateway_duplicates WHERE id = ?${lock}`, [flagId]);
      if (!unchanged(merged) || !unchanged(into) || now.get(into.id)!.status !== 'published' || flag?.state !== 'open') return false;
      await tx.run('UPDATE gateway_records SET version = version + 1 WHERE id = ?', [into.id]);
      await tx.run(`UPDATE gateway_records SET version = version + 1, status = 'merged', merged_into = ? WHERE id = ?`, [into.id, merged.id]);
      await tx.run(`UPDATE gateway_duplicates SET state = 'merged', decided_by = ?, decided_at = ? WHERE id = ?`, [by, at, flagId]);
      await tx.run(`UPDATE gateway_revisions SET state = 'superseded' WHERE record_id = ? AND state = 'pending'`, [merged.id]);
      if (merged.doc !== null) await dropIndex(tx, merged.doc);
      await dropDuplicateKeys(tx, merged.id);
      await within?.(tx, undefined);
      return true;
    });
  }
}
