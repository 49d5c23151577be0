/** Storage of the observable index: the only SQL on `observables`. Values arrive in normal form. */
import type { Database } from '../../../core/db/database.ts';

/** One indexed value of one object version. */
export interface ObservableRow {
  type: string;
  value: string;
  addressKey: string | null;
  /** For a network: its prefix length. */
  prefix: number | null;
  collectionId: string;
  stixId: string;
  version: string;
}

/** Where an object version holds a value: what a search answers. */
export interface ObservableHit {
  type: string;
  value: string;
  collectionId: string;
  stixId: string;
  version: string;
}

const INSERT_CHUNK = 500;
const VALUES_CHUNK = 500;
/** A range of addresses answers at most this many rows (the first, in key order). */
export const RANGE_LIMIT = 1_000;

interface HitRow {
  type: string;
  value: string;
  collection_id: string;
  stix_id: string;
  version: string;
}

const COLUMNS = 'type, value, collection_id, stix_id, version';

const toHit = (row: HitRow): ObservableHit => ({ type: row.type, value: row.value, collectionId: row.collection_id, stixId: row.stix_id, version: row.version });

export class ObservableRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Adds rows (and the prefix lengths of their networks); a row already there is left as it is. */
  async add(rows: readonly ObservableRow[]): Promise<void> {
    const prefixes = new Map(rows.filter((r) => r.prefix !== null).map((r) => [`${r.type}/${r.prefix}`, [r.type, r.prefix!] as const]));
    for (const [type, prefix] of prefixes.values()) await this.db.run('INSERT INTO observable_prefixes (type, prefix) VALUES (?, ?) ON CONFLICT DO NOTHING', [type, prefix]);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const params = chunk.flatMap((r) => [r.type, r.value, r.addressKey, r.collectionId, r.stixId, r.version]);
      const placeholders = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
      await this.db.run(`INSERT INTO observables (type, value, address_key, collection_id, stix_id, version) VALUES ${placeholders} ON CONFLICT DO NOTHING`, params);
    }
  }

  /** Removes every row of an object in a collection. */
  async removeObject(collectionId: string, stixId: string): Promise<void> {
    await this.db.run('DELETE FROM observables WHERE collection_id = ? AND stix_id = ?', [collectionId, stixId]);
  }

  /** Removes every row (before a reindex). */
  async clear(): Promise<void> {
    await this.db.run('DELETE FROM observables');
  }

  /** The prefix lengths of the networks indexed, by type. */
  async prefixes(): Promise<Map<string, Set<number>>> {
    const found = new Map<string, Set<number>>();
    for (const row of await this.db.all<{ type: string; prefix: number }>('SELECT type, prefix FROM observable_prefixes')) {
      found.set(row.type, (found.get(row.type) ?? new Set()).add(Number(row.prefix)));
    }
    return found;
  }

  /** The rows holding any of `values` (of one type). */
  async findValues(type: string, values: readonly string[]): Promise<ObservableHit[]> {
    const hits: ObservableHit[] = [];
    const distinct = [...new Set(values)];
    for (let i = 0; i < distinct.length; i += VALUES_CHUNK) {
      const chunk = distinct.slice(i, i + VALUES_CHUNK);
      const rows = await this.db.all<HitRow>(`SELECT ${COLUMNS} FROM observables WHERE type = ? AND value IN (${chunk.map(() => '?').join(', ')})`, [type, ...chunk]);
      hits.push(...rows.map(toHit));
    }
    return hits;
  }

  /** The rows of single addresses (of one type) whose key is in the range, the first `RANGE_LIMIT` in key order. */
  async findInRange(type: string, range: { first: string; last: string }): Promise<ObservableHit[]> {
    const rows = await this.db.all<HitRow>(`SELECT ${COLUMNS} FROM observables WHERE type = ? AND address_key >= ? AND address_key <= ? ORDER BY address_key LIMIT ?`, [
      type,
      range.first,
      range.last,
      RANGE_LIMIT,
    ]);
    return rows.map(toHit);
  }

  /** How many rows the index holds. */
  async count(): Promise<number> {
    const row = await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM observables');
    return Number(row?.n ?? 0);
  }
}
