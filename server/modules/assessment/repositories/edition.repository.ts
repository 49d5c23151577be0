/** Storage of editions and their results: the only SQL on `assessment_editions`, `assessment_results` and `assessment_pillar_scores`. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

export interface EditionRecord {
  id: string;
  name: string;
  kind: 'scores-only';
  year: number | null;
  source: string | null;
  createdAt: number;
}

export interface ResultRecord {
  country: string;
  overall: number;
  pillars: Record<string, number>;
}

interface EditionRow {
  id: string;
  name: string;
  kind: 'scores-only';
  year: number | string | null;
  source: string | null;
  created_at: number | string;
}

const COLUMNS = 'id, name, kind, year, source, created_at';
const toRecord = (row: EditionRow): EditionRecord => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  year: row.year === null ? null : Number(row.year),
  source: row.source,
  createdAt: Number(row.created_at),
});

/** Names are unique by: NFC, lower case, in JavaScript (SQL `lower()` differs across the two databases). */
export const editionNameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

export class EditionRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores an edition with its results in one transaction; answers false, storing nothing, when the name is
   * taken. `within` runs last in the same transaction.
   */
  async insert(edition: EditionRecord, results: readonly ResultRecord[], within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const added = await tx.run(
        `INSERT INTO assessment_editions (${COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [edition.id, edition.name, edition.kind, edition.year, edition.source, edition.createdAt, editionNameKey(edition.name)],
      );
      if (added !== 1) return false;
      for (const result of results) {
        await tx.run('INSERT INTO assessment_results (edition_id, country, overall) VALUES (?, ?, ?)', [edition.id, result.country, result.overall]);
        for (const [pillar, score] of Object.entries(result.pillars)) {
          await tx.run('INSERT INTO assessment_pillar_scores (edition_id, country, pillar, score) VALUES (?, ?, ?, ?)', [edition.id, result.country, pillar, score]);
        }
      }
      await within?.(tx, undefined);
      return true;
    });
  }

  async findByName(name: string): Promise<EditionRecord | undefined> {
    const row = await this.db.get<EditionRow>(`SELECT ${COLUMNS} FROM assessment_editions WHERE name_key = ?`, [editionNameKey(name)]);
    return row && toRecord(row);
  }

  async list(): Promise<EditionRecord[]> {
    return (await this.db.all<EditionRow>(`SELECT ${COLUMNS} FROM assessment_editions ORDER BY year, name_key`)).map(toRecord);
  }

  /** Which editions have a result for a country. */
  async editionsOf(country: string): Promise<EditionRecord[]> {
    const rows = await this.db.all<EditionRow>(
      `SELECT e.id, e.name, e.kind, e.year, e.source, e.created_at FROM assessment_editions e
       JOIN assessment_results r ON r.edition_id = e.id AND r.country = ? ORDER BY e.year, e.name_key`,
      [country],
    );
    return rows.map(toRecord);
  }

  /** The results of an edition, by country code. */
  async results(editionId: string): Promise<ResultRecord[]> {
    const overall = await this.db.all<{ country: string; overall: number | string }>('SELECT country, overall FROM assessment_results WHERE edition_id = ? ORDER BY country', [editionId]);
    const pillars = await this.db.all<{ country: string; pillar: string; score: number | string }>(
      'SELECT country, pillar, score FROM assessment_pillar_scores WHERE edition_id = ?',
      [editionId],
    );
    const byCountry = new Map(overall.map((row) => [row.country, { country: row.country, overall: Number(row.overall), pillars: {} as Record<string, number> }]));
    for (const row of pillars) byCountry.get(row.country)!.pillars[row.pillar] = Number(row.score);
    return [...byCountry.values()];
  }
}
