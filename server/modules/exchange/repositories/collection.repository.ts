/**
 * Collections and who may read or write them. A grant names a principal as text (`user:<id>`, `org:<id>`,
 * `community:<id>`, `authenticated`), so new kinds of principal need no schema change.
 */
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';

export interface CollectionRow {
  id: string;
  api_root: string;
  title: string;
  description: string | null;
  alias: string | null;
  created_at: number;
  /** TLP rank given to objects that arrive with no TLP marking. */
  default_tlp: number;
}

export interface GrantRow {
  collection_id: string;
  principal: string;
  can_read: number;
  can_write: number;
}

const COLUMNS = 'id, api_root, title, description, alias, created_at, default_tlp';
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class CollectionRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  listInRoot(apiRoot: string): Promise<CollectionRow[]> {
    return this.db.all<CollectionRow>(`SELECT ${COLUMNS} FROM collections WHERE api_root = ? ORDER BY created_at, id`, [apiRoot]);
  }

  listAll(): Promise<CollectionRow[]> {
    return this.db.all<CollectionRow>(`SELECT ${COLUMNS} FROM collections ORDER BY api_root, created_at, id`);
  }

  find(id: string): Promise<CollectionRow | undefined> {
    return this.db.get<CollectionRow>(`SELECT ${COLUMNS} FROM collections WHERE id = ?`, [id]);
  }

  findByAlias(apiRoot: string, alias: string): Promise<CollectionRow | undefined> {
    return this.db.get<CollectionRow>(`SELECT ${COLUMNS} FROM collections WHERE api_root = ? AND alias = ?`, [apiRoot, alias]);
  }

  /**
   * Inserts a collection, gives it the next storage sequence number and stores its first `grants`; `within`
   * runs in the same transaction.
   */
  async create(row: CollectionRow, within?: TransactionHook, grants: readonly GrantRow[] = []): Promise<void> {
    await this.db.transaction(async (tx) => {
      const last = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM collections');
      await tx.run('INSERT INTO collections (id, seq, api_root, title, description, alias, created_at, default_tlp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        row.id,
        Number(last?.seq ?? 0) + 1,
        row.api_root,
        row.title,
        row.description,
        row.alias,
        row.created_at,
        row.default_tlp,
      ]);
      for (const grant of grants) await insertGrant(tx, { ...grant, collection_id: row.id });
      await within?.(tx, undefined);
    });
  }

  /** Grants of any of the principals, on any collection. */
  grantsFor(principals: readonly string[]): Promise<GrantRow[]> {
    if (principals.length === 0) return Promise.resolve([]);
    return this.db.all<GrantRow>(`SELECT * FROM collection_grants WHERE principal IN (${marks(principals.length)})`, principals);
  }

  /** Ids of the collections holding a version that names any of the principals as a recipient. */
  async namingRecipients(principals: readonly string[]): Promise<string[]> {
    if (principals.length === 0) return [];
    const rows = await this.db.all<{ id: string }>(
      `SELECT c.id FROM collections c WHERE EXISTS (
         SELECT 1 FROM object_recipients r WHERE r.collection_seq = c.seq AND r.principal IN (${marks(principals.length)}))`,
      principals,
    );
    return rows.map((row) => row.id);
  }

  grantsOn(collectionId: string): Promise<GrantRow[]> {
    return this.db.all<GrantRow>('SELECT * FROM collection_grants WHERE collection_id = ? ORDER BY principal', [collectionId]);
  }

  /** Sets (or, with both false, removes) a principal's access to a collection; `within` runs in the same transaction. */
  async setGrant(grant: GrantRow, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM collection_grants WHERE collection_id = ? AND principal = ?', [grant.collection_id, grant.principal]);
      if (grant.can_read || grant.can_write) await insertGrant(tx, grant);
      await within?.(tx, undefined);
    });
  }
}

function insertGrant(tx: Queryable, grant: GrantRow): Promise<number> {
  return tx.run('INSERT INTO collection_grants (collection_id, principal, can_read, can_write) VALUES (?, ?, ?, ?)', [
    grant.collection_id,
    grant.principal,
    grant.can_read,
    grant.can_write,
  ]);
}
