/**
 * The batch statements behind ObjectRepository.store, per dialect: SQLite runs in-process, so a prepared
 * statement per row is fastest; PostgreSQL pays a round trip per statement, so rows travel as arrays
 * through `unnest` in chunks. Rows are found through (collection_seq, id_key) and confirmed by `stix_id`.
 */
import type { Queryable } from '../../../core/db/database.ts';
import { idKey } from './object-key.ts';

export interface InsertRow {
  stixId: string;
  idKey: number;
  type: string;
  version: string;
  specVersion: string;
  body: Uint8Array;
  dateAdded: number;
  isFirst: 0 | 1;
  isLast: 0 | 1;
  tlp: number;
  originUser: string | null;
  originOrg: string | null;
  /** `user:<id>` / `org:<id>` principals named as recipients. */
  recipients: readonly string[];
  redactions: string | null;
  /** What the web UI searches and links by (shared/stix/browse-facts.ts). */
  name: string | null;
  searchText: string | null;
  relSource: string | null;
  relTarget: string | null;
}

export interface FlagTarget {
  stixId: string;
  idKey: number;
  version: string;
}

type VersionOf = { stix_id: string; version: string };

const CHUNK = 2_000;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Every stored version of the given ids. */
export async function loadVersions(tx: Queryable, seq: number, ids: readonly string[]): Promise<VersionOf[]> {
  const rows: VersionOf[] = [];
  if (tx.dialect === 'postgres') {
    for (const part of chunks(ids)) {
      const wanted = new Set(part);
      const found = await tx.all<VersionOf>('SELECT stix_id, version FROM stix_objects WHERE collection_seq = ? AND id_key = ANY(?::bigint[])', [
        seq,
        part.map(idKey),
      ]);
      rows.push(...found.filter((row) => wanted.has(row.stix_id)));
    }
    return rows;
  }
  for (const id of ids) {
    rows.push(...(await tx.all<VersionOf>('SELECT stix_id, version FROM stix_objects WHERE collection_seq = ? AND id_key = ? AND stix_id = ?', [seq, idKey(id), id])));
  }
  return rows;
}

/** Sets `flag` to 0 on the given versions. */
export async function setFlag(tx: Queryable, seq: number, flag: 'is_first' | 'is_last', targets: readonly FlagTarget[]): Promise<void> {
  if (targets.length === 0) return;
  if (tx.dialect === 'postgres') {
    for (const part of chunks(targets)) {
      await tx.run(
        `UPDATE stix_objects SET ${flag} = 0 WHERE collection_seq = ?
           AND (id_key, stix_id, version) IN (SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[]))`,
        [seq, part.map((t) => t.idKey), part.map((t) => t.stixId), part.map((t) => t.version)],
      );
    }
    return;
  }
  for (const t of targets) {
    await tx.run(`UPDATE stix_objects SET ${flag} = 0 WHERE collection_seq = ? AND id_key = ? AND stix_id = ? AND version = ?`, [seq, t.idKey, t.stixId, t.version]);
  }
}

/** Inserts new versions (the caller has established that none exists yet) and their named recipients. */
export async function insertRows(tx: Queryable, seq: number, rows: readonly InsertRow[]): Promise<void> {
  const columns = 'collection_seq, id_key, stix_id, version, date_added, type, spec_version, is_first, is_last, body, tlp, origin_user, origin_org, has_recipients, redactions, name, search_text, rel_source, rel_target';
  if (tx.dialect === 'postgres') {
    for (const part of chunks(rows)) {
      await tx.run(
        `INSERT INTO stix_objects (${columns})
         SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::bytea[],
                                 ?::int[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])`,
        [
          seq,
          part.map((r) => r.idKey),
          part.map((r) => r.stixId),
          part.map((r) => r.version),
          part.map((r) => r.dateAdded),
          part.map((r) => r.type),
          part.map((r) => r.specVersion),
          part.map((r) => r.isFirst),
          part.map((r) => r.isLast),
          // pg writes Buffers (not plain Uint8Arrays) inside arrays as bytea.
          part.map((r) => Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength)),
          part.map((r) => r.tlp),
          part.map((r) => r.originUser),
          part.map((r) => r.originOrg),
          part.map((r) => (r.recipients.length ? 1 : 0)),
          part.map((r) => r.redactions),
          part.map((r) => r.name),
          part.map((r) => r.searchText),
          part.map((r) => r.relSource),
          part.map((r) => r.relTarget),
        ],
      );
    }
    const named = rows.flatMap((r) => r.recipients.map((principal) => ({ dateAdded: r.dateAdded, principal })));
    for (const part of chunks(named)) {
      await tx.run('INSERT INTO object_recipients (collection_seq, date_added, principal) SELECT ?, * FROM unnest(?::bigint[], ?::text[])', [
        seq,
        part.map((n) => n.dateAdded),
        part.map((n) => n.principal),
      ]);
    }
    return;
  }
  for (const r of rows) {
    await tx.run(`INSERT INTO stix_objects (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      seq,
      r.idKey,
      r.stixId,
      r.version,
      r.dateAdded,
      r.type,
      r.specVersion,
      r.isFirst,
      r.isLast,
      r.body,
      r.tlp,
      r.originUser,
      r.originOrg,
      r.recipients.length ? 1 : 0,
      r.redactions,
      r.name,
      r.searchText,
      r.relSource,
      r.relTarget,
    ]);
    for (const principal of r.recipients) {
      await tx.run('INSERT INTO object_recipients (collection_seq, date_added, principal) VALUES (?, ?, ?)', [seq, r.dateAdded, principal]);
    }
  }
}
