/**
 * Schema of the audit log. `audit_log` holds the entries (see `audit-chain.ts` for the hash); `audit_head` is
 * one row naming the newest entry, updated in the same transaction as each append, so removing the newest
 * entries without also rewinding it is detected. `organisation_id` is the acting user's organisation (null when
 * none), which that organisation's administrators read by.
 */
import type { Migration } from '../db/migrate.ts';
import { GENESIS_HASH } from './audit-chain.ts';

/** Migrations of `server/core/audit`, in order. */
export const auditMigrations: Migration[] = [
  {
    id: 'audit-0001-log',
    up: [
      `CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT NOT NULL,
        organisation_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      // Users see their own entries: listed by actor, in order.
      'CREATE INDEX audit_log_actor ON audit_log (actor, seq)',
      // Finding where a moved entry was written (verification reports "reordered" precisely).
      'CREATE INDEX audit_log_hash ON audit_log (hash)',
      'CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL)',
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}')`,
    ],
  },
  {
    id: 'audit-0002-organisation',
    // Organisation administrators read their organisation's entries, in order.
    up: ['CREATE INDEX audit_log_organisation ON audit_log (organisation_id, seq)'],
  },
];
