/**
 * Every version of every STIX object, per collection. Writing a batch is one transaction: it reserves
 * `date_added` values, finds which (id, version) pairs already exist (those are duplicates: storing the same
 * id and version again changes nothing), and keeps the first/last flags right, also for several versions of
 * one object in the same batch.
 */
import type { Database, Queryable, SqlValue, TransactionHook } from '../../../core/db/database.ts';
import { CollectionSeqs } from './collection-seq.ts';
import { nowMicros, raiseClock, reserveDateAdded } from './store-clock.repository.ts';
import { migratedDates } from './migrated-dates.sql.ts';
import { insertRows, loadVersions, setFlag, type FlagTarget, type InsertRow } from './object-batch.sql.ts';
import { idKey } from './object-key.ts';
import type { BrowseFacts } from '../../../../shared/stix/browse-facts.ts';
import { clearanceSql, restrictToScope, scopeSource, type ReadScope } from './object-visibility.sql.ts';

export type { ReadScope };

export interface NewVersion {
  stixId: string;
  type: string;
  /** Timestamp key of `modified` (else `created`); '' for objects with neither (one version only). */
  version: string;
  specVersion: string;
  /** The object as UTF-8 JSON. */
  body: Uint8Array;
  /** Who may see it; GREEN with no origin when absent. */
  audience?: VersionAudience | undefined;
  /** What the web UI searches and links it by; none when absent. */
  browse?: BrowseFacts | undefined;
}

/** Who may see a version, as the visibility rule (services/visibility.ts) decided when it was stored. */
export interface VersionAudience {
  /** TLP rank of the version as a whole (0 CLEAR … 4 RED). */
  tlp: number;
  /** The user and organisation that stored it. */
  originUser: string | null;
  originOrg: string | null;
  /** Named recipients: `org:<id>` (see up to AMBER+STRICT), `user:<id>` (see up to RED). */
  recipients: readonly string[];
  /** JSON `[[property, tlp], …]`: optional properties restricted beyond `tlp`; null for none. */
  redactions: string | null;
}


export interface StoreOutcome {
  stixId: string;
  version: string;
  stored: boolean;
  /** Set for stored versions. */
  dateAdded?: number;
}

/** Which versions a query keeps: `all`, or any of first / last / exact version keys. */
export interface VersionFilter {
  all: boolean;
  first: boolean;
  last: boolean;
  keys: readonly string[];
}

export interface ObjectQuery {
  collectionId: string;
  /** Only rows with `date_added` greater than this (microseconds). */
  after: number;
  types?: readonly string[];
  ids?: readonly string[];
  specVersions?: readonly string[];
  versions: VersionFilter;
  limit: number;
}

export interface VersionRow {
  stix_id: string;
  version: string;
  date_added: number;
  spec_version: string;
  type: string;
  body?: Uint8Array;
  /** With bodies only: JSON `[[property, tlp], …]` or null. */
  redactions?: string | null;
  /** With a scope only: the reader's clearance for this row (before the scope's cap). */
  clearance?: number;
  /** With bodies only: the row's TLP rank and the organisation that stored it. */
  tlp?: number;
  origin_org?: string | null;
  /** From `exactVersions` only: the stored display name (`name`, else `value`; see shared/stix/browse-facts.ts). */
  name?: string | null;
}

/** A deletion, as recorded for those who pass deletions on (federation). */
export interface TombstoneRow {
  date_added: number;
  stix_id: string;
  /** `all`, or a JSON list of version keys. */
  versions: string;
  tlp: number;
  origin_org: string | null;
}

interface Known {
  versions: Set<string>;
  first: { version: string; pending?: InsertRow };
  last: { version: string; pending?: InsertRow };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const OPEN_AUDIENCE: VersionAudience = { tlp: 1, originUser: null, originOrg: null, recipients: [], redactions: null };
const NO_BROWSE_FACTS: BrowseFacts = { name: null, searchText: null, relSource: null, relTarget: null };

export class ObjectRepository {
  private readonly db: Database;
  private readonly seqs: CollectionSeqs;

  constructor(db: Database) {
    this.db = db;
    this.seqs = new CollectionSeqs(db);
  }

  private seqOf(collectionId: string): Promise<number> {
    return this.seqs.of(collectionId);
  }

