/** Opens the store a URL names: `sqlite:<file>` (the folder is created) or `postgres://…`. */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { PostgresDatabase } from './postgres-database.ts';
import { SqliteDatabase } from './sqlite-database.ts';
import { DomainError, invalid } from '../errors.ts';

export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new SqliteDatabase(file);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const db = new PostgresDatabase(url);
    try {
      await db.get('SELECT 1 AS ok');
    } catch (error) {
      await db.close().catch(() => undefined);
      throw new DomainError('unavailable', 'database.unreachable', `cannot connect to PostgreSQL: ${(error as Error).message}`);
    }
    return db;
  }
  throw invalid('config.invalid_database_url', `unsupported database URL "${url}"`, { value: url });
}
