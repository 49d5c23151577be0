/**
 * Where versions came from and what could not be stored: the only SQL on `federation_provenance` and
 * `federation_quarantine`.
 */
import type { Database, SqlValue } from '../../../core/db/database.ts';

export interface ArrivalRow {
  stixId: string;
  version: string;
}

export interface ProvenanceRow {
  stix_id: string;
  version: string;
  peer_id: string;
  link_id: string;
  first_at: number;
  last_at: number;
  arrivals: number;
}

export interface QuarantineRow {
  id: string;
  peer_id: string;
  link_id: string;
  received_at: number;
  stix_id: string | null;
  object_json: string;
  truncated: number;
  /** JSON list of rule codes. */
  reasons: string;
}

const CHUNK = 500;

export class ProvenanceRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Records that `peerId` delivered these versions into `collectionId` at `at` (first arrival or another).
   * A version listed twice counts once. On PostgreSQL the pairs travel as two arrays in one statement.
   */
  async recordArrivals(collectionId: string, peerId: string, linkId: string, at: number, arrivals: readonly ArrivalRow[]): Promise<void> {
    const unique = [...new Map(arrivals.map((a) => [`${a.stixId}\u0000${a.version}`, a])).values()];
    if (unique.length === 0) return;
    const onConflict = `ON CONFLICT (collection_id, stix_id, version, peer_id)
      DO UPDATE SET last_at = excluded.last_at, arrivals = federation_provenance.arrivals + 1`;
    if (this.db.dialect === 'postgres') {
      await this.db.run(
        `INSERT INTO federation_provenance (collection_id, stix_id, version, peer_id, link_id, first_at, last_at, arrivals)
         SELECT ?, t.stix_id, t.version, ?, ?, ?, ?, 1 FROM unnest(?::text[], ?::text[]) AS t(stix_id, version) ${onConflict}`,
        [collectionId, peerId, linkId, at, at, unique.map((a) => a.stixId), unique.map((a) => a.version)],
      );
      return;
    }
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < unique.length; start += CHUNK) {
        const chunk = unique.slice(start, start + CHUNK);
        const params: SqlValue[] = [];
        for (const a of chunk) params.push(collectionId, a.stixId, a.version, peerId, linkId, at, at);
        await tx.run(
          `INSERT INTO federation_provenance (collection_id, stix_id, version, peer_id, link_id, first_at, last_at, arrivals)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, 1)').join(', ')} ${onConflict}`,
          params,
        );
      }
    });
  }

  /** Peers that delivered each of these (id, version) pairs into the collection: `id\u0000version` → peer ids. */
  async deliverers(collectionId: string, keys: readonly ArrivalRow[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const ids = [...new Set(keys.map((k) => k.stixId))];
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const rows = await this.db.all<{ stix_id: string; version: string; peer_id: string }>(
        `SELECT stix_id, version, peer_id FROM federation_provenance WHERE collection_id = ? AND stix_id IN (${chunk.map(() => '?').join(', ')})`,
        [collectionId, ...chunk],
      );
      for (const row of rows) {
        const key = `${row.stix_id}\u0000${row.version}`;
        found.set(key, [...(found.get(key) ?? []), row.peer_id]);
      }
    }
    return found;
  }

  /** The versions one link of a peer delivered into a collection (each once, by id). */
  async deliveredBy(collectionId: string, peerId: string, linkId: string): Promise<ArrivalRow[]> {
    const rows = await this.db.all<{ stix_id: string; version: string }>(
      'SELECT stix_id, version FROM federation_provenance WHERE collection_id = ? AND peer_id = ? AND link_id = ? ORDER BY stix_id, version',
      [collectionId, peerId, linkId],
    );
    return rows.map((row) => ({ stixId: row.stix_id, version: row.version }));
  }

  /** Every provenance of one object in a collection, oldest arrival first. */
  async ofObject(collectionId: string, stixId: string): Promise<ProvenanceRow[]> {
    const rows = await this.db.all<ProvenanceRow>(
      'SELECT stix_id, version, peer_id, link_id, first_at, last_at, arrivals FROM federation_provenance WHERE collection_id = ? AND stix_id = ? ORDER BY first_at, peer_id',
      [collectionId, stixId],
    );
    return rows.map((row) => ({ ...row, first_at: Number(row.first_at), last_at: Number(row.last_at), arrivals: Number(row.arrivals) }));
  }

  async quarantine(rows: readonly QuarantineRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const r of rows) {
        await tx.run(
          'INSERT INTO federation_quarantine (id, peer_id, link_id, received_at, stix_id, object_json, truncated, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [r.id, r.peer_id, r.link_id, r.received_at, r.stix_id, r.object_json, r.truncated, r.reasons],
        );
      }
    });
  }

  /** The newest quarantined objects (of one link, or all), at most `limit`. */
  async quarantined(linkId: string | undefined, limit: number): Promise<QuarantineRow[]> {
    const rows = linkId
      ? await this.db.all<QuarantineRow>('SELECT * FROM federation_quarantine WHERE link_id = ? ORDER BY received_at DESC, id LIMIT ?', [linkId, limit])
      : await this.db.all<QuarantineRow>('SELECT * FROM federation_quarantine ORDER BY received_at DESC, id LIMIT ?', [limit]);
    return rows.map((row) => ({ ...row, received_at: Number(row.received_at), truncated: Number(row.truncated) }));
  }
}
