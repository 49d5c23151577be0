/**
 * Schema migrations. Each module contributes an ordered list; ids are never reused or edited once released.
 * Applying them is safe when several processes start at once (one transaction, serialised by the database).
 */
import type { Database, Dialect, Queryable } from './database.ts';

export interface Migration {
  /** Unique, ordered within its module: `exchange-0001-objects`. */
  id: string;
  /** Statements for both dialects, or per dialect where they differ. */
  up: readonly string[] | Readonly<Record<Dialect, readonly string[]>>;
  /**
   * Work done in code after the statements, in the same transaction: for values SQL cannot compute alike on
   * both dialects (case folding of non-ASCII text, Unicode normalisation).
   */
  backfill?: (tx: Queryable) => Promise<void>;
}

function statementsFor(migration: Migration, dialect: Dialect): readonly string[] {
  return Array.isArray(migration.up) ? (migration.up as readonly string[]) : (migration.up as Record<Dialect, readonly string[]>)[dialect];
}

async function lock(tx: Queryable): Promise<void> {
  // SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL needs an explicit one.
  if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(7347) AS locked');
}

/** Applies every migration not yet recorded, in order. Answers the ids applied now. */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lock(tx);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.all<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of statementsFor(migration, tx.dialect)) await tx.run(statement);
      await migration.backfill?.(tx);
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [migration.id, Date.now()]);
      applied.push(migration.id);
    }
    return applied;
  });
}
