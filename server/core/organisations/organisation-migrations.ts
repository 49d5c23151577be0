/**
 * Schema of organisations, and the organisation of each user. `name_key` is the name folded in JavaScript
 * (NFC, lower case) and indexed unique: organisation names are not ASCII-only, and SQL `lower()` folds
 * non-ASCII letters on PostgreSQL but not on SQLite. `identity` is the STIX identity object as JSON text,
 * stored as built so the object a member's data points at never changes under it.
 */
import type { Migration } from '../db/migrate.ts';

/** Migrations of `server/core/organisations`, in order; they need the `users` table of the auth migrations. */
export const organisationMigrations: Migration[] = [
  {
    id: 'org-0001-organisations',
    up: [
      `CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        subtype TEXT,
        country TEXT,
        sector TEXT,
        identity_id TEXT NOT NULL UNIQUE,
        identity TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        CHECK (country IS NOT NULL OR type = 'regional-international')
      )`,
      // Nullable: accounts made before organisations existed (and the first administrator) belong to none.
      'ALTER TABLE users ADD COLUMN organisation_id TEXT REFERENCES organisations (id)',
      'CREATE INDEX users_organisation ON users (organisation_id)',
    ],
  },
];
