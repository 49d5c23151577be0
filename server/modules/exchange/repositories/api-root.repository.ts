/** TAXII API roots: each one a URL segment (`/thiqa/`, `/arab-cirts/`) with its own collections. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

export interface ApiRootRow {
  name: string;
  title: string;
  description: string | null;
  max_content_length: number;
  is_default: number;
  created_at: number;
}

export class ApiRootRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  list(): Promise<ApiRootRow[]> {
    return this.db.all<ApiRootRow>('SELECT * FROM api_roots ORDER BY created_at, name');
  }

  find(name: string): Promise<ApiRootRow | undefined> {
    return this.db.get<ApiRootRow>('SELECT * FROM api_roots WHERE name = ?', [name]);
  }

  /** Inserts an API root (and runs `within` in the same transaction); answers false when the name is taken. */
  async create(row: ApiRootRow, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (row.is_default) await tx.run('UPDATE api_roots SET is_default = 0');
      const changed = await tx.run(
        `INSERT INTO api_roots (name, title, description, max_content_length, is_default, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
        [row.name, row.title, row.description, row.max_content_length, row.is_default, row.created_at],
      );
      if (changed === 1) await within?.(tx, undefined);
      return changed === 1;
    });
  }
}
