/**
 * The SQLite ceiling: how fast bare `node:sqlite` on this machine takes the very same JSON rows, with none
 * of Thiqa's work (no validation, no version bookkeeping, no secondary index). Ingest figures are read
 * against it: an ingest at 40 % of the ceiling has room to grow; one at 95 % does not.
 *
 * The table is (id TEXT PRIMARY KEY, body TEXT), WAL, 1,000 rows per transaction. The key is
 * `<stix id>@<modified>`: the generator emits several versions of some objects, and a bare id would make
 * them collide. It runs twice: `synchronous = FULL`, as Thiqa runs, so every commit is as durable as an
 * ingest commit; and NORMAL, so the difference shows what the fsync of each commit costs on this disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readObjectLines, versionKeyOf, type Dataset } from './dataset.ts';
import type { Measurement } from './measurement.ts';
import { checkDeadline, perSecond } from './stats.ts';

/** Rows per transaction, as the brief for the ceiling asks. */
const ROWS_PER_TRANSACTION = 1_000;

/** Runs both ceilings on fresh files in `dir` (removed afterwards). */
export async function measureSqliteCeiling(dataset: Dataset, dir: string, deadline: number): Promise<Measurement[]> {
  return [await insertAll(dataset, dir, 'FULL', deadline), await insertAll(dataset, dir, 'NORMAL', deadline)];
}

/** Only the time inside the transactions is counted: reading and cutting the bundle is the client's cost. */
async function insertAll(dataset: Dataset, dir: string, synchronous: 'FULL' | 'NORMAL', deadline: number): Promise<Measurement> {
  const file = path.join(dir, `ceiling-${synchronous.toLowerCase()}.db`);
  const db = new DatabaseSync(file);
  let rows = 0;
  let insertMs = 0;
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${synchronous}`);
    db.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (id, body) VALUES (?, ?)');
    for await (const batch of readObjectLines(dataset.file, ROWS_PER_TRANSACTION)) {
      checkDeadline(deadline, 'SQLite ceiling');
      const keys = batch.map(versionKeyOf);
      const started = performance.now();
      db.exec('BEGIN');
      for (let i = 0; i < batch.length; i++) insert.run(keys[i]!, batch[i]!);
      db.exec('COMMIT');
      insertMs += performance.now() - started;
      rows += batch.length;
    }
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  return {
    name: `ceiling: bare SQLite, 1000 rows/tx, synchronous=${synchronous}`,
    database: 'sqlite',
    size: rows,
    value: perSecond(rows, insertMs),
    unit: 'rows/s',
    detail: { insertMs: Math.round(insertMs), rowsPerTransaction: ROWS_PER_TRANSACTION, synchronous, journal: 'WAL' },
  };
}
