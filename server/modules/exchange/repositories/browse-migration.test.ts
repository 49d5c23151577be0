// `exchange-0004-browse` on a store made before: the versions already stored get their display name, search
// text (lower-cased and normalised in code, alike on both databases) and relationship ends, with properties
// a granular marking restricts left out, and the browse reads find them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import { migrations } from '../../../platform.ts';
import type { Database } from '../../../core/db/database.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { ObjectBrowseRepository } from './object-browse.repository.ts';
import { idKey } from './object-key.ts';

const encoder = new TextEncoder();
const MALWARE = 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const IDENTITY = 'identity--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';

const rows: [dateAdded: number, id: string, body: Record<string, unknown>, redactions: string | null][] = [
  [1, MALWARE, { type: 'malware', id: MALWARE, name: 'ÉMOTET Loader', description: 'Spread by MAIL' }, null],
  [2, 'relationship--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { type: 'relationship', relationship_type: 'uses', source_ref: IDENTITY, target_ref: MALWARE }, null],
  [3, 'sighting--3e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { type: 'sighting', sighting_of_ref: MALWARE, where_sighted_refs: [IDENTITY] }, null],
  [4, 'domain-name--4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { type: 'domain-name', value: 'Bad.Example' }, null],
  [5, 'indicator--5e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { type: 'indicator', name: 'Open', description: 'hidden words' }, '[["description", 4]]'],
  [6, 'note--6e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { type: 'note', content: 'no name', name: 'x'.repeat(400) }, null],
];

describe.each(dialects)('browse columns added to an existing store on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, migrations.slice(0, migrations.findIndex((m) => m.id === 'exchange-0004-browse')));
    await db.run("INSERT INTO api_roots (name, title, max_content_length, created_at) VALUES ('r', 'R', 1024, 0)");
    await db.run("INSERT INTO collections (id, seq, api_root, title, created_at) VALUES ('c', 1, 'r', 'C', 0)");
    for (const [dateAdded, id, body, redactions] of rows) {
      await db.run(
        `INSERT INTO stix_objects (date_added, collection_seq, id_key, stix_id, version, type, spec_version, is_first, is_last, body, redactions)
         VALUES (?, 1, ?, ?, '', ?, '2.1', 1, 1, ?, ?)`,
        [dateAdded, idKey(id), id, body.type as string, encoder.encode(JSON.stringify({ ...body, id })), redactions],
      );
    }
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('fills name, search text and relationship ends of what was stored', async () => {
    // What came before stays as it was; exchange-0004 runs first of the rest.
    expect((await migrate(db, migrations))[0]).toBe('exchange-0004-browse');
    const stored = await db.all<Record<string, unknown>>('SELECT date_added, name, search_text, rel_source, rel_target FROM stix_objects ORDER BY date_added');
    expect(stored.map((row) => ({ ...row, date_added: Number(row.date_added) }))).toEqual([
      { date_added: 1, name: 'ÉMOTET Loader', search_text: 'émotet loader spread by mail', rel_source: null, rel_target: null },
      { date_added: 2, name: null, search_text: null, rel_source: IDENTITY, rel_target: MALWARE },
      { date_added: 3, name: null, search_text: null, rel_source: IDENTITY, rel_target: MALWARE },
      { date_added: 4, name: 'Bad.Example', search_text: 'bad.example', rel_source: null, rel_target: null },
      // A property restricted by a granular marking is never searchable.
      { date_added: 5, name: 'Open', search_text: 'open', rel_source: null, rel_target: null },
      { date_added: 6, name: 'x'.repeat(300), search_text: 'x'.repeat(400), rel_source: null, rel_target: null },
    ]);
    const browse = new ObjectBrowseRepository(db);
    const reader = { base: 1, userId: 'u', orgId: 'o', cap: 4 };
    expect((await browse.latest({ collectionId: 'c', text: 'émotet', limit: 10 }, reader)).map((r) => r.stix_id)).toEqual([MALWARE]);
    expect((await browse.latest({ collectionId: 'c', text: 'hidden', limit: 10 }, reader))).toEqual([]);
    expect((await browse.linked('c', 'rel_target', MALWARE, reader, 10)).map((r) => Number(r.date_added))).toEqual([3, 2]);
    expect(await browse.linked('c', 'rel_source', IDENTITY, { ...reader, base: 0 }, 10)).toEqual([]);
  });
});
