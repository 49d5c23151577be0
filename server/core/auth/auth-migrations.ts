/**
 * Schema of the core auth tables. Booleans are INTEGER 0/1 and times BIGINT milliseconds so one statement
 * serves SQLite and PostgreSQL alike. Users are disabled, never deleted, so tokens and (later) audit entries
 * keep pointing at a row. `users.organisation_id` is added by `org-0001-organisations` (server/core/organisations).
 * Roles are rows of `user_roles` (names from `server/core/roles/`), the one record of what a user may do: the
 * `is_admin` flag of the first schema became the role `platform-admin` and is gone.
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
  {
    id: 'auth-0003-user-roles',
    up: [
      `CREATE TABLE user_roles (
        user_id TEXT NOT NULL REFERENCES users (id),
        role TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      )`,
      // What is_admin meant so far: administrators may do everything, everyone else read and write where
      // collections allow it.
      `INSERT INTO user_roles (user_id, role)
        SELECT id, CASE WHEN is_admin = 1 THEN 'platform-admin' ELSE 'analyst' END FROM users`,
      // One record of roles: the flag would otherwise drift from the table.
      'ALTER TABLE users DROP COLUMN is_admin',
    ],
  },
  {
    // The language a user chose for the web UI (one of the six UN languages); null: the browser's.
    id: 'auth-0004-user-language',
    up: ['ALTER TABLE users ADD COLUMN language TEXT'],
  },
  {
    // Browser sessions are API tokens that end: null for API tokens, which last until revoked.
    id: 'auth-0005-token-expiry',
    up: ['ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT'],
  },
];
