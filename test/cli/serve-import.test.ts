// `thiqa serve` and `thiqa import` on the same SQLite store at once; the objects are then read over TAXII.
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../support/databases.ts';
import { readJson, referenceBundles } from '../support/reference-data.ts';
import { jsonOf, runCli, startCli, storeArgs } from './cli-runner.ts';

interface Started {
  url: string;
  discovery: string;
  apiRoot: string;
  defaultCollectionId: string;
  admin: { name: string; password: string } | null;
}

const TAXII = 'application/taxii+json;version=2.1';

describe('import while thiqa serve runs on the same SQLite store', () => {
  let store: TestStore;
  let server: ChildProcess;
  let started: Started;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = startCli(['serve', '--port', '0', '--host', '127.0.0.1', '--json', ...storeArgs(store)]);
    const lines = readline.createInterface({ input: server.stdout! });
    const [line] = (await Promise.race([once(lines, 'line'), once(server, 'exit').then(() => [''])])) as [string];
    started = JSON.parse(line) as Started;
  });
  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
    await store.drop();
  });

  it('announces where it listens and, on first run, the admin password', () => {
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.discovery).toBe(`${started.url}/taxii2/`);
    expect(started.admin?.name).toBe('admin');
  });

  it('serves over TAXII the objects the CLI imports meanwhile', async () => {
    const bundle = referenceBundles().find((file) => file.endsWith('apt1.json'))!;
    const expected = (readJson(bundle) as { objects: { id: string }[] }).objects;
    const imported = await runCli(['import', bundle, '--collection', 'default', '--json', ...storeArgs(store)]);
    expect(imported.code).toBe(0);
    expect(jsonOf<{ totals: { stored: number } }>(imported).totals.stored).toBe(expected.length);

    const auth = `Basic ${Buffer.from(`${started.admin!.name}:${started.admin!.password}`).toString('base64')}`;
    const seen: { id: string }[] = [];
    let next: string | undefined;
    do {
      const url = new URL(`${started.url}/${started.apiRoot}/collections/${started.defaultCollectionId}/objects/`);
      url.searchParams.set('limit', '50');
      if (next) url.searchParams.set('next', next);
      const response = await fetch(url, { headers: { accept: TAXII, authorization: auth } });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { objects?: { id: string }[]; more?: boolean; next?: string };
      seen.push(...(page.objects ?? []));
      next = page.more ? page.next : undefined;
    } while (next);
    expect(seen.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
  });

  it('stops cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
