/**
 * Storage of Gateway records and their revisions: the only SQL on `gateway_records` and `gateway_revisions`.
 * Every change of a record is one transaction guarded by the record's `version` (optimistic locking: the
 * first statement bumps it only if it is still the one the service read, which also locks the row on
 * PostgreSQL), with the index, the duplicate keys and flags, and the caller's `within` (the audit entry).
 * A stale change writes nothing and answers `{ written: false }`.
 */
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';
import type { GatewayRecord, MultilingualText, RecordType } from '../../../../shared/gateway/record-types.ts';
import { dropDuplicateKeys, dropIndex, flagDuplicates, nextDoc, writeDuplicateKeys, writeIndex, type FlagRecord } from './record-index.sql.ts';

export type RecordStatus = 'pending' | 'published' | 'rejected' | 'merged';
export type RevisionKind = 'new' | 'correction';
export type RevisionState = 'pending' | 'accepted' | 'rejected' | 'changes_requested' | 'superseded';

export interface StoredRecord {
  id: string;
  type: RecordType;
  status: RecordStatus;
  /** Bumped by every change of the record or of one of its revisions. */
  version: number;
  /** The number of its newest revision. */
  revisions: number;
  /** The published revision and body; null until first published. */
  revision: number | null;
  body: GatewayRecord | null;
  /** Its number in publication order; null until first published. */
  doc: number | null;
  proposedBy: string;
  proposedAt: number;
  /** First published. */
  publishedAt: number | null;
  /** Last published (a correction accepted). */
  updatedAt: number | null;
  mergedInto: string | null;
}

export interface StoredRevision {
  recordId: string;
  revision: number;
  kind: RevisionKind;
  state: RevisionState;
  body: GatewayRecord;
  /** A correction: the published revision it was made from. */
  basedOn: number | null;
  /** The proposer's word on it. */
  note: string | null;
  proposedBy: string;
  proposedAt: number;
  moderatedBy: string | null;
  moderatedAt: number | null;
  /** The moderator's comment. */
  comment: string | null;
}

/** A moderator's decision on a pending revision, and what it does to the record. */
export interface Decision {
  revision: number;
  state: 'accepted' | 'rejected' | 'changes_requested';
  by: string;
  at: number;
  comment: string | null;
  /** `publish`: the revision's body becomes the published record; `reject`: the record is rejected whole. */
  effect: 'publish' | 'reject' | 'none';
}

/** A written change, and the duplicates it flagged. */
export type Written = { written: false } | { written: true; record: StoredRecord; flags: FlagRecord[] };

interface RecordRow {
  id: string;
  type: RecordType;
  status: RecordStatus;
  version: number | string;
  revisions: number | string;
  revision: number | string | null;
  body: string | null;
  doc: number | string | null;
  proposed_by: string;
  proposed_at: number | string;
  published_at: number | string | null;
  updated_at: number | string | null;
  merged_into: string | null;
}

interface RevisionRow {
  record_id: string;
  revision: number | string;
  kind: RevisionKind;
  state: RevisionState;
  body: string;
  based_on: number | string | null;
  note: string | null;
  proposed_by: string;
  proposed_at: number | string;
  moderated_by: string | null;
  moderated_at: number | string | null;
  comment: string | null;
}

export const RECORD_COLUMNS = 'id, type, status, version, revisions, revision, body, doc, proposed_by, proposed_at, published_at, updated_at, merged_into';
const REVISION_COLUMNS = 'record_id, revision, kind, state, body, based_on, note, proposed_by, proposed_at, moderated_by, moderated_at, comment';

const orNull = (value: number | string | null) => (value === null ? null : Number(value));

export function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    version: Number(row.version),
    revisions: Number(row.revisions),
    revision: orNull(row.revision),
    body: row.body === null ? null : (JSON.parse(row.body) as GatewayRecord),
    doc: orNull(row.doc),
    proposedBy: row.proposed_by,
    proposedAt: Number(row.proposed_at),
    publishedAt: orNull(row.published_at),
    updatedAt: orNull(row.updated_at),
    mergedInto: row.merged_into,
  };
}

