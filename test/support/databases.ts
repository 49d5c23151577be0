/**
 * Every storage test runs on both databases. `eachDatabase` yields a fresh, migrated store per test file:
 * a SQLite file in a temporary folder, and a PostgreSQL schema of its own (dropped afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database, Dialect } from '../../server/core/db/database.ts';
import { openDatabase } from '../../server/core/db/open-database.ts';

export function postgresTestUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export function postgresSkipped(): boolean {
  return process.env.THIQA_TEST_SKIP_POSTGRES === '1';
}

export const dialects: Dialect[] = postgresSkipped() ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestStore {
  dialect: Dialect;
  /** URL that opens this very store (for a second connection, a server or the CLI). */
  url: string;
  /** Removes the store. */
  drop(): Promise<void>;
}

/** Creates an empty store of the given dialect. */
export async function createTestStore(dialect: Dialect): Promise<TestStore> {
  const tag = `t_${randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-test-'));
    return {
      dialect,
      url: `sqlite:${path.join(dir, 'thiqa.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: postgresTestUrl() });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${tag}`);
  await admin.end();
  const url = new URL(postgresTestUrl());
  url.searchParams.set('options', `-c search_path=${tag}`);
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresTestUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`);
      await client.end();
    },
  };
}

/** Opens a store created by `createTestStore`. */
export function openTestDatabase(store: TestStore): Promise<Database> {
  return openDatabase(store.url);
}
