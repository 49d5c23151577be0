// `gateway-0002-duplicate-keys` on a store made before it, on both databases: the duplicate keys stored are all
// kept as they were, still found by key, still replaced and flagged by record; and the table no longer
// references the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import { migrations } from '../../../platform.ts';
import type { Database } from '../../../core/db/database.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { digestKey, flagDuplicates, writeDuplicateKeys } from './record-index.sql.ts';
import { ImportRepository } from './import.repository.ts';

const KEY = 'title\u001fcirt\u001fTN\u001fcert national';
const OTHER = 'source_url\u001fansi.tn';
const record = (id: string, at: number) =>
  `INSERT INTO gateway_records (id, type, status, version, revisions, proposed_by, proposed_at) VALUES ('${id}', 'cirt', 'pending', 1, 1, 'user:u', ${at})`;

describe.each(dialects)('gateway-0002-duplicate-keys on an existing store on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, migrations.slice(0, migrations.findIndex((m) => m.id === 'gateway-0002-duplicate-keys')));
    await db.run(record('r1', 1));
    await db.run(record('r2', 2));
    await db.run('INSERT INTO gateway_duplicate_keys (key, record_id, reason) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)', [digestKey(KEY), 'r1', 'title', digestKey(OTHER), 'r1', 'source_url', digestKey(KEY), 'r2', 'title']);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('keeps every key, finds them by key and by record, and drops the reference to the records', async () => {
    expect(await migrate(db, migrations)).toContain('gateway-0002-duplicate-keys');
    const keys = await db.all<{ key: string; record_id: string; reason: string }>('SELECT key, record_id, reason FROM gateway_duplicate_keys ORDER BY record_id, reason');
    expect(keys).toEqual([
      { key: digestKey(OTHER), record_id: 'r1', reason: 'source_url' },
      { key: digestKey(KEY), record_id: 'r1', reason: 'title' },
      { key: digestKey(KEY), record_id: 'r2', reason: 'title' },
    ]);
    const holders = await new ImportRepository(db).holders([KEY, OTHER]);
    expect(holders.map((h) => `${h.recordId} ${h.reason} ${h.proposedAt}`).sort()).toEqual(['r1 source_url 1', 'r1 title 1', 'r2 title 2']);
    const flags = await db.transaction(async (tx) => {
      await writeDuplicateKeys(tx, 'r2', 'cirt', { title: { en: 'CERT national' }, source_url: 'https://www.ansi.tn/', country: 'TN' });
      return flagDuplicates(tx, 'r2', 3);
    });
    expect(flags.map((f) => [f.recordId, f.otherId, f.reasons])).toEqual([['r2', 'r1', ['source_url', 'title']]]);
    if (dialect === 'sqlite') {
      const table = await db.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'gateway_duplicate_keys'");
      expect(table!.sql).toMatch(/PRIMARY KEY \(key, record_id\)/);
      expect(await db.get("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'gateway_duplicate_keys_record'")).toBeDefined();
      expect(table!.sql).not.toMatch(/REFERENCES/);
    } else {
      const references = await db.all("SELECT conname FROM pg_constraint WHERE conrelid = 'gateway_duplicate_keys'::regclass AND contype = 'f'");
      expect(references).toEqual([]);
    }
  });
});
