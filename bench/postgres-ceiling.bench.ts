/**
 * The PostgreSQL ceiling: the same JSON rows as the SQLite ceiling into a bare (id TEXT PRIMARY KEY,
 * body TEXT) table in a schema of the run's own, 1,000 rows per transaction sent as one `unnest` INSERT —
 * the cheapest plain-SQL way to send many rows in one round trip, and the one Thiqa's repository also uses.
 */
import pg from 'pg';
import { readObjectLines, versionKeyOf, type Dataset } from './dataset.ts';
import type { Measurement } from './measurement.ts';
import { checkDeadline, perSecond } from './stats.ts';

const ROWS_PER_TRANSACTION = 1_000;

/** Inserts every object of `dataset` through `url` (a URL whose search_path names an empty schema). */
export async function measurePostgresCeiling(dataset: Dataset, url: string, deadline: number): Promise<Measurement[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  let insertMs = 0;
  try {
    await client.query('CREATE TABLE ceiling_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    for await (const batch of readObjectLines(dataset.file, ROWS_PER_TRANSACTION)) {
      checkDeadline(deadline, 'PostgreSQL ceiling');
      const keys = batch.map(versionKeyOf);
      const started = performance.now();
      await client.query('BEGIN');
      await client.query('INSERT INTO ceiling_rows (id, body) SELECT * FROM unnest($1::text[], $2::text[])', [keys, batch]);
      await client.query('COMMIT');
      insertMs += performance.now() - started;
      rows += batch.length;
    }
    await client.query('DROP TABLE ceiling_rows');
  } finally {
    await client.end();
  }
  return [
    {
      name: 'ceiling: bare PostgreSQL, 1000 rows/tx',
      database: 'postgres',
      size: rows,
      value: perSecond(rows, insertMs),
      unit: 'rows/s',
      detail: { insertMs: Math.round(insertMs), rowsPerTransaction: ROWS_PER_TRANSACTION, method: 'unnest' },
    },
  ];
}
