// `federation-0002-link-reconcile` on a store made before it, on both databases: the links stored keep their
// cursors and health, have never been reconciled (null), and can be reconciled from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import { migrations } from '../../../platform.ts';
import type { Database } from '../../../core/db/database.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { LinkRepository } from './link.repository.ts';

describe.each(dialects)('federation-0002-link-reconcile on an existing store on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, migrations.slice(0, migrations.findIndex((m) => m.id === 'federation-0002-link-reconcile')));
    await db.run("INSERT INTO federation_peers (id, name, name_key, api_root_url, auth_kind, secret, organisation_id, created_at) VALUES ('p1', 'Peer', 'peer', 'https://peer.example/root/', 'none', NULL, 'o1', 1)");
    await db.run(
      `INSERT INTO federation_links (id, peer_id, remote_collection, local_api_root, local_collection, direction, mode, propagate_deletions, community_id, pull_cursor, push_cursor, delete_cursor, failures, created_at)
       VALUES ('l1', 'p1', 'c1', 'region', 'local1', 'pull', 'scheduled', 1, NULL, '2026-05-01T00:00:00.000Z', 7, 3, 2, 5)`,
    );
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('keeps every link as it was, never reconciled, and records a reconciliation from then on', async () => {
    expect(await migrate(db, migrations)).toContain('federation-0002-link-reconcile');
    const links = new LinkRepository(db);
    expect(await links.find('l1')).toMatchObject({ pull_cursor: '2026-05-01T00:00:00.000Z', push_cursor: 7, delete_cursor: 3, failures: 2, propagate_deletions: 1, last_reconcile_at: null });
    await links.setReconciledAt('l1', 1_700_000_000_000);
    expect((await links.find('l1'))?.last_reconcile_at).toBe(1_700_000_000_000);
  });
});
