/**
 * Schema of sharing communities and their member organisations. `name_key` is the name folded in JavaScript
 * (NFC, lower case), as for organisations, because SQL `lower()` folds non-ASCII letters on PostgreSQL only.
 * `slug` is the URL segment of the community's TAXII API root.
 */
import type { Migration } from '../db/migrate.ts';

/** Migrations of `server/core/communities`, in order; they need the `organisations` table. */
export const communityMigrations: Migration[] = [
  {
    id: 'community-0001-communities',
    up: [
      `CREATE TABLE communities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        description TEXT,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE community_members (
        community_id TEXT NOT NULL REFERENCES communities (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        joined_at BIGINT NOT NULL,
        PRIMARY KEY (community_id, organisation_id)
      )`,
      // Principals of a user are looked up by organisation on every request.
      'CREATE INDEX community_members_organisation ON community_members (organisation_id)',
    ],
  },
];
