// Checks once, before any test, that the PostgreSQL the storage tests need is there.
import pg from 'pg';
import { postgresTestUrl, postgresSkipped } from './databases.ts';

export default async function setup(): Promise<void> {
  if (postgresSkipped()) return;
  const client = new pg.Client({ connectionString: postgresTestUrl() });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for the storage tests and was not reachable at ${postgresTestUrl()} (${(error as Error).message}).\n` +
        'Start it, point TEST_DATABASE_URL at one, or set THIQA_TEST_SKIP_POSTGRES=1 to run SQLite only.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
