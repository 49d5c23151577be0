/**
 * The reads of the web UI over stored versions: the latest versions of a collection newest first with
 * filters and free text, one object's versions, the relationships and sightings pointing from or to an
 * object, and counts for the dashboard. Every query takes the reader's scope and applies the visibility
 * condition (`object-visibility.sql.ts`) in the query itself, as the TAXII reads do.
 */
import type { Database, SqlValue } from '../../../core/db/database.ts';
import { CollectionSeqs } from './collection-seq.ts';
import { idKey } from './object-key.ts';
import { clearanceSql, restrictToScope, type ReadScope } from './object-visibility.sql.ts';

/** Filters of a listing of latest versions, newest first. */
export interface BrowseQuery {
  collectionId: string;
  types?: readonly string[] | undefined;
  /** TLP ranks. */
  tlps?: readonly number[] | undefined;
  /** Only rows added after / before these microsecond counts (exclusive). */
  addedAfter?: number | undefined;
  addedBefore?: number | undefined;
  /** The origin organisation's id. */
  organisationId?: string | undefined;
  /** Lower-cased NFC text that `search_text` must contain. */
  text?: string | undefined;
  limit: number;
}

/** A version as the browse reads answer it, with its body and the reader's clearance for it. */
export interface BrowseRow {
  stix_id: string;
  version: string;
  date_added: number;
  type: string;
  tlp: number;
  origin_org: string | null;
  body: Uint8Array;
  redactions: string | null;
  clearance: number;
}

/** Latest visible versions counted by type and TLP rank. */
export interface TallyRow {
  type: string;
  tlp: number;
  n: number;
}

/** Visible additions since a moment, by origin organisation. */
export interface AdditionRow {
  origin_org: string | null;
  n: number;
  last_added: number;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const COLUMNS = 'stix_id, version, date_added, type, tlp, origin_org, body, redactions';

/** `\`, `%` and `_` taken literally by `LIKE … ESCAPE '\'`. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ObjectBrowseRepository {
  private readonly db: Database;
  private readonly seqs: CollectionSeqs;

  constructor(db: Database) {
    this.db = db;
    this.seqs = new CollectionSeqs(db);
  }

  private seqOf(collectionId: string): Promise<number> {
    return this.seqs.of(collectionId);
  }

  /** Rows of `stix_objects` for a reader: `where` and `params` are extended with the scope's condition. */
  private async select(seq: number, where: string[], params: SqlValue[], scope: ReadScope, tail: string, tailParams: SqlValue[]): Promise<BrowseRow[]> {
    restrictToScope(scope, seq, 0, where, params);
    const clearance = clearanceSql(scope);
    const rows = await this.db.all<BrowseRow>(`SELECT ${COLUMNS}, ${clearance.sql} AS clearance FROM stix_objects WHERE ${where.join(' AND ')} ${tail}`, [
      ...clearance.params,
      ...params,
      ...tailParams,
    ]);
    for (const row of rows) {
      row.date_added = Number(row.date_added);
      row.tlp = Number(row.tlp);
      row.clearance = Number(row.clearance);
    }
    return rows;
  }

  /** The latest versions matching `query` that the reader may see, newest first, at most `limit`. */
  async latest(query: BrowseQuery, scope: ReadScope): Promise<BrowseRow[]> {
    const seq = await this.seqOf(query.collectionId);
    const where = ['collection_seq = ?', 'is_last = 1'];
    const params: SqlValue[] = [seq];
    if (query.types?.length) {
      where.push(`type IN (${marks(query.types.length)})`);
      params.push(...query.types);
    }
    if (query.tlps?.length) where.push(`tlp IN (${query.tlps.map((t) => Math.trunc(t)).join(', ')})`);
    if (query.addedAfter !== undefined) {
      where.push('date_added > ?');
      params.push(query.addedAfter);
    }
    if (query.addedBefore !== undefined) {
      where.push('date_added < ?');
      params.push(query.addedBefore);
    }
    if (query.organisationId !== undefined) {
      where.push('origin_org = ?');
      params.push(query.organisationId);
    }
    if (query.text !== undefined && query.text !== '') {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(likeContaining(query.text));
    }
    return this.select(seq, where, params, scope, 'ORDER BY date_added DESC LIMIT ?', [query.limit]);
  }

  /** The versions of one object the reader may see (or only the one with `versionKey`), oldest first. */
  async versionsOf(collectionId: string, stixId: string, scope: ReadScope, versionKey?: string): Promise<BrowseRow[]> {
    const seq = await this.seqOf(collectionId);
    const where = ['collection_seq = ?', 'id_key = ?', 'stix_id = ?'];
    const params: SqlValue[] = [seq, idKey(stixId), stixId];
    if (versionKey !== undefined) {
      where.push('version = ?');
      params.push(versionKey);
    }
    return this.select(seq, where, params, scope, 'ORDER BY version, date_added', []);
  }

