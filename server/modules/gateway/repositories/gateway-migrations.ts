/**
 * The Gateway module's tables.
 *
 * - `gateway_records`: one row per record: its type, status (`pending` until first published, `published`,
 *   `rejected`, `merged` into another), `version` (bumped by every change: optimistic locking), the published
 *   body and revision, who proposed it and when, and `doc`,
 *   the record's number in publication order (handed out by `gateway_clock` at its first publication, never
 *   changed), which keys the index tables and orders search results.
 * - `gateway_revisions`: every version ever proposed (kind `new` or `correction`), its state (`pending`,
 *   `accepted`, `rejected`, `changes_requested`, `superseded`), proposer, note, moderator, comment and times:
 *   the record's full history.
 * - The search index, of published records only: `gateway_terms` (term, doc) and `gateway_facets`
 *   (facet, value, doc), rebuilt in the transaction that publishes a revision.
 * - `gateway_duplicate_keys` (a SHA-256 digest of each key, so titles of any length fit a B-tree) of records
 *   still pending or published, and `gateway_duplicates`: the flagged pairs, open, dismissed or merged, one
 *   row per pair whatever its order (`pair`).
 */
import type { Migration } from '../../../core/db/migrate.ts';

// SQLite keeps the index tables as their primary key's B-tree alone (no rowid): half the size, and a term's
// records are read in `doc` order from the key itself.
const compact = (dialect: 'sqlite' | 'postgres') => (dialect === 'sqlite' ? ' WITHOUT ROWID' : '');

const tables = (dialect: 'sqlite' | 'postgres'): string[] => [
  `CREATE TABLE gateway_records (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    revisions INTEGER NOT NULL,
    revision INTEGER,
    body TEXT,
    doc BIGINT UNIQUE,
    proposed_by TEXT NOT NULL,
    proposed_at BIGINT NOT NULL,
    published_at BIGINT,
    updated_at BIGINT,
    merged_into TEXT REFERENCES gateway_records (id)
  )`,
  `CREATE TABLE gateway_revisions (
    record_id TEXT NOT NULL REFERENCES gateway_records (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    body TEXT NOT NULL,
    based_on INTEGER,
    note TEXT,
    proposed_by TEXT NOT NULL,
    proposed_at BIGINT NOT NULL,
    moderated_by TEXT,
    moderated_at BIGINT,
    comment TEXT,
    PRIMARY KEY (record_id, revision)
  )`,
  'CREATE INDEX gateway_revisions_state ON gateway_revisions (state, proposed_at)',
  'CREATE INDEX gateway_revisions_proposer ON gateway_revisions (proposed_by)',
  `CREATE TABLE gateway_clock (id INTEGER PRIMARY KEY, doc BIGINT NOT NULL)`,
  'INSERT INTO gateway_clock (id, doc) VALUES (1, 0)',
  `CREATE TABLE gateway_terms (
    term TEXT NOT NULL,
    doc BIGINT NOT NULL,
    PRIMARY KEY (term, doc)
  )${compact(dialect)}`,
  'CREATE INDEX gateway_terms_doc ON gateway_terms (doc)',
  `CREATE TABLE gateway_facets (
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    doc BIGINT NOT NULL,
    PRIMARY KEY (facet, value, doc)
  )${compact(dialect)}`,
  // Facet counts read every facet of the matching records: this index holds them, record by record.
  'CREATE INDEX gateway_facets_doc ON gateway_facets (doc, facet, value)',
  `CREATE TABLE gateway_duplicate_keys (
    key TEXT NOT NULL,
    record_id TEXT NOT NULL REFERENCES gateway_records (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    PRIMARY KEY (key, record_id)
  )`,
  'CREATE INDEX gateway_duplicate_keys_record ON gateway_duplicate_keys (record_id)',
  `CREATE TABLE gateway_duplicates (
    id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES gateway_records (id) ON DELETE CASCADE,
    other_id TEXT NOT NULL REFERENCES gateway_records (id) ON DELETE CASCADE,
    pair TEXT NOT NULL UNIQUE,
    reasons TEXT NOT NULL,
    state TEXT NOT NULL,
    flagged_at BIGINT NOT NULL,
    decided_by TEXT,
    decided_at BIGINT
  )`,
  'CREATE INDEX gateway_duplicates_state ON gateway_duplicates (state, flagged_at)',
  'CREATE INDEX gateway_duplicates_record ON gateway_duplicates (record_id)',
  'CREATE INDEX gateway_duplicates_other ON gateway_duplicates (other_id)',
];

export const gatewayMigrations: Migration[] = [{ id: 'gateway-0001-records', up: { sqlite: tables('sqlite'), postgres: tables('postgres') } }];
