/**
 * Schema of the core auth tables. Booleans are INTEGER 0/1 and times BIGINT milliseconds so one statement
 * serves SQLite and PostgreSQL alike. Users are disabled, never deleted, so tokens and (later) audit entries
 * keep pointing at a row. `users.organisation_id` is added by `org-0001-organisations` (server/core/organisations).
 */
import type { Migration } from '../db/migrate.ts';

/** Migrations of `server/core/auth`, in order; apply with `migrate(db, authMigrations)`. */
export const authMigrations: Migration[] = [
  {
    id: 'auth-0001-users',
    up: [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT,
        is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        created_at BIGINT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
      )`,
      // Names are unique regardless of case, so "Admin" cannot sit beside "admin". Names are ASCII only, where
      // lower() means the same on both databases.
      'CREATE UNIQUE INDEX users_name_lower ON users (lower(name))',
    ],
  },
  {
    id: 'auth-0002-api-tokens',
    up: [
      `CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        label TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT,
        revoked_at BIGINT
      )`,
      'CREATE INDEX api_tokens_user ON api_tokens (user_id)',
    ],
  },
];
