/** Storage of editions and their results: the only SQL on `assessment_editions`, `assessment_results` and `assessment_pillar_scores`. */
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';
import type { Tier } from '../../../../shared/assessment/scoring.ts';

export type EditionKind = 'scores-only' | 'cycle';
/** `open`: answers and reviews go on; `finalised`: frozen and scored, seen by the team; `published`: public. */
export type EditionStatus = 'open' | 'finalised' | 'published';

export interface EditionRecord {
  id: string;
  name: string;
  kind: EditionKind;
  status: EditionStatus;
  year: number | null;
  source: string | null;
  createdAt: number;
  /** The framework version a cycle runs on; null for scores-only editions. */
  framework: { id: string; version: string } | null;
  answersDue: number | null;
  reviewDue: number | null;
  /** The edition's tier cut-offs; null: the default tiers. */
  tiers: Tier[] | null;
  publishedAt: number | null;
}

export interface ResultRecord {
  country: string;
  overall: number;
  pillars: Record<string, number>;
  /** How a cycle edition assessed the country; absent for published results from elsewhere. */
  basis?: string | null | undefined;
}

interface EditionRow {
  id: string;
  name: string;
  kind: EditionKind;
  status: EditionStatus;
  year: number | string | null;
  source: string | null;
  created_at: number | string;
  framework_id: string | null;
  framework_version: string | null;
  answers_due: number | string | null;
  review_due: number | string | null;
  tiers: string | null;
  published_at: number | string | null;
}

const COLUMNS = 'id, name, kind, status, year, source, created_at, framework_id, framework_version, answers_due, review_due, tiers, published_at';
const E_COLUMNS = COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');
const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));
const toRecord = (row: EditionRow): EditionRecord => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  status: row.status,
  year: numberOrNull(row.year),
  source: row.source,
  createdAt: Number(row.created_at),
  framework: row.framework_id === null ? null : { id: row.framework_id, version: row.framework_version! },
  answersDue: numberOrNull(row.answers_due),
  reviewDue: numberOrNull(row.review_due),
  tiers: row.tiers === null ? null : (JSON.parse(row.tiers) as Tier[]),
  publishedAt: numberOrNull(row.published_at),
});

/** Names are unique by: NFC, lower case, in JavaScript (SQL `lower()` differs across the two databases). */
export const editionNameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

async function insertResults(tx: Queryable, editionId: string, results: readonly ResultRecord[]): Promise<void> {
  for (const result of results) {
    await tx.run('INSERT INTO assessment_results (edition_id, country, overall, basis) VALUES (?, ?, ?, ?)', [editionId, result.country, result.overall, result.basis ?? null]);
    for (const [pillar, score] of Object.entries(result.pillars)) {
      await tx.run('INSERT INTO assessment_pillar_scores (edition_id, country, pillar, score) VALUES (?, ?, ?, ?)', [editionId, result.country, pillar, score]);
    }
  }
}

export class EditionRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores an edition (with its results, for a scores-only one) in one transaction; answers false, storing
   * nothing, when the name is taken. `within` runs last in the same transaction.
   */
  async insert(edition: EditionRecord, results: readonly ResultRecord[], within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const added = await tx.run(
        `INSERT INTO assessment_editions (${COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          edition.id,
          edition.name,
          edition.kind,
          edition.status,
          edition.year,
          edition.source,
          edition.createdAt,
          edition.framework?.id ?? null,
          edition.framework?.version ?? null,
          edition.answersDue,
          edition.reviewDue,
          edition.tiers === null ? null : JSON.stringify(edition.tiers),
          edition.publishedAt,
          editionNameKey(edition.name),
        ],
      );
      if (added !== 1) return false;
      await insertResults(tx, edition.id, results);
      await within?.(tx, undefined);
      return true;
    });
  }

  /**
   * Freezes an open edition: its results and snapshot stored, status `finalised`, in one transaction with
   * `within`. Answers false when the edition was no longer open (someone finalised it first).
   */
  async finalise(editionId: string, results: readonly ResultRecord[], snapshot: string, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE assessment_editions SET status = 'finalised', snapshot = ? WHERE id = ? AND status = 'open'`, [snapshot, editionId]);
      if (changed !== 1) return false;
      await insertResults(tx, editionId, results);
      await within?.(tx, undefined);
      return true;
    });
  }

  /** Publishes a finalised edition; false when it was not finalised. */
  async publish(editionId: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE assessment_editions SET status = 'published', published_at = ? WHERE id = ? AND status = 'finalised'`, [at, editionId]);
      if (changed === 1) await within?.(tx, undefined);
      return changed === 1;
    });
  }

  /** The frozen edition file of a finalised or published edition. */
  async snapshot(editionId: string): Promise<string | undefined> {
    const row = await this.db.get<{ snapshot: string | null }>('SELECT snapshot FROM assessment_editions WHERE id = ?', [editionId]);
    return row?.snapshot ?? undefined;
  }

  async findByName(name: string): Promise<EditionRecord | undefined> {
    const row = await this.db.get<EditionRow>(`SELECT ${COLUMNS} FROM assessment_editions WHERE name_key = ?`, [editionNameKey(name)]);
    return row && toRecord(row);
  }

  async findById(id: string): Promise<EditionRecord | undefined> {
    const row = await this.db.get<EditionRow>(`SELECT ${COLUMNS} FROM assessment_editions WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  async list(): Promise<EditionRecord[]> {
    return (await this.db.all<EditionRow>(`SELECT ${COLUMNS} FROM assessment_editions ORDER BY year, created_at`)).map(toRecord);
  }

  /** Which published editions have a result for a country. */
  async editionsOf(country: string): Promise<EditionRecord[]> {
    const rows = await this.db.all<EditionRow>(
      `SELECT ${E_COLUMNS} FROM assessment_editions e
       JOIN assessment_results r ON r.edition_id = e.id AND r.country = ? WHERE e.status = 'published' ORDER BY e.year, e.created_at`,
      [country],
    );
    return rows.map(toRecord);
  }

  /** The results of an edition, by country code. */
  async results(editionId: string): Promise<ResultRecord[]> {
    const overall = await this.db.all<{ country: string; overall: number | string; basis: string | null }>(
      'SELECT country, overall, basis FROM assessment_results WHERE edition_id = ? ORDER BY country',
      [editionId],
    );
    const pillars = await this.db.all<{ country: string; pillar: string; score: number | string }>(
      'SELECT country, pillar, score FROM assessment_pillar_scores WHERE edition_id = ?',
      [editionId],
    );
    const byCountry = new Map(overall.map((row) => [row.country, { country: row.country, overall: Number(row.overall), basis: row.basis, pillars: {} as Record<string, number> }]));
    for (const row of pillars) byCountry.get(row.country)!.pillars[row.pillar] = Number(row.score);
    return [...byCountry.values()];
  }
}