  /**
   * Stores a batch of versions in one durable transaction; answers one outcome per input, in order. `within`
   * runs last in that transaction with the outcomes (not at all for an empty batch, which opens none).
   */
  async store(collectionId: string, versions: readonly NewVersion[], within?: TransactionHook<StoreOutcome[]>): Promise<StoreOutcome[]> {
    if (versions.length === 0) return [];
    const seq = await this.seqOf(collectionId);
    return this.db.transaction(async (tx) => {
      let next = await reserveDateAdded(tx, versions.length, nowMicros());
      return this.insertBatch(tx, seq, versions, () => next++, within);
    });
  }

  /**
   * Like `store`, for versions migrated from another TAXII server with the `date_added` it gave them
   * (`dateAdded[i]` for `versions[i]`, microseconds): each is kept unless it is not after the collection's
   * last row and the version before it, or is taken in the store; then it moves on by 1 µs until it is free
   * (`nudged` counts those). The store clock is moved past the largest value stored only when it is behind,
   * so later additions to the collection come after every migrated row.
   */
  async storeMigrated(collectionId: string, versions: readonly NewVersion[], dateAdded: readonly number[], within?: TransactionHook<StoreOutcome[]>): Promise<{ outcomes: StoreOutcome[]; nudged: number }> {
    if (versions.length === 0) return { outcomes: [], nudged: 0 };
    const seq = await this.seqOf(collectionId);
    return this.db.transaction(async (tx) => {
      // Holding the clock row first makes other writers wait, so the free values found below stay free.
      await raiseClock(tx, 0);
      const last = await tx.get<{ last: number | null }>('SELECT MAX(date_added) AS last FROM stix_objects WHERE collection_seq = ?', [seq]);
      const dates = await migratedDates(tx, dateAdded, last?.last == null ? -1 : Number(last.last));
      const outcomes = await this.insertBatch(tx, seq, versions, (i) => dates[i]!, within);
      await raiseClock(tx, Math.max(...outcomes.filter((o) => o.stored).map((o) => o.dateAdded!), 0));
      return { outcomes, nudged: outcomes.filter((o, i) => o.stored && dates[i] !== dateAdded[i]).length };
    });
  }

  /** Inserts the versions that are not stored yet, the `i`th under `dateOf(i)`, keeping the first/last flags. */
  private async insertBatch(tx: Queryable, seq: number, versions: readonly NewVersion[], dateOf: (index: number) => number, within?: TransactionHook<StoreOutcome[]>): Promise<StoreOutcome[]> {
    const known = await this.knownVersions(tx, seq, versions);
    const outcomes: StoreOutcome[] = [];
    const rows: InsertRow[] = [];
    const clearFirst: FlagTarget[] = [];
    const clearLast: FlagTarget[] = [];
    for (const [index, v] of versions.entries()) {
      const info = known.get(v.stixId);
      if (info?.versions.has(v.version)) {
        outcomes.push({ stixId: v.stixId, version: v.version, stored: false });
        continue;
      }
      const { audience = OPEN_AUDIENCE, browse = NO_BROWSE_FACTS, ...version } = v;
      const row: InsertRow = { ...version, ...audience, ...browse, idKey: idKey(v.stixId), dateAdded: dateOf(index), isFirst: 1, isLast: 1 };
      if (!info) {
        known.set(v.stixId, { versions: new Set([v.version]), first: { version: v.version, pending: row }, last: { version: v.version, pending: row } });
      } else {
        info.versions.add(v.version);
        if (v.version < info.first.version) {
          demote(info.first, 'isFirst', clearFirst, v.stixId, row.idKey);
          info.first = { version: v.version, pending: row };
        } else row.isFirst = 0;
        if (v.version > info.last.version) {
          demote(info.last, 'isLast', clearLast, v.stixId, row.idKey);
          info.last = { version: v.version, pending: row };
        } else row.isLast = 0;
      }
      rows.push(row);
      outcomes.push({ stixId: v.stixId, version: v.version, stored: true, dateAdded: row.dateAdded });
    }
    await setFlag(tx, seq, 'is_first', clearFirst);
    await setFlag(tx, seq, 'is_last', clearLast);
    await insertRows(tx, seq, rows);
    await within?.(tx, outcomes);
    return outcomes;
  }

  private async knownVersions(tx: Queryable, seq: number, versions: readonly NewVersion[]): Promise<Map<string, Known>> {
    const ids = [...new Set(versions.map((v) => v.stixId))];
    const known = new Map<string, Known>();
    for (const { stix_id, version } of await loadVersions(tx, seq, ids)) {
      const info = known.get(stix_id);
      if (!info) {
        known.set(stix_id, { versions: new Set([version]), first: { version }, last: { version } });
        continue;
      }
      info.versions.add(version);
      if (version < info.first.version) info.first = { version };
      if (version > info.last.version) info.last = { version };
    }
    return known;
  }

