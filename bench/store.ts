/**
 * A throw-away Thiqa store for one measurement, set up through the CLI as an operator would: `thiqa init`,
 * an organisation, a community it belongs to and a collection of that community (the generated data is
 * marked up to TLP:AMBER, which only a community's collection takes), then `thiqa token create admin` for
 * the TAXII client. SQLite lives in a folder of the run's temp folder;
 * PostgreSQL gets a schema of its own (`?options=-c search_path=<schema>`), dropped by `drop()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isStopping, jsonOutput, runCliOk } from './child.ts';
import type { DatabaseKind } from './measurement.ts';

const CLI_SETUP_TIMEOUT_MS = 60_000;

export interface BenchStore {
  database: DatabaseKind;
  /** `--data` of every CLI call (SQLite file, or local state next to PostgreSQL). */
  dataDir: string;
  /** Global CLI options naming the store: `--data DIR` and, for PostgreSQL, `--database-url URL`. */
  storeArgs: string[];
  collectionId: string;
  apiRoot: string;
  /** The community whose API root holds the collection. */
  community: string;
  /** Removes the store (folder and schema). Safe to call twice. */
  drop(): Promise<void>;
}

/** Drops of schemas not dropped yet: an interrupted run still removes them. */
export const pendingSchemaDrops = new Set<() => Promise<void>>();

/** A PostgreSQL URL whose connections use `schema` (created here). */
export async function createSchema(baseUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (isStopping()) throw new Error('the benchmark is stopping');
  const schema = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const drop = async () => {
    if (!pendingSchemaDrops.delete(drop)) return;
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  };
  pendingSchemaDrops.add(drop);
  return { url: url.toString(), drop };
}

/** An empty, uninitialised store: a folder (and, for PostgreSQL, a schema) and the URL that opens it. */
export interface EmptyStore {
  dataDir: string;
  databaseUrl: string;
  drop(): Promise<void>;
}

/** Creates an empty store named `label` under `parentDir`. */
export async function createEmptyStore(database: DatabaseKind, parentDir: string, label: string, postgresBaseUrl: string): Promise<EmptyStore> {
  if (isStopping()) throw new Error('the benchmark is stopping');
  const dataDir = path.join(parentDir, label);
  fs.mkdirSync(dataDir, { recursive: true });
  const schema = database === 'postgres' ? await createSchema(postgresBaseUrl, label.replace(/[^a-z0-9]/g, '_')) : undefined;
  return {
    dataDir,
    databaseUrl: schema?.url ?? `sqlite:${path.join(dataDir, 'thiqa.db')}`,
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    },
  };
}

/** Creates an empty store named `label` under `parentDir` and initialises it with `thiqa init`. */
export async function createStore(database: DatabaseKind, parentDir: string, label: string, postgresBaseUrl: string): Promise<BenchStore> {
  const empty = await createEmptyStore(database, parentDir, label, postgresBaseUrl);
  const storeArgs = ['--data', empty.dataDir, ...(database === 'postgres' ? ['--database-url', empty.databaseUrl] : [])];
  try {
    const cli = (args: string[]) => runCliOk([...args, ...storeArgs, '--json'], { timeoutMs: CLI_SETUP_TIMEOUT_MS });
    await cli(['init']);
    const community = 'Bench community';
    await cli(['org', 'add', 'Bench CIRT', '--type', 'member-state', '--subtype', 'national-cirt', '--country', 'MU']);
    await cli(['community', 'add', community]);
    await cli(['community', 'join', community, 'Bench CIRT']);
    const created = jsonOutput<{ collection: { id: string; apiRoot: string } }>(await cli(['collection', 'create', '--title', 'Bench', '--community', community]));
    return { database, dataDir: empty.dataDir, storeArgs, collectionId: created.collection.id, apiRoot: created.collection.apiRoot, community, drop: empty.drop };
  } catch (error) {
    await empty.drop();
    throw error;
  }
}

/** A Bearer token of the administrator `init` created: cheaper per request than Basic (no scrypt). */
export async function adminAuthorization(store: BenchStore): Promise<string> {
  const run = await runCliOk(['token', 'create', 'admin', '--label', 'bench', ...store.storeArgs, '--json'], { timeoutMs: CLI_SETUP_TIMEOUT_MS });
  return `Bearer ${jsonOutput<{ token: string }>(run).token}`;
}
