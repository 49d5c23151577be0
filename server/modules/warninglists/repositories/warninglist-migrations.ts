/**
 * The Warning lists module's tables.
 *
 * - `warninglists`: one row per imported MISP warning list, keyed by its `name` (as MISP keys them): version,
 *   description, type, `matching_attributes` and `entries` (JSON lists of texts: a list is read and written
 *   whole, never queried by entry), the entry count, whether it is enabled, and when and by whom it was
 *   imported.
 * - `warninglists_clock`: one row whose `version` every change of a list bumps, in the change's transaction,
 *   so a process holding an index in memory sees that another changed the lists by reading one row.
 */
import type { Migration } from '../../../core/db/migrate.ts';

const tables = [
  `CREATE TABLE warninglists (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    description TEXT NOT NULL,
    type TEXT NOT NULL,
    matching_attributes TEXT NOT NULL,
    entries TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    imported_at BIGINT NOT NULL,
    imported_by TEXT NOT NULL
  )`,
  'CREATE TABLE warninglists_clock (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)',
  'INSERT INTO warninglists_clock (id, version) VALUES (1, 0)',
];

export const warninglistMigrations: Migration[] = [{ id: 'warninglists-0001-lists', up: tables }];
