/**
 * Tables of the Exchange module. An object version is identified by (collection, id, version); `date_added`
 * is a microsecond count, unique and strictly increasing across the whole store (see
 * store-clock.repository.ts), so it doubles as the pagination key. `is_first`/`is_last` are kept on write so
 * that the default `match[version]=last` listing is an index range scan whose cost follows the page.
 *
 * Indexes hold compact integers, not text: the collection's `seq` and `id_key`, a 52-bit hash of the
 * object id (see object-key.ts; a collision only costs a comparison of `stix_id`). Entries a sixth the size
 * of (uuid, id, version) text keep the indexes in cache and make each commit write far fewer pages.
 * Bodies are the object's JSON as UTF-8 bytes: a page is served by splicing bytes, with no re-encoding.
 */
import type { Migration } from '../../../core/db/migrate.ts';
import { backfillBrowseColumns, BROWSE_COLUMNS } from './browse-backfill.sql.ts';

function objectsTable(dateAdded: string, bytes: string): string {
  return `CREATE TABLE stix_objects (
    ${dateAdded},
    collection_seq INTEGER NOT NULL,
    id_key BIGINT NOT NULL,
    stix_id TEXT NOT NULL,
    version TEXT NOT NULL,
    type TEXT NOT NULL,
    spec_version TEXT NOT NULL,
    is_first INTEGER NOT NULL,
    is_last INTEGER NOT NULL,
    body ${bytes} NOT NULL
  )`;
}

const objectIndexes = [
  'CREATE INDEX stix_objects_id ON stix_objects (collection_seq, id_key)',
  'CREATE INDEX stix_objects_added ON stix_objects (collection_seq, date_added)',
  // The default listing (latest versions) scans this partial index: it holds one entry per object.
  'CREATE INDEX stix_objects_latest ON stix_objects (collection_seq, date_added) WHERE is_last = 1',
  'CREATE INDEX stix_objects_type_added ON stix_objects (collection_seq, type, date_added)',
];

const clockAndStatus = [
  'CREATE TABLE store_clock (id INTEGER PRIMARY KEY, last_micros BIGINT NOT NULL)',
  'INSERT INTO store_clock (id, last_micros) VALUES (1, 0)',
  `CREATE TABLE add_statuses (
    id TEXT PRIMARY KEY,
    api_root TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    request_timestamp BIGINT NOT NULL,
    status TEXT NOT NULL,
    total_count INTEGER NOT NULL,
    success_count INTEGER NOT NULL,
    failure_count INTEGER NOT NULL,
    pending_count INTEGER NOT NULL,
    details TEXT NOT NULL
  )`,
];

export const exchangeMigrations: Migration[] = [
  {
    id: 'exchange-0001-collections',
    up: [
      `CREATE TABLE api_roots (
        name TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT,
        max_content_length BIGINT NOT NULL,
        is_default INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE collections (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        api_root TEXT NOT NULL REFERENCES api_roots (name),
        title TEXT NOT NULL,
        description TEXT,
        alias TEXT,
        created_at BIGINT NOT NULL
      )`,
      'CREATE UNIQUE INDEX collections_alias ON collections (api_root, alias)',
      'CREATE UNIQUE INDEX collections_seq ON collections (seq)',
      `CREATE TABLE collection_grants (
        collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        principal TEXT NOT NULL,
        can_read INTEGER NOT NULL,
        can_write INTEGER NOT NULL,
        PRIMARY KEY (collection_id, principal)
      )`,
      'CREATE INDEX collection_grants_principal ON collection_grants (principal)',
    ],
  },
  {
    id: 'exchange-0002-objects',
    up: {
      // In SQLite an INTEGER PRIMARY KEY is the row id: rows are stored in date_added order with no extra index.
      sqlite: [objectsTable('date_added INTEGER PRIMARY KEY', 'BLOB'), ...objectIndexes, ...clockAndStatus],
      postgres: [objectsTable('date_added BIGINT PRIMARY KEY', 'BYTEA'), ...objectIndexes, ...clockAndStatus],
    },
  },
  {
    // Who may see each version (see services/visibility.ts). Rows stored before carry GREEN, the default
    // marking, and no origin: they stay visible to the readers of their collection, as they were.
    id: 'exchange-0003-visibility',
    up: [
      'ALTER TABLE collections ADD COLUMN default_tlp INTEGER NOT NULL DEFAULT 1',
      'ALTER TABLE stix_objects ADD COLUMN tlp INTEGER NOT NULL DEFAULT 1',
      'ALTER TABLE stix_objects ADD COLUMN origin_user TEXT',
      'ALTER TABLE stix_objects ADD COLUMN origin_org TEXT',
      'ALTER TABLE stix_objects ADD COLUMN has_recipients INTEGER NOT NULL DEFAULT 0',
      // JSON [[property, tlp], …]: optional properties restricted by granular markings beyond the row's `tlp`.
      'ALTER TABLE stix_objects ADD COLUMN redactions TEXT',
      `CREATE TABLE object_recipients (
        date_added BIGINT NOT NULL,
        collection_seq INTEGER NOT NULL,
        principal TEXT NOT NULL,
        PRIMARY KEY (date_added, principal)
      )`,
      // A reader who is only a named recipient pages through this index, not through the collection.
      'CREATE INDEX object_recipients_principal ON object_recipients (collection_seq, principal, date_added)',
    ],
  },
  {
    // What the web UI searches and links objects by: display name, lower-cased search text, the ends of a
    // relationship or sighting (see shared/stix/browse-facts.ts), computed in code for the rows stored before.
    id: 'exchange-0004-browse',
    up: BROWSE_COLUMNS,
    backfill: backfillBrowseColumns,
  },
  {
    // A record of each deletion (tombstone), so that hubs syncing a collection can pass deletions on
    // (server/modules/federation). `date_added` comes from the store clock; `versions` is `all` or a JSON list
    // of version keys; `tlp` and `origin_org` are the most restrictive level and an origin of what was deleted.
    id: 'exchange-0005-tombstones',
    up: [
      `CREATE TABLE object_tombstones (
        date_added BIGINT PRIMARY KEY,
        collection_id TEXT NOT NULL,
        stix_id TEXT NOT NULL,
        versions TEXT NOT NULL,
        tlp INTEGER NOT NULL,
        origin_org TEXT
      )`,
      'CREATE INDEX object_tombstones_collection ON object_tombstones (collection_id, date_added)',
    ],
  },
];
