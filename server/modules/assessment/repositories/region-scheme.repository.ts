/**
 * Storage of region schemes: the only SQL on `assessment_region_schemes`, `assessment_scheme_regions` and
 * `assessment_region_members`. A scheme is written whole in one transaction, and replaced whole.
 */
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';
import { editionNameKey } from './edition.repository.ts';

export interface RegionSchemeRecord {
  id: string;
  name: string;
  /** The file it was imported from. */
  source: string | null;
  createdAt: number;
  /** When it was last imported (its creation, or its last replacement). */
  updatedAt: number;
}

export interface RegionSchemeSummary extends RegionSchemeRecord {
  regions: number;
  /** Distinct countries over all its regions. */
  countries: number;
}

export interface SchemeRegionRecord {
  region: string;
  name: string;
  names: Partial<Record<Language, string>>;
  countries: readonly string[];
}

/** A scheme as stored, and whether it replaced one of the same name. */
export interface StoredScheme {
  scheme: RegionSchemeRecord;
  replaced: boolean;
}

interface SchemeRow {
  id: string;
  name: string;
  source: string | null;
  created_at: number | string;
  updated_at: number | string;
}

const COLUMNS = 'id, name, source, created_at, updated_at';
const toRecord = (row: SchemeRow): RegionSchemeRecord => ({ id: row.id, name: row.name, source: row.source, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) });

/** By code point: SQL's ORDER BY on text collates differently across the two databases, so lists are sorted here. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Scheme names are unique as edition names are: NFC, trimmed, lower case, in JavaScript. */
export const schemeNameKey = editionNameKey;

export class RegionSchemeRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores a scheme with its regions in one transaction. When the name is taken: with `replace`, the stored
   * scheme keeps its id and creation time and gets the new name as written, source and regions (its old
   * regions are gone); without, nothing is stored and the answer is undefined. `within` runs last in the
   * same transaction, with what was stored.
   */
  async store(record: RegionSchemeRecord, regions: readonly SchemeRegionRecord[], replace: boolean, within?: TransactionHook<StoredScheme>): Promise<StoredScheme | undefined> {
    return this.db.transaction(async (tx) => {
      const key = schemeNameKey(record.name);
      const added = await tx.run(`INSERT INTO assessment_region_schemes (${COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, [
        record.id,
        record.name,
        record.source,
        record.createdAt,
        record.updatedAt,
        key,
      ]);
      let scheme = record;
      if (added !== 1) {
        if (!replace) return undefined;
        // The row lock (PostgreSQL) orders concurrent replacements; SQLite has one writer.
        const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
        const row = (await tx.get<SchemeRow>(`SELECT ${COLUMNS} FROM assessment_region_schemes WHERE name_key = ?${lock}`, [key]))!;
        scheme = { ...record, id: row.id, createdAt: Number(row.created_at) };
        await tx.run('DELETE FROM assessment_region_members WHERE scheme_id = ?', [scheme.id]);
        await tx.run('DELETE FROM assessment_scheme_regions WHERE scheme_id = ?', [scheme.id]);
        await tx.run('UPDATE assessment_region_schemes SET name = ?, source = ?, updated_at = ? WHERE id = ?', [scheme.name, scheme.source, scheme.updatedAt, scheme.id]);
      }
      await insertRegions(tx, scheme.id, regions);
      const stored = { scheme, replaced: added !== 1 };
      await within?.(tx, stored);
      return stored;
    });
  }

  async findByName(name: string): Promise<RegionSchemeRecord | undefined> {
    const row = await this.db.get<SchemeRow>(`SELECT ${COLUMNS} FROM assessment_region_schemes WHERE name_key = ?`, [schemeNameKey(name)]);
    return row && toRecord(row);
  }

  /** Every scheme by name, with how many regions and distinct countries it has. */
  async list(): Promise<RegionSchemeSummary[]> {
    const rows = await this.db.all<SchemeRow & { regions: number | string; countries: number | string }>(
      `SELECT s.id, s.name, s.source, s.created_at, s.updated_at,
        (SELECT COUNT(*) FROM assessment_scheme_regions r WHERE r.scheme_id = s.id) AS regions,
        (SELECT COUNT(DISTINCT m.country) FROM assessment_region_members m WHERE m.scheme_id = s.id) AS countries
       FROM assessment_region_schemes s`,
    );
    const key = (row: SchemeRow) => schemeNameKey(row.name);
    return rows.sort((a, b) => byCode(key(a), key(b))).map((row) => ({ ...toRecord(row), regions: Number(row.regions), countries: Number(row.countries) }));
  }

  /** The regions of a scheme by code, each with its countries sorted. */
  async regions(schemeId: string): Promise<SchemeRegionRecord[]> {
    const regions = await this.db.all<{ region: string; name: string; names: string }>('SELECT region, name, names FROM assessment_scheme_regions WHERE scheme_id = ?', [schemeId]);
    const members = await this.db.all<{ region: string; country: string }>('SELECT region, country FROM assessment_region_members WHERE scheme_id = ?', [schemeId]);
    const countries = new Map<string, string[]>(regions.map((r) => [r.region, []]));
    for (const member of members) countries.get(member.region)!.push(member.country);
    return regions
      .map((r) => ({ region: r.region, name: r.name, names: JSON.parse(r.names) as Partial<Record<Language, string>>, countries: countries.get(r.region)!.sort(byCode) }))
      .sort((a, b) => byCode(a.region, b.region));
  }
}

async function insertRegions(tx: Queryable, schemeId: string, regions: readonly SchemeRegionRecord[]): Promise<void> {
  for (const region of regions) {
    await tx.run('INSERT INTO assessment_scheme_regions (scheme_id, region, name, names) VALUES (?, ?, ?, ?)', [schemeId, region.region, region.name, JSON.stringify(region.names)]);
    for (const country of region.countries) {
      await tx.run('INSERT INTO assessment_region_members (scheme_id, region, country) VALUES (?, ?, ?)', [schemeId, region.region, country]);
    }
  }
}