function toRevision(row: RevisionRow): StoredRevision {
  return {
    recordId: row.record_id,
    revision: Number(row.revision),
    kind: row.kind,
    state: row.state,
    body: JSON.parse(row.body) as GatewayRecord,
    basedOn: orNull(row.based_on),
    note: row.note,
    proposedBy: row.proposed_by,
    proposedAt: Number(row.proposed_at),
    moderatedBy: row.moderated_by,
    moderatedAt: orNull(row.moderated_at),
    comment: row.comment,
  };
}

async function insertRevision(tx: Queryable, r: StoredRevision): Promise<void> {
  await tx.run(`INSERT INTO gateway_revisions (${REVISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    r.recordId,
    r.revision,
    r.kind,
    r.state,
    JSON.stringify(r.body),
    r.basedOn,
    r.note,
    r.proposedBy,
    r.proposedAt,
    r.moderatedBy,
    r.moderatedAt,
    r.comment,
  ]);
}

/** What lists say of a record: its type, status and title (published, or of its newest revision). */
export type RecordSummary = Pick<StoredRecord, 'id' | 'type' | 'status' | 'proposedBy' | 'publishedAt' | 'mergedInto'> & { title: MultilingualText };

/** A pending revision awaiting moderation, with its record's type and status. */
export interface QueuedRevision {
  revision: StoredRevision;
  type: RecordType;
  status: RecordStatus;
  /** Open duplicate flags of its record. */
  duplicates: number;
}

export class RecordRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async find(id: string): Promise<StoredRecord | undefined> {
    const row = await this.db.get<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM gateway_records WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  /** Every revision of a record, oldest first. */
  async revisions(recordId: string): Promise<StoredRevision[]> {
    const rows = await this.db.all<RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM gateway_revisions WHERE record_id = ? ORDER BY revision`, [recordId]);
    return rows.map(toRevision);
  }

  /**
   * Stores a new record, pending, with its first revision and duplicate keys, flags its likely duplicates and
   * runs `within`, in one transaction.
   */
  async create(record: StoredRecord, revision: StoredRevision, within?: TransactionHook<FlagRecord[]>): Promise<FlagRecord[]> {
    return this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO gateway_records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, NULL, NULL)`, [
        record.id,
        record.type,
        record.status,
        record.version,
        record.revisions,
        record.proposedBy,
        record.proposedAt,
      ]);
      await insertRevision(tx, revision);
      await writeDuplicateKeys(tx, record.id, record.type, revision.body);
      const flags = await flagDuplicates(tx, record.id, revision.proposedAt);
      await within?.(tx, flags);
      return flags;
    });
  }

  /**
   * Adds a revision to a record still at `record.version`; the revisions numbered in `supersede` (pending ones
   * of the same proposer) become `superseded`. A record not published yet takes the revision's duplicate keys,
   * and its likely duplicates are flagged.
   */
  async addRevision(record: StoredRecord, revision: StoredRevision, supersede: readonly number[], within?: TransactionHook<FlagRecord[]>): Promise<Written> {
    return this.db.transaction(async (tx) => {
      if (!(await this.bump(tx, record, 'revisions = ?', [revision.revision]))) return { written: false };
      for (const n of supersede) await tx.run(`UPDATE gateway_revisions SET state = 'superseded' WHERE record_id = ? AND revision = ? AND state = 'pending'`, [record.id, n]);
      await insertRevision(tx, revision);
      let flags: FlagRecord[] = [];
      if (record.status === 'pending') {
        await writeDuplicateKeys(tx, record.id, record.type, revision.body);
        flags = await flagDuplicates(tx, record.id, revision.proposedAt);
      }
      await within?.(tx, flags);
      return { written: true, record: (await this.read(tx, record.id))!, flags };
    });
  }

  /**
   * Records a moderator's decision on a pending revision of a record still at `record.version`, and its
   * effect: publishing the revision (the body replaced, the record indexed anew, numbered in publication order
   * when first published, its duplicates flagged) or rejecting the record (its duplicate keys dropped).
   */
  async decide(record: StoredRecord, revision: StoredRevision, decision: Decision, within?: TransactionHook<FlagRecord[]>): Promise<Written> {
    return this.db.transaction(async (tx) => {
      if (!(await this.bump(tx, record))) return { written: false };
      await tx.run(`UPDATE gateway_revisions SET state = ?, moderated_by = ?, moderated_at = ?, comment = ? WHERE record_id = ? AND revision = ?`, [
        decision.state,
        decision.by,
        decision.at,
        decision.comment,
        record.id,
        decision.revision,
      ]);
      let flags: FlagRecord[] = [];
      if (decision.effect === 'publish') {
        const doc = record.doc ?? (await nextDoc(tx));
        await tx.run(`UPDATE gateway_records SET status = 'published', revision = ?, body = ?, doc = ?, published_at = COALESCE(published_at, ?), updated_at = ? WHERE id = ?`, [
          decision.revision,
          JSON.stringify(revision.body),
          doc,
          decision.at,
          decision.at,
          record.id,
        ]);
        if (record.doc !== null) await dropIndex(tx, record.doc);
        await writeIndex(tx, [{ doc, type: record.type, body: revision.body }]);
        await writeDuplicateKeys(tx, record.id, record.type, revision.body);
        flags = await flagDuplicates(tx, record.id, decision.at);
      } else if (decision.effect === 'reject') {
        await tx.run(`UPDATE gateway_records SET status = 'rejected' WHERE id = ?`, [record.id]);
        await dropDuplicateKeys(tx, record.id);
      }
      await within?.(tx, flags);
      return { written: true, record: (await this.read(tx, record.id))!, flags };
    });
  }

  /** The summaries of records by id (those that exist). */
  async summaries(ids: readonly string[]): Promise<Map<string, RecordSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.all<{ id: string; type: RecordType; status: RecordStatus; proposed_by: string; published_at: number | string | null; merged_into: string | null; body: string }>(
      `SELECT r.id, r.type, r.status, r.proposed_by, r.published_at, r.merged_into, COALESCE(r.body, v.body) AS body
       FROM gateway_records r JOIN gateway_revisions v ON v.record_id = r.id AND v.revision = r.revisions
       WHERE r.id IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, type: row.type, status: row.status, proposedBy: row.proposed_by, publishedAt: orNull(row.published_at), mergedInto: row.merged_into, title: (JSON.parse(row.body) as GatewayRecord).title as MultilingualText },
      ]),
    );
  }

  /** Pending revisions, oldest first, with what a moderator needs to pick one. */
  async queue(limit: number, offset: number): Promise<{ items: QueuedRevision[]; total: number }> {
    const rows = await this.db.all<RevisionRow & { type: RecordType; status: RecordStatus; duplicates: number | string }>(
      `SELECT v.record_id, v.revision, v.kind, v.state, v.body, v.based_on, v.note, v.proposed_by, v.proposed_at, v.moderated_by, v.moderated_at, v.comment, r.type, r.status,
        (SELECT COUNT(*) FROM gateway_duplicates d WHERE d.state = 'open' AND (d.record_id = v.record_id OR d.other_id = v.record_id)) AS duplicates
       FROM gateway_revisions v JOIN gateway_records r ON r.id = v.record_id
       WHERE v.state = 'pending'
       ORDER BY v.proposed_at, v.record_id, v.revision LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    const total = await this.db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM gateway_revisions WHERE state = 'pending'`);
    return { items: rows.map((row) => ({ revision: toRevision(row), type: row.type, status: row.status, duplicates: Number(row.duplicates) })), total: Number(total!.n) };
  }

  /** The first statement of every change: the version moves on only if it is still the one read. */
  private async bump(tx: Queryable, record: StoredRecord, set?: string, params: readonly (string | number)[] = []): Promise<boolean> {
    const extra = set ? `, ${set}` : '';
    return (await tx.run(`UPDATE gateway_records SET version = version + 1${extra} WHERE id = ? AND version = ?`, [...params, record.id, record.version])) === 1;
  }

  private async read(tx: Queryable, id: string): Promise<StoredRecord | undefined> {
    const row = await tx.get<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM gateway_records WHERE id = ?`, [id]);
    return row && toRecord(row);
  }
}
