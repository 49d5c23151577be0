/**
 * Storage of evidence: the only SQL on `assessment_evidence`. A file's bytes are kept in the row (read only
 * when the file itself is asked for); a link keeps its address.
 */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

export type EvidenceVisibility = 'public' | 'restricted';

export interface EvidenceRecord {
  id: string;
  editionId: string;
  country: string;
  question: string;
  kind: 'file' | 'link';
  visibility: EvidenceVisibility;
  /** A file's name, or a link's title. */
  name: string;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  addedBy: string;
  addedAt: number;
}

interface EvidenceRow {
  id: string;
  edition_id: string;
  country: string;
  question: string;
  kind: 'file' | 'link';
  visibility: EvidenceVisibility;
  name: string;
  media_type: string | null;
  size: number | string | null;
  sha256: string | null;
  url: string | null;
  added_by: string;
  added_at: number | string;
}

const COLUMNS = 'id, edition_id, country, question, kind, visibility, name, media_type, size, sha256, url, added_by, added_at';

const toRecord = (row: EvidenceRow): EvidenceRecord => ({
  id: row.id,
  editionId: row.edition_id,
  country: row.country,
  question: row.question,
  kind: row.kind,
  visibility: row.visibility,
  name: row.name,
  mediaType: row.media_type,
  size: row.size === null ? null : Number(row.size),
  sha256: row.sha256,
  url: row.url,
  addedBy: row.added_by,
  addedAt: Number(row.added_at),
});

export class EvidenceRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async insert(record: EvidenceRecord, content: Uint8Array | null, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO assessment_evidence (${COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        record.id,
        record.editionId,
        record.country,
        record.question,
        record.kind,
        record.visibility,
        record.name,
        record.mediaType,
        record.size,
        record.sha256,
        record.url,
        record.addedBy,
        record.addedAt,
        content,
      ]);
      await within?.(tx, undefined);
    });
  }

  async find(id: string): Promise<EvidenceRecord | undefined> {
    const row = await this.db.get<EvidenceRow>(`SELECT ${COLUMNS} FROM assessment_evidence WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  /** A file's bytes. */
  async content(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.get<{ content: Uint8Array | null }>('SELECT content FROM assessment_evidence WHERE id = ?', [id]);
    return row?.content ?? undefined;
  }

  /** A participant's evidence (every country's when `country` is not given), oldest first. */
  async list(editionId: string, country?: string): Promise<EvidenceRecord[]> {
    const rows =
      country === undefined
        ? await this.db.all<EvidenceRow>(`SELECT ${COLUMNS} FROM assessment_evidence WHERE edition_id = ? ORDER BY added_at, id`, [editionId])
        : await this.db.all<EvidenceRow>(`SELECT ${COLUMNS} FROM assessment_evidence WHERE edition_id = ? AND country = ? ORDER BY added_at, id`, [editionId, country]);
    return rows.map(toRecord);
  }

  async delete(id: string, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = await tx.run('DELETE FROM assessment_evidence WHERE id = ?', [id]);
      if (removed === 1) await within?.(tx, undefined);
      return removed === 1;
    });
  }
}