  /** The latest visible versions of the given ids (in no particular order). */
  async latestOf(collectionId: string, stixIds: readonly string[], scope: ReadScope): Promise<BrowseRow[]> {
    if (stixIds.length === 0) return [];
    const seq = await this.seqOf(collectionId);
    const ids = [...new Set(stixIds)];
    const where = ['collection_seq = ?', 'is_last = 1', `id_key IN (${marks(ids.length)})`, `stix_id IN (${marks(ids.length)})`];
    return this.select(seq, where, [seq, ...ids.map(idKey), ...ids], scope, '', []);
  }

  /**
   * The latest visible relationships and sightings whose `end` (`rel_source`: from, `rel_target`: to) is
   * `stixId`, newest first, at most `limit`; only those of `type` when it is given.
   */
  async linked(collectionId: string, end: 'rel_source' | 'rel_target', stixId: string, scope: ReadScope, limit: number, type?: 'relationship' | 'sighting'): Promise<BrowseRow[]> {
    const seq = await this.seqOf(collectionId);
    const where = ['collection_seq = ?', `${end} = ?`, 'is_last = 1'];
    const params: SqlValue[] = [seq, stixId];
    if (type !== undefined) {
      where.push('type = ?');
      params.push(type);
    }
    return this.select(seq, where, params, scope, 'ORDER BY date_added DESC LIMIT ?', [limit]);
  }

  /**
   * For each of `targets`, the latest visible sightings of it (`rel_target`), newest first, at most
   * `limitEach` of each, in one query (a window numbers each target's rows): what `linked` answers for one
   * target, less the relationships, for many at once.
   */
  async sightingsOfMany(collectionId: string, targets: readonly string[], scope: ReadScope, limitEach: number): Promise<(BrowseRow & { rel_target: string })[]> {
    if (targets.length === 0) return [];
    const seq = await this.seqOf(collectionId);
    const ids = [...new Set(targets)];
    const where = ['collection_seq = ?', `rel_target IN (${marks(ids.length)})`, 'is_last = 1', "type = 'sighting'"];
    const params: SqlValue[] = [seq, ...ids];
    restrictToScope(scope, seq, 0, where, params);
    const clearance = clearanceSql(scope);
    const rows = await this.db.all<BrowseRow & { rel_target: string }>(
      `SELECT ${COLUMNS}, rel_target, clearance FROM (
         SELECT ${COLUMNS}, rel_target, ${clearance.sql} AS clearance, ROW_NUMBER() OVER (PARTITION BY rel_target ORDER BY date_added DESC) AS place
         FROM stix_objects WHERE ${where.join(' AND ')}) ranked
       WHERE place <= ? ORDER BY date_added DESC`,
      [...clearance.params, ...params, limitEach],
    );
    for (const row of rows) {
      row.date_added = Number(row.date_added);
      row.tlp = Number(row.tlp);
      row.clearance = Number(row.clearance);
    }
    return rows;
  }

  /** The latest versions the reader may see, counted by type and TLP rank. */
  async tally(collectionId: string, scope: ReadScope): Promise<TallyRow[]> {
    const seq = await this.seqOf(collectionId);
    const where = ['collection_seq = ?', 'is_last = 1'];
    const params: SqlValue[] = [seq];
    restrictToScope(scope, seq, 0, where, params);
    const rows = await this.db.all<TallyRow>(`SELECT type, tlp, COUNT(*) AS n FROM stix_objects WHERE ${where.join(' AND ')} GROUP BY type, tlp`, params);
    return rows.map((row) => ({ type: row.type, tlp: Number(row.tlp), n: Number(row.n) }));
  }

  /** The versions the reader may see added after `since` (microseconds), by origin organisation. */
  async additions(collectionId: string, since: number, scope: ReadScope): Promise<AdditionRow[]> {
    const seq = await this.seqOf(collectionId);
    const where = ['collection_seq = ?', 'date_added > ?'];
    const params: SqlValue[] = [seq, since];
    restrictToScope(scope, seq, since, where, params);
    const rows = await this.db.all<AdditionRow>(
      `SELECT origin_org, COUNT(*) AS n, MAX(date_added) AS last_added FROM stix_objects WHERE ${where.join(' AND ')} GROUP BY origin_org`,
      params,
    );
    return rows.map((row) => ({ origin_org: row.origin_org, n: Number(row.n), last_added: Number(row.last_added) }));
  }
}
