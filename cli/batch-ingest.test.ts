import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../server/bootstrap.ts';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import type { Collection } from '../server/modules/exchange/services/collection.service.ts';
import { openPlatform, type Platform } from '../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../test/support/databases.ts';
import { BatchIngester } from './batch-ingest.ts';

const malware = (n: number) => ({
  type: 'malware',
  spec_version: '2.1',
  id: `malware--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  name: `m${n}`,
  is_family: false,
});

describe.each(dialects)('BatchIngester on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let collection: Collection;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url }));
    await bootstrap(platform);
    collection = await platform.collections.find(SYSTEM, 'default');
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('numbers rejected objects over the whole stream, across batches', async () => {
    const ingester = new BatchIngester(platform, collection, 3);
    const objects = [malware(1), malware(2), malware(3), { type: 'malware' }, malware(4), 'text', malware(1), malware(5)];
    for (const object of objects) await ingester.add(object);
    const tally = await ingester.finish();
    expect(tally).toMatchObject({ objects: 8, stored: 5, duplicates: 1 });
    expect(tally.rejected.map((r) => [r.index, r.id])).toEqual([[3, null], [5, null]]);
    expect(tally.rejected[0]!.reasons).toMatch(/\[required-property\]/);
  });

  it('throws the store error at the next step, never as an unhandled rejection', async () => {
    const ingester = new BatchIngester(platform, { id: 'no-such-collection', apiRoot: 'thiqa' }, 1);
    await ingester.add(malware(9));
    await expect(ingester.add(malware(10))).rejects.toMatchObject({ code: 'collection.not_found' });
  });
});