  /**
   * Rows matching a query, in `date_added` order, at most `limit`; with a scope, only the rows the reader may
   * see, each with the reader's clearance.
   */
  async list(query: ObjectQuery, withBody: boolean, scope?: ReadScope): Promise<VersionRow[]> {
    const seq = await this.seqOf(query.collectionId);
    const source = scopeSource(scope, seq, query.after, this.db.dialect);
    // Rows read through the recipients index are of this collection and after the position already: saying so
    // again would only offer the planner a scan of the collection.
    const where = source.sql === 'stix_objects' ? ['collection_seq = ?', 'date_added > ?'] : [];
    const params: SqlValue[] = source.sql === 'stix_objects' ? [seq, query.after] : [];
    const within = (column: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      where.push(`${column} IN (${marks(values.length)})`);
      params.push(...values);
    };
    within('type', query.types);
    if (query.ids?.length) {
      // The key narrows through the id index; the id itself settles a collision.
      where.push(`id_key IN (${marks(query.ids.length)})`);
      params.push(...query.ids.map(idKey));
    }
    within('stix_id', query.ids);
    within('spec_version', query.specVersions);
    restrictVersions(query.versions, where, params);
    restrictToScope(scope, seq, query.after, where, params, source.sql !== 'stix_objects');
    params.push(query.limit);
    let columns = `stix_id, version, date_added, spec_version, type${withBody ? ', body, redactions, tlp, origin_org' : ''}`;
    let columnParams: SqlValue[] = [];
    if (scope && withBody) {
      const clearance = clearanceSql(scope);
      columns += `, ${clearance.sql} AS clearance`;
      columnParams = clearance.params;
    }
    // Asked for ids, SQLite would walk the collection in date order to spare a sort; `+` keeps it on the id index.
    const order = query.ids?.length && this.db.dialect === 'sqlite' ? '+date_added' : 'date_added';
    const rows = await this.db.all<VersionRow>(`SELECT ${columns} FROM ${source.sql} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`, [
      ...columnParams,
      ...source.params,
      ...params,
    ]);
    if (scope && withBody) for (const row of rows) row.clearance = Number(row.clearance);
    if (withBody) for (const row of rows) row.tlp = Number(row.tlp);
    return rows;
  }

  /**
   * The versions of a collection named by exact (id, version) pairs that the scope may see, with bodies and the
   * reader's clearance, in no order; pairs not stored or not visible are left out. One query: the id key
   * narrows through the id index, the pair settles it. `bodies: 'redacted'` reads the body only of versions
   * with properties restricted beyond their TLP (the others' is left undefined).
   */
  async exactVersions(collectionId: string, pairs: readonly { id: string; version: string }[], scope: ReadScope, bodies: 'all' | 'redacted' = 'all'): Promise<VersionRow[]> {
    if (pairs.length === 0) return [];
    const seq = await this.seqOf(collectionId);
    const keys = [...new Set(pairs.map((p) => idKey(p.id)))];
    const where = ['collection_seq = ?', `id_key IN (${marks(keys.length)})`, `(stix_id, version) IN (VALUES ${pairs.map(() => '(?, ?)').join(', ')})`];
    const params: SqlValue[] = [seq, ...keys, ...pairs.flatMap((p) => [p.id, p.version])];
    restrictToScope(scope, seq, 0, where, params);
    const clearance = clearanceSql(scope);
    const rows = await this.db.all<VersionRow>(
      `SELECT stix_id, version, date_added, spec_version, type, ${bodies === 'all' ? 'body' : 'CASE WHEN redactions IS NULL THEN NULL ELSE body END AS body'}, redactions, tlp, origin_org, name, ${clearance.sql} AS clearance
       FROM stix_objects WHERE ${where.join(' AND ')}`,
      [...clearance.params, ...params],
    );
    for (const row of rows) {
      row.clearance = Number(row.clearance);
      row.tlp = Number(row.tlp);
    }
    return rows;
  }

