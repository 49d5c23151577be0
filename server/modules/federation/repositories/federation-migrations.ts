/**
 * The Federation module's tables.
 *
 * - `federation_peers`: other hubs, by name (`name_key`: NFC, lower-cased in JavaScript), with their TAXII API
 *   root URL, how to authenticate to them (`auth_kind`: basic, bearer, none) and the credentials sealed
 *   (`secret`: AES-256-GCM, see services/secret-box.ts; never stored in clear), and the local organisation
 *   the peer hub stands for (`organisation_id`), for which forwarding is decided.
 * - `federation_links`: one remote collection of a peer tied to one local collection, with a direction
 *   (pull, push, both), a mode (scheduled, continuous), whether deletions propagate, the community the link
 *   belongs to, and its cursors: `pull_cursor` (the remote's last `date_added` fully stored, as it sent it),
 *   `push_cursor` (the local `date_added` last acknowledged, microseconds), `delete_cursor` (the last local
 *   tombstone sent); and its health: last success, last error, consecutive failures. `federation-0002` adds
 *   `last_reconcile_at`: when a pull link that propagates deletions last compared the peer's manifest with
 *   what the peer delivered here (services/link-reconcile.ts), and an index of the provenance by link for it.
 * - `federation_provenance`: which peer delivered each version of an object into a local collection, and
 *   when (first and last arrival, count). One row per (collection, id, version, peer).
 * - `federation_quarantine`: what a peer sent that could not be stored (malformed or invalid), as received
 *   (at most 64 KiB of it), with the validator's rule codes.
 * - `federation_personal_data_holds` (`federation-0003`): versions a push link held back because their free
 *   text seems to hold personal data (services/personal-data-holds.ts): the kinds found (never the values),
 *   the version's local `date_added` (to read it again), when it was held, confirmed (and by whom) and pushed.
 */
import type { Migration } from '../../../core/db/migrate.ts';

export const federationMigrations: Migration[] = [
  {
    id: 'federation-0001-peers-links',
    up: [
      `CREATE TABLE federation_peers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        api_root_url TEXT NOT NULL,
        auth_kind TEXT NOT NULL,
        secret TEXT,
        organisation_id TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE federation_links (
        id TEXT PRIMARY KEY,
        peer_id TEXT NOT NULL REFERENCES federation_peers (id),
        remote_collection TEXT NOT NULL,
        local_api_root TEXT NOT NULL,
        local_collection TEXT NOT NULL,
        direction TEXT NOT NULL,
        mode TEXT NOT NULL,
        propagate_deletions INTEGER NOT NULL,
        community_id TEXT,
        pull_cursor TEXT,
        push_cursor BIGINT NOT NULL DEFAULT 0,
        delete_cursor BIGINT NOT NULL DEFAULT 0,
        last_success_at BIGINT,
        last_attempt_at BIGINT,
        last_error_code TEXT,
        last_error_message TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      )`,
      'CREATE UNIQUE INDEX federation_links_target ON federation_links (peer_id, remote_collection, local_collection)',
      `CREATE TABLE federation_provenance (
        collection_id TEXT NOT NULL,
        stix_id TEXT NOT NULL,
        version TEXT NOT NULL,
        peer_id TEXT NOT NULL,
        link_id TEXT NOT NULL,
        first_at BIGINT NOT NULL,
        last_at BIGINT NOT NULL,
        arrivals INTEGER NOT NULL,
        PRIMARY KEY (collection_id, stix_id, version, peer_id)
      )`,
      `CREATE TABLE federation_quarantine (
        id TEXT PRIMARY KEY,
        peer_id TEXT NOT NULL,
        link_id TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        stix_id TEXT,
        object_json TEXT NOT NULL,
        truncated INTEGER NOT NULL,
        reasons TEXT NOT NULL
      )`,
      'CREATE INDEX federation_quarantine_link ON federation_quarantine (link_id, received_at)',
    ],
  },
  {
    id: 'federation-0002-link-reconcile',
    up: ['ALTER TABLE federation_links ADD COLUMN last_reconcile_at BIGINT', 'CREATE INDEX federation_provenance_link ON federation_provenance (link_id)'],
  },
  {
    id: 'federation-0003-personal-data-holds',
    up: [
      `CREATE TABLE federation_personal_data_holds (
        link_id TEXT NOT NULL,
        stix_id TEXT NOT NULL,
        version TEXT NOT NULL,
        date_added BIGINT NOT NULL,
        kinds TEXT NOT NULL,
        held_at BIGINT NOT NULL,
        confirmed_at BIGINT,
        confirmed_by TEXT,
        pushed_at BIGINT,
        PRIMARY KEY (link_id, stix_id, version)
      )`,
    ],
  },
];
