/** Storage of frameworks: the only SQL on `assessment_frameworks`. A stored version never changes. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

export interface FrameworkRecord {
  id: string;
  version: string;
  /** The framework's JSON, as validated. */
  body: string;
  createdAt: number;
}

interface FrameworkRow {
  id: string;
  version: string;
  body: string;
  created_at: number | string;
}

const toRecord = (row: FrameworkRow): FrameworkRecord => ({ id: row.id, version: row.version, body: row.body, createdAt: Number(row.created_at) });

export class FrameworkRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Stores a version; answers false, storing nothing, when that id and version exist. `within` runs in the same transaction. */
  async insert(record: FrameworkRecord, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const added = await tx.run('INSERT INTO assessment_frameworks (id, version, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
        record.id,
        record.version,
        record.body,
        record.createdAt,
      ]);
      if (added === 1) await within?.(tx, undefined);
      return added === 1;
    });
  }

  async find(id: string, version: string): Promise<FrameworkRecord | undefined> {
    const row = await this.db.get<FrameworkRow>('SELECT id, version, body, created_at FROM assessment_frameworks WHERE id = ? AND version = ?', [id, version]);
    return row && toRecord(row);
  }

  /** The most recently stored version of a framework. */
  async latest(id: string): Promise<FrameworkRecord | undefined> {
    const row = await this.db.get<FrameworkRow>('SELECT id, version, body, created_at FROM assessment_frameworks WHERE id = ? ORDER BY created_at DESC, version DESC LIMIT 1', [id]);
    return row && toRecord(row);
  }

  /** Every stored version, without bodies' weight beyond what the list needs. */
  async list(): Promise<Omit<FrameworkRecord, 'body'>[]> {
    const rows = await this.db.all<Omit<FrameworkRow, 'body'>>('SELECT id, version, created_at FROM assessment_frameworks ORDER BY id, created_at');
    return rows.map((row) => ({ id: row.id, version: row.version, createdAt: Number(row.created_at) }));
  }
}
