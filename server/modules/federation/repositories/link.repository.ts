/** Links and their cursors and health: the only SQL on `federation_links`. */
import type { Database, Queryable } from '../../../core/db/database.ts';

export type Direction = 'pull' | 'push' | 'both';
export type Mode = 'scheduled' | 'continuous';

export interface LinkRow {
  id: string;
  peer_id: string;
  remote_collection: string;
  local_api_root: string;
  local_collection: string;
  direction: Direction;
  mode: Mode;
  propagate_deletions: number;
  community_id: string | null;
  /** The remote's last `date_added` fully stored here, as it sent it (or its `next`: `next:<token>`). */
  pull_cursor: string | null;
  /** The local `date_added` (µs) of the last version the peer acknowledged. */
  push_cursor: number;
  /** The local `date_added` (µs) of the last deletion passed on. */
  delete_cursor: number;
  last_success_at: number | null;
  last_attempt_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  failures: number;
  created_at: number;
  /** When the peer's manifest was last compared with what it delivered (pull-side deletions); null: never. */
  last_reconcile_at: number | null;
}

const NUMBERS = ['push_cursor', 'delete_cursor', 'last_success_at', 'last_attempt_at', 'failures', 'created_at', 'propagate_deletions', 'last_reconcile_at'] as const;

function fromDb(row: LinkRow): LinkRow {
  const out = { ...row } as Record<string, unknown>;
  for (const key of NUMBERS) if (out[key] !== null && out[key] !== undefined) out[key] = Number(out[key]);
  return out as unknown as LinkRow;
}

export class LinkRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Inserts a link; answers false when the same peer, remote and local collection are already linked. */
  async insert(row: LinkRow): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const taken = await tx.get('SELECT id FROM federation_links WHERE peer_id = ? AND remote_collection = ? AND local_collection = ?', [
        row.peer_id,
        row.remote_collection,
        row.local_collection,
      ]);
      if (taken) return false;
      await tx.run(
        `INSERT INTO federation_links (id, peer_id, remote_collection, local_api_root, local_collection, direction, mode,
           propagate_deletions, community_id, pull_cursor, push_cursor, delete_cursor, failures, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 0, 0, ?)`,
        [row.id, row.peer_id, row.remote_collection, row.local_api_root, row.local_collection, row.direction, row.mode, row.propagate_deletions, row.community_id, row.created_at],
      );
      return true;
    });
  }

  async find(id: string): Promise<LinkRow | undefined> {
    const row = await this.db.get<LinkRow>('SELECT * FROM federation_links WHERE id = ?', [id]);
    return row && fromDb(row);
  }

  async list(): Promise<LinkRow[]> {
    return (await this.db.all<LinkRow>('SELECT * FROM federation_links ORDER BY created_at, id')).map(fromDb);
  }

  /** Moves the pull cursor, inside the transaction that stored what it covers (`tx`) or on its own. */
  async setPullCursor(id: string, cursor: string, tx: Queryable = this.db): Promise<void> {
    await tx.run('UPDATE federation_links SET pull_cursor = ? WHERE id = ?', [cursor, id]);
  }

  async setPushCursor(id: string, cursor: number): Promise<void> {
    await this.db.run('UPDATE federation_links SET push_cursor = ? WHERE id = ? AND push_cursor < ?', [cursor, id, cursor]);
  }

  async setDeleteCursor(id: string, cursor: number): Promise<void> {
    await this.db.run('UPDATE federation_links SET delete_cursor = ? WHERE id = ? AND delete_cursor < ?', [cursor, id, cursor]);
  }

  async setReconciledAt(id: string, at: number): Promise<void> {
    await this.db.run('UPDATE federation_links SET last_reconcile_at = ? WHERE id = ?', [at, id]);
  }

  /** Removes a link; answers false when there was none. */
  async remove(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM federation_links WHERE id = ?', [id])) > 0;
  }

  async recordSuccess(id: string, at: number): Promise<void> {
    await this.db.run('UPDATE federation_links SET last_success_at = ?, last_attempt_at = ?, failures = 0, last_error_code = NULL, last_error_message = NULL WHERE id = ?', [at, at, id]);
  }

  async recordFailure(id: string, at: number, code: string, message: string): Promise<void> {
    await this.db.run('UPDATE federation_links SET last_attempt_at = ?, failures = failures + 1, last_error_code = ?, last_error_message = ? WHERE id = ?', [at, code, message, id]);
  }
}
