/**
 * The Lookup module's table. `observables`: one row per observable value of each stored object version
 * (every version, not only the latest: a lookup re-reads the versions it finds through the Exchange, which
 * decides which of them the caller may see): its type and normal form, for a single IP address its
 * fixed-width hex key (networks are found by range), and the collection, STIX id and version key it was
 * found in. `observable_prefixes`: the prefix lengths of the networks indexed, by type (never removed: a
 * length no network uses any more costs a lookup one more value to ask for), so that an address is looked up
 * on the networks of those lengths only. Rows are written after each store and removed after each deletion (`LookupService`); the table
 * is filled for objects stored before it existed by `thiqa lookup reindex`.
 */
import type { Migration } from '../../../core/db/migrate.ts';

const tables = [
  `CREATE TABLE observables (
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    address_key TEXT,
    collection_id TEXT NOT NULL,
    stix_id TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (type, value, collection_id, stix_id, version)
  )`,
  'CREATE INDEX observables_address ON observables (type, address_key)',
  'CREATE INDEX observables_object ON observables (collection_id, stix_id)',
  `CREATE TABLE observable_prefixes (
    type TEXT NOT NULL,
    prefix INTEGER NOT NULL,
    PRIMARY KEY (type, prefix)
  )`,
];

export const lookupMigrations: Migration[] = [{ id: 'lookup-0001-observables', up: tables }];
