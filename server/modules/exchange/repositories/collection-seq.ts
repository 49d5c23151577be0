/**
 * A collection's storage sequence number (`collections.seq`), which object rows are keyed by instead of the
 * collection id. It never changes, so each repository keeps the numbers it has looked up.
 */
import type { Database } from '../../../core/db/database.ts';

export class CollectionSeqs {
  private readonly db: Database;
  private readonly seqs = new Map<string, number>();

  constructor(db: Database) {
    this.db = db;
  }

  /** The sequence number of a collection; throws for a collection with none (a programming error). */
  async of(collectionId: string): Promise<number> {
    let seq = this.seqs.get(collectionId);
    if (seq === undefined) {
      const row = await this.db.get<{ seq: number }>('SELECT seq FROM collections WHERE id = ?', [collectionId]);
      if (!row) throw new Error(`collection ${collectionId} has no storage sequence number`);
      seq = Number(row.seq);
      this.seqs.set(collectionId, seq);
    }
    return seq;
  }
}
