// Bulk inserts on both databases: whatever a text holds (quotes, backslashes, braces, commas, the word NULL,
// line ends, any script) and NULLs, every row is stored exactly as given and in full, past a statement's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../core/db/database.ts';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../../test/support/databases.ts';
import { arrayLiteral, insertColumns, insertRows, type Cell } from './bulk-insert.sql.ts';

const ODD = ['', ' ', 'NULL', 'null', 'a,b', '{x}', '"', '\\', '\\"', 'a "b" \\c\\', 'line\nend\r\n', '\t', 'الأمن', '网络安全', 'Ā\u0101', "it's", '(1, 2)'];

describe('arrayLiteral', () => {
  it('quotes every text, escapes quotes and backslashes, and writes NULL and integers bare', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, ''])).toBe('{"a","b\\"c","d\\\\e",NULL,""}');
    expect(arrayLiteral([1, 20, null])).toBe('{1,20,NULL}');
    expect(arrayLiteral([])).toBe('{}');
    expect(() => arrayLiteral([Number.NaN])).toThrow();
  });
});

describe.each(dialects)('bulk inserts on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await db.run('CREATE TABLE bulk_test (n BIGINT PRIMARY KEY, t TEXT, u TEXT NOT NULL)');
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('stores every row as given, by columns and by rows, over many statements', async () => {
    const count = 25_000;
    const rows: Cell[][] = Array.from({ length: count }, (_, n) => [n, n % 7 === 0 ? null : ODD[n % ODD.length]!, `${ODD[(n * 3) % ODD.length]!}${n}`]);
    await db.transaction(async (tx) => {
      await insertColumns(tx, 'bulk_test', ['n', 't', 'u'], ['bigint', 'text', 'text'], [0, 1, 2].map((c) => rows.slice(0, 21_000).map((row) => row[c]!)));
      await insertRows(tx, 'bulk_test', ['n', 't', 'u'], ['bigint', 'text', 'text'], rows.slice(21_000));
    });
    const stored = await db.all<{ n: number | string; t: string | null; u: string }>('SELECT n, t, u FROM bulk_test ORDER BY n');
    expect(stored.map((row) => [Number(row.n), row.t, row.u])).toEqual(rows);
  });

  it('refuses columns of different lengths, storing nothing', async () => {
    await expect(db.transaction((tx) => insertColumns(tx, 'bulk_test', ['n', 'u'], ['bigint', 'text'], [[1_000_000], []]))).rejects.toThrow(/differ in length/);
    expect(await db.get('SELECT n FROM bulk_test WHERE n = 1000000')).toBeUndefined();
  });
});
