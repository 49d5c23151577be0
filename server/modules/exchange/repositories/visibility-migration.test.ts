// `exchange-0003-visibility` on a store made before TLP was enforced: the versions already stored become GREEN
// with no origin, so the readers of their collection still see them, and nobody else does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import { migrations } from '../../../platform.ts';
import type { Database } from '../../../core/db/database.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { ObjectRepository } from './object.repository.ts';

const encoder = new TextEncoder();

describe.each(dialects)('visibility added to an existing store on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, migrations.slice(0, migrations.findIndex((m) => m.id === 'exchange-0003-visibility')));
    await db.run("INSERT INTO api_roots (name, title, max_content_length, created_at) VALUES ('r', 'R', 1024, 0)");
    await db.run("INSERT INTO collections (id, seq, api_root, title, created_at) VALUES ('c', 1, 'r', 'C', 0)");
    await db.run(
      `INSERT INTO stix_objects (date_added, collection_seq, id_key, stix_id, version, type, spec_version, is_first, is_last, body)
       VALUES (1, 1, 7, 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', 'v', 'indicator', '2.1', 1, 1, ?)`,
      [encoder.encode('{"type":"indicator"}')],
    );
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('marks what was stored GREEN, for the readers of its collection only', async () => {
    expect((await migrate(db, migrations)).slice(0, 2)).toEqual(['exchange-0003-visibility', 'exchange-0004-browse']);
    expect(await db.get('SELECT tlp, origin_user, origin_org, has_recipients, redactions FROM stix_objects')).toEqual({
      tlp: 1,
      origin_user: null,
      origin_org: null,
      has_recipients: 0,
      redactions: null,
    });
    expect(await db.get('SELECT default_tlp FROM collections')).toEqual({ default_tlp: 1 });
    const objects = new ObjectRepository(db);
    const query = { collectionId: 'c', after: 0, versions: { all: true, first: false, last: false, keys: [] }, limit: 10 };
    const reader = (base: number) => ({ base, userId: 'u', orgId: 'o', cap: 4 });
    expect(await objects.list(query, false, reader(1))).toHaveLength(1);
    expect(await objects.list(query, false, reader(0))).toHaveLength(0);
    expect(await objects.list(query, false, reader(-1))).toHaveLength(0);
  });
});
