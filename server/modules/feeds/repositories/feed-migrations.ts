/**
 * The Feeds module's table. `feeds`: one row per feed: its name, the collection it reads (API root and id),
 * its format, TLP ceiling (rank) and whether warning-listed values stay in, the writer's options (JSON: sid
 * range, zone name), the SHA-256 of its token (never the token), who created it (`system` or a user id) and
 * when, when it was revoked; and, for the zone formats' serial, the digest of the content last served and the
 * serial it was served under (raised whenever the content changes).
 */
import type { Migration } from '../../../core/db/migrate.ts';

const tables = [
  `CREATE TABLE feeds (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    api_root TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    format TEXT NOT NULL,
    max_tlp INTEGER NOT NULL,
    include_warninglisted INTEGER NOT NULL,
    options TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    content_hash TEXT,
    serial BIGINT NOT NULL
  )`,
  'CREATE INDEX feeds_created_by ON feeds (created_by, created_at)',
];

export const feedMigrations: Migration[] = [{ id: 'feeds-0001-feeds', up: tables }];
