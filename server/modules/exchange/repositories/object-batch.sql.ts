/**
 * The batch statements behind ObjectRepository.store, per dialect: SQLite runs in-process, so a prepared
 * statement per row is fastest; PostgreSQL pays a round trip per statement, so rows travel as arrays
 * through `unnest` in chunks.
 */
import type { Queryable } from '../../../core/db/database.ts';

export interface InsertRow {
  stixId: string;
  type: string;
  version: string;
  specVersion: string;
  body: string;
  dateAdded: number;
  isFirst: 0 | 1;
  isLast: 0 | 1;
}

export interface FlagTarget {
  stixId: string;
  version: string;
}

const CHUNK = 2_000;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Every stored version of the given ids. */
export async function loadVersions(tx: Queryable, collectionId: string, ids: readonly string[]): Promise<{ stix_id: string; version: string }[]> {
  if (tx.dialect === 'postgres') {
    const rows: { stix_id: string; version: string }[] = [];
    for (const part of chunks(ids)) {
      rows.push(
        ...(await tx.all<{ stix_id: string; version: string }>(
          'SELECT stix_id, version FROM stix_objects WHERE collection_id = ? AND stix_id = ANY(?::text[])',
          [collectionId, part],
        )),
      );
    }
    return rows;
  }
  const rows: { stix_id: string; version: string }[] = [];
  for (const id of ids) {
    for (const row of await tx.all<{ version: string }>('SELECT version FROM stix_objects WHERE collection_id = ? AND stix_id = ?', [collectionId, id])) {
      rows.push({ stix_id: id, version: row.version });
    }
  }
  return rows;
}

/** Sets `flag` to 0 on the given versions. */
export async function setFlag(tx: Queryable, collectionId: string, flag: 'is_first' | 'is_last', targets: readonly FlagTarget[]): Promise<void> {
  if (targets.length === 0) return;
  if (tx.dialect === 'postgres') {
    for (const part of chunks(targets)) {
      await tx.run(
        `UPDATE stix_objects SET ${flag} = 0 WHERE collection_id = ?
           AND (stix_id, version) IN (SELECT * FROM unnest(?::text[], ?::text[]))`,
        [collectionId, part.map((t) => t.stixId), part.map((t) => t.version)],
      );
    }
    return;
  }
  for (const t of targets) {
    await tx.run(`UPDATE stix_objects SET ${flag} = 0 WHERE collection_id = ? AND stix_id = ? AND version = ?`, [collectionId, t.stixId, t.version]);
  }
}

/** Inserts new versions (the caller has established that none exists yet). */
export async function insertRows(tx: Queryable, collectionId: string, rows: readonly InsertRow[]): Promise<void> {
  if (tx.dialect === 'postgres') {
    for (const part of chunks(rows)) {
      await tx.run(
        `INSERT INTO stix_objects (collection_id, stix_id, version, date_added, type, spec_version, is_first, is_last, body)
         SELECT ?, * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[])`,
        [
          collectionId,
          part.map((r) => r.stixId),
          part.map((r) => r.version),
          part.map((r) => r.dateAdded),
          part.map((r) => r.type),
          part.map((r) => r.specVersion),
          part.map((r) => r.isFirst),
          part.map((r) => r.isLast),
          part.map((r) => r.body),
        ],
      );
    }
    return;
  }
  for (const r of rows) {
    await tx.run(
      `INSERT INTO stix_objects (collection_id, stix_id, version, date_added, type, spec_version, is_first, is_last, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [collectionId, r.stixId, r.version, r.dateAdded, r.type, r.specVersion, r.isFirst, r.isLast, r.body],
    );
  }
}