  /**
   * Deletes the matching versions of one object and re-marks the first and last of what remains; `within`
   * runs in the same transaction with the number deleted.
   */
  async delete(
    collectionId: string,
    stixId: string,
    versions: VersionFilter,
    specVersions: readonly string[],
    within?: TransactionHook<number>,
    scope?: ReadScope,
  ): Promise<number> {
    const seq = await this.seqOf(collectionId);
    const key = idKey(stixId);
    return this.db.transaction(async (tx) => {
      // The clock first, as `store` takes it, so the two never wait on each other in opposite orders.
      const at = await reserveDateAdded(tx, 1, nowMicros());
      const where = ['collection_seq = ?', 'id_key = ?', 'stix_id = ?'];
      const params: SqlValue[] = [seq, key, stixId];
      if (specVersions.length) {
        where.push(`spec_version IN (${marks(specVersions.length)})`);
        params.push(...specVersions);
      }
      restrictVersions(versions, where, params);
      restrictToScope(scope, seq, 0, where, params);
      const condition = where.join(' AND ');
      const gone = await tx.all<{ version: string; tlp: number; origin_org: string | null }>(`SELECT version, tlp, origin_org FROM stix_objects WHERE ${condition}`, params);
      await tx.run(`DELETE FROM object_recipients WHERE collection_seq = ? AND date_added IN (SELECT date_added FROM stix_objects WHERE ${condition})`, [seq, ...params]);
      const deleted = await tx.run(`DELETE FROM stix_objects WHERE ${condition}`, params);
      if (deleted > 0) {
        const scope = 'collection_seq = ? AND id_key = ? AND stix_id = ?';
        await tx.run(
          `UPDATE stix_objects SET
             is_first = CASE WHEN version = (SELECT MIN(version) FROM stix_objects WHERE ${scope}) THEN 1 ELSE 0 END,
             is_last = CASE WHEN version = (SELECT MAX(version) FROM stix_objects WHERE ${scope}) THEN 1 ELSE 0 END
           WHERE ${scope}`,
          [seq, key, stixId, seq, key, stixId, seq, key, stixId],
        );
        await tx.run('INSERT INTO object_tombstones (date_added, collection_id, stix_id, versions, tlp, origin_org) VALUES (?, ?, ?, ?, ?, ?)', [
          at,
          collectionId,
          stixId,
          versions.all ? 'all' : JSON.stringify(gone.map((row) => row.version)),
          Math.max(...gone.map((row) => Number(row.tlp))),
          gone.find((row) => row.origin_org !== null)?.origin_org ?? null,
        ]);
      }
      await within?.(tx, deleted);
      return deleted;
    });
  }

  /** Deletions recorded in a collection after `after` (a `date_added`), oldest first, at most `limit`. */
  async tombstones(collectionId: string, after: number, limit: number): Promise<TombstoneRow[]> {
    const rows = await this.db.all<TombstoneRow>(
      'SELECT date_added, stix_id, versions, tlp, origin_org FROM object_tombstones WHERE collection_id = ? AND date_added > ? ORDER BY date_added LIMIT ?',
      [collectionId, after, limit],
    );
    return rows.map((row) => ({ ...row, date_added: Number(row.date_added), tlp: Number(row.tlp) }));
  }

  /** Number of stored versions in a collection (all, or only the latest of each object) a scope may see. */
  async count(collectionId: string, latestOnly: boolean, scope?: ReadScope): Promise<number> {
    const seq = await this.seqOf(collectionId);
    const where = ['collection_seq = ?'];
    const params: SqlValue[] = [seq];
    if (latestOnly) where.push('is_last = 1');
    restrictToScope(scope, seq, 0, where, params);
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM stix_objects WHERE ${where.join(' AND ')}`, params);
    return Number(row?.n ?? 0);
  }
}

/** Adds the condition of a version filter (nothing for `all`). */
function restrictVersions(versions: VersionFilter, where: string[], params: SqlValue[]): void {
  if (versions.all) return;
  const any: string[] = [];
  if (versions.last) any.push('is_last = 1');
  if (versions.first) any.push('is_first = 1');
  if (versions.keys.length) {
    any.push(`version IN (${marks(versions.keys.length)})`);
    params.push(...versions.keys);
  }
  where.push(`(${any.join(' OR ')})`);
}

function demote(slot: { version: string; pending?: InsertRow }, flag: 'isFirst' | 'isLast', pendingClears: FlagTarget[], stixId: string, key: number): void {
  if (slot.pending) slot.pending[flag] = 0;
  else pendingClears.push({ stixId, idKey: key, version: slot.version });
}
