import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import type { Database } from '../../../core/db/database.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { exchangeMigrations } from './exchange-migrations.ts';
import { ObjectRepository, type NewVersion } from './object.repository.ts';
import { ApiRootRepository } from './api-root.repository.ts';
import { CollectionRepository } from './collection.repository.ts';

const ALL = { all: true, first: false, last: false, keys: [] };
const version = (id: number, day: number): NewVersion => ({
  stixId: `indicator--00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  type: 'indicator',
  version: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000000000Z`,
  specVersion: '2.1',
  body: new TextEncoder().encode(JSON.stringify({ id, day })),
});

describe.each(dialects)('object versions on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  let n = 0;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, exchangeMigrations);
    await new ApiRootRepository(db).create({ name: 'r', title: 'R', description: null, max_content_length: 1024, is_default: 1, created_at: 0 });
    for (const id of ['clock', 'deleting']) await collection(id);
  });

  const collection = (id: string) =>
    new CollectionRepository(db).create({ id, api_root: 'r', title: id, description: null, alias: null, created_at: 0, default_tlp: 1 });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('keeps exactly one first and one last version per object, whatever order versions arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ id: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 1, max: 9 }) }), { maxLength: 8 }), { maxLength: 5 }),
        async (batches) => {
          const collectionId = `c${++n}`;
          await collection(collectionId);
          const repo = new ObjectRepository(db);
          const seen = new Set<string>();
          for (const batch of batches) {
            const outcomes = await repo.store(collectionId, batch.map((b) => version(b.id, b.day)));
            outcomes.forEach((outcome, i) => {
              const key = `${batch[i]!.id}/${batch[i]!.day}`;
              expect(outcome.stored).toBe(!seen.has(key));
              seen.add(key);
            });
          }
          const rows = await db.all<{ stix_id: string; version: string; is_first: number; is_last: number; date_added: number }>(
            'SELECT stix_id, version, is_first, is_last, date_added FROM stix_objects s JOIN collections c ON c.seq = s.collection_seq WHERE c.id = ? ORDER BY date_added',
            [collectionId],
          );
          expect(rows).toHaveLength(seen.size);
          for (const id of new Set(rows.map((r) => r.stix_id))) {
            const mine = rows.filter((r) => r.stix_id === id).map((r) => r.version).sort();
            expect(rows.filter((r) => r.stix_id === id && r.is_first === 1).map((r) => r.version)).toEqual([mine[0]]);
            expect(rows.filter((r) => r.stix_id === id && r.is_last === 1).map((r) => r.version)).toEqual([mine[mine.length - 1]]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hands out strictly increasing date_added values across batches and connections', async () => {
    const other = await openTestDatabase(store);
    try {
      const a = new ObjectRepository(db);
      const b = new ObjectRepository(other);
      await Promise.all([
        a.store('clock', [version(1, 1), version(2, 1), version(3, 1)]),
        b.store('clock', [version(4, 1), version(5, 1)]),
        a.store('clock', [version(6, 1)]),
      ]);
      const rows = await a.list({ collectionId: 'clock', after: 0, versions: ALL, limit: 100 }, false);
      expect(rows).toHaveLength(6);
      const added = rows.map((r) => r.date_added);
      expect(new Set(added).size).toBe(6);
      expect([...added].sort((x, y) => x - y)).toEqual(added);
    } finally {
      await other.close();
    }
  });

  it('re-marks first and last after deleting versions', async () => {
    const repo = new ObjectRepository(db);
    await repo.store('deleting', [version(1, 1), version(1, 2), version(1, 3)]);
    expect(await repo.delete('deleting', version(1, 1).stixId, { all: false, first: false, last: true, keys: [] }, [])).toBe(1);
    const last = await repo.list({ collectionId: 'deleting', after: 0, versions: { all: false, first: false, last: true, keys: [] }, limit: 10 }, true);
    expect(last.map((r) => JSON.parse(Buffer.from(r.body!).toString()).day)).toEqual([2]);
    expect(await repo.delete('deleting', version(1, 1).stixId, ALL, [])).toBe(2);
    expect(await repo.count('deleting', false)).toBe(0);
  });
});
