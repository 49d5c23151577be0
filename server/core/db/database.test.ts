import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

describe.each(dialects)('database on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('applies migrations once, even when asked twice', async () => {
    const migrations = [{ id: 'test-0001', up: ['CREATE TABLE things (id TEXT PRIMARY KEY, n BIGINT NOT NULL)'] }];
    expect(await migrate(db, migrations)).toEqual(['test-0001']);
    expect(await migrate(db, migrations)).toEqual([]);
  });

  it('commits a transaction and rolls back a failed one', async () => {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1_700_000_000_000_001]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['b', 2]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.all<{ id: string; n: number }>('SELECT id, n FROM things ORDER BY id');
    expect(rows).toEqual([{ id: 'a', n: 1_700_000_000_000_001 }]);
  });

  it('shows committed writes to a second connection on the same store', async () => {
    const other = await openTestDatabase(store);
    try {
      await other.run('INSERT INTO things (id, n) VALUES (?, ?)', ['c', 3]);
      expect(await db.get<{ n: number }>('SELECT n FROM things WHERE id = ?', ['c'])).toEqual({ n: 3 });
    } finally {
      await other.close();
    }
  });
});
