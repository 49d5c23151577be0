/** Storage of the audit log: the only SQL on `audit_log` and `audit_head`. */
import type { Database, Queryable, SqlValue } from '../db/database.ts';
import type { AuditEntry, ChainHead } from './audit-chain.ts';

interface EntryRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  details: string;
  organisation_id: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Which entries a page holds: those with `actor` as actor, or of organisation `organisationId`, or (both
 * given) either. No filter: every entry.
 */
export interface EntryFilter {
  actor?: string;
  organisationId?: string;
}

const COLUMNS = 'seq, at, actor, action, target, details, organisation_id, prev_hash, hash';

function toEntry(row: EntryRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
    organisationId: row.organisation_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The audit log on either database. */
export class AuditRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Runs `fn` in a write transaction of its own (for entries that record nothing else). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Appends the entry `build` makes from the current head, inside the caller's transaction `tx`, and moves the
   * head to it. The head row is locked first (SQLite's BEGIN IMMEDIATE already serialises writers), so
   * appends from several processes or nodes form one gapless chain.
   */
  async append(tx: Queryable, build: (head: ChainHead) => AuditEntry): Promise<AuditEntry> {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const head = await tx.get<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_head WHERE id = 1${lock}`);
    if (!head) throw new Error('audit_head has no row: the audit migrations did not run');
    const entry = build({ seq: Number(head.seq), hash: head.hash });
    await tx.run(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      entry.details,
      entry.organisationId,
      entry.prevHash,
      entry.hash,
    ]);
    await tx.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [entry.seq, entry.hash]);
    return entry;
  }

  /** The head row, or undefined when it is missing (itself a sign of tampering). */
  async head(): Promise<ChainHead | undefined> {
    const row = await this.db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    return row && { seq: Number(row.seq), hash: row.hash };
  }

  /** Up to `limit` entries after `afterSeq`, in seq order, only those `filter` lets through when given. */
  async page(afterSeq: number, limit: number, filter?: EntryFilter): Promise<AuditEntry[]> {
    const params: SqlValue[] = [afterSeq];
    const either: string[] = [];
    if (filter?.actor !== undefined) {
      either.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter?.organisationId !== undefined) {
      either.push('organisation_id = ?');
      params.push(filter.organisationId);
    }
    const where = either.length === 0 ? 'seq > ?' : `seq > ? AND (${either.join(' OR ')})`;
    params.push(limit);
    const rows = await this.db.all<EntryRow>(`SELECT ${COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq LIMIT ?`, params);
    return rows.map(toEntry);
  }

  /** The seq of the entry carrying this hash, if any. */
  async seqOfHash(hash: string): Promise<number | undefined> {
    const row = await this.db.get<{ seq: number }>('SELECT seq FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1', [hash]);
    return row === undefined ? undefined : Number(row.seq);
  }
}
