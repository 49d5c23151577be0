/** Storage of the defenders' feeds: the only SQL on `feeds`. Only token hashes ever reach it. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

/** A feed as stored. */
export interface FeedRecord {
  id: string;
  name: string;
  apiRoot: string;
  collectionId: string;
  format: string;
  /** TLP rank of the ceiling. */
  maxTlp: number;
  includeWarninglisted: boolean;
  /** The writer's options, as JSON. */
  options: string;
  tokenHash: string;
  /** `system` or a user id. */
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
  contentHash: string | null;
  serial: number;
}

interface FeedRow {
  id: string;
  name: string;
  api_root: string;
  collection_id: string;
  format: string;
  max_tlp: number;
  include_warninglisted: number;
  options: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
  content_hash: string | null;
  serial: number;
}

const COLUMNS = 'id, name, api_root, collection_id, format, max_tlp, include_warninglisted, options, token_hash, created_by, created_at, revoked_at, content_hash, serial';

function toRecord(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    name: row.name,
    apiRoot: row.api_root,
    collectionId: row.collection_id,
    format: row.format,
    maxTlp: Number(row.max_tlp),
    includeWarninglisted: Number(row.include_warninglisted) === 1,
    options: row.options,
    tokenHash: row.token_hash,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    contentHash: row.content_hash,
    serial: Number(row.serial),
  };
}

export class FeedRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Stores a new feed; `within` runs in the same transaction. */
  async insert(feed: FeedRecord, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO feeds (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        feed.id,
        feed.name,
        feed.apiRoot,
        feed.collectionId,
        feed.format,
        feed.maxTlp,
        feed.includeWarninglisted ? 1 : 0,
        feed.options,
        feed.tokenHash,
        feed.createdBy,
        feed.createdAt,
        feed.revokedAt,
        feed.contentHash,
        feed.serial,
      ]);
      await within?.(tx, undefined);
    });
  }

  async findById(id: string): Promise<FeedRecord | undefined> {
    const row = await this.db.get<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  async findByTokenHash(tokenHash: string): Promise<FeedRecord | undefined> {
    const row = await this.db.get<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE token_hash = ?`, [tokenHash]);
    return row && toRecord(row);
  }

  /** Every feed, or those one creator made; newest first. */
  async list(createdBy?: string): Promise<FeedRecord[]> {
    const rows = createdBy === undefined
      ? await this.db.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds ORDER BY created_at DESC, id`)
      : await this.db.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE created_by = ? ORDER BY created_at DESC, id`, [createdBy]);
    return rows.map(toRecord);
  }

  /** Marks a feed revoked (once: a second revocation changes nothing); `within` runs when it did. */
  async revoke(id: string, at: number, within?: TransactionHook<boolean>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = (await tx.run('UPDATE feeds SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])) > 0;
      if (changed) await within?.(tx, changed);
      return changed;
    });
  }

  /**
   * The serial of a content: the stored one when its digest is the one last served, else a new one above it
   * (`candidate`, or the stored serial + 1 when that is not above it), stored with the digest. Two processes
   * serving a new content at once both move the serial up; the last write stays.
   */
  async serialFor(id: string, contentHash: string, candidate: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ content_hash: string | null; serial: number }>('SELECT content_hash, serial FROM feeds WHERE id = ?', [id]);
      if (!row) return candidate;
      if (row.content_hash === contentHash) return Number(row.serial);
      const serial = Math.max(candidate, Number(row.serial) + 1);
      await tx.run('UPDATE feeds SET content_hash = ?, serial = ? WHERE id = ?', [contentHash, serial, id]);
      return serial;
    });
  }
}
