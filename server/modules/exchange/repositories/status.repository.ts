/** TAXII status resources: the outcome of each add-objects request, kept so any node can answer for it. */
import type { Database } from '../../../core/db/database.ts';

export interface StatusRow {
  id: string;
  api_root: string;
  collection_id: string;
  /** The principal that made the request (`user:<id>`, `system`). */
  owner: string;
  request_timestamp: number;
  status: 'complete' | 'pending';
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  /** JSON: { successes, failures, pendings }. */
  details: string;
}

export class StatusRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async create(row: StatusRow): Promise<void> {
    await this.db.run(
      `INSERT INTO add_statuses (id, api_root, collection_id, owner, request_timestamp, status, total_count,
         success_count, failure_count, pending_count, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.api_root,
        row.collection_id,
        row.owner,
        row.request_timestamp,
        row.status,
        row.total_count,
        row.success_count,
        row.failure_count,
        row.pending_count,
        row.details,
      ],
    );
  }

  find(apiRoot: string, id: string): Promise<StatusRow | undefined> {
    return this.db.get<StatusRow>('SELECT * FROM add_statuses WHERE api_root = ? AND id = ?', [apiRoot, id]);
  }
}
