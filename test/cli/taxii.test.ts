// `thiqa taxii …` through the real command, on both databases, against a real Thiqa server and the
// independent test server: discover, collections, pull (pages, resume, duplicates, rejections), push (split,
// TLP:RED and AMBER+STRICT withheld, refusals), wrong credentials and a server that is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { timestampMicros } from '../../shared/stix/timestamp.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { startIndependentServer } from '../support/independent-taxii-server.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { objectsPath, readAllPages, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
const errorOf = (result: Awaited<ReturnType<typeof runCli>>) => jsonOf<{ error: { code: string; message: string } }>(result).error;

interface PullReport {
  pages: number;
  pulled: number;
  stored: number;
  duplicates: number;
  rejected: { id: string | null; reasons: string }[];
  dateAddedLast: string | null;
}

describe.each(dialects)('thiqa taxii on %s', (dialect) => {
  let store: TestStore;
  let remote: TestServer;
  let token: string;
  let root: string;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    [store, remote] = await Promise.all([createTestStore(dialect), startTestServer(dialect)]);
    token = `${remote.auth.admin.replace(/^Bearer /, '')}\n`;
    root = `${remote.url}/thiqa/`;
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init'])).code).toBe(0);
    expect((await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU'])).code).toBe(0);
    expect((await cli(['community', 'add', 'Indian Ocean CIRTs'])).code).toBe(0);
    expect((await cli(['community', 'join', 'Indian Ocean CIRTs', 'CERT-MU'])).code).toBe(0);
    expect((await cli(['user', 'add', 'alice', '--org', 'CERT-MU'], 'alice-password\n')).code).toBe(0);
    expect((await cli(['collection', 'create', '--title', 'Inbox', '--alias', 'inbox'])).code).toBe(0);
    expect((await cli(['collection', 'create', '--title', 'Outbox', '--alias', 'outbox', '--community', 'Indian Ocean CIRTs'])).code).toBe(0);
  });
  afterAll(async () => {
    await remote.close();
    await store.drop();
  });

  it('discovers the API roots and lists the collections of the one named by --api-root', async () => {
    const discovered = await cli(['taxii', 'discover', remote.url, '--token-stdin', '--json'], token);
    expect(discovered.code).toBe(0);
    expect(jsonOf<{ apiRoots: { url: string }[] }>(discovered).apiRoots.map((r) => r.url)).toContain(root);
    const listed = await cli(['taxii', 'collections', remote.url, '--api-root', 'thiqa', '--token-stdin'], token);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${remote.collectionId} +yes +yes`));
  });

  it('pulls every version across pages, stores nothing twice, and goes on from --added-after', async () => {
    const objects = Array.from({ length: 25 }, () => indicator());
    expect((await taxii(remote, objectsPath(remote), { method: 'POST', body: { objects } })).status).toBe(202);
    const args = ['taxii', 'pull', root, '--collection', remote.collectionId, '--into', 'inbox', '--limit', '7', '--token-stdin', '--json'];
    const first = await cli(args, token);
    expect(first.code).toBe(0);
    const report = jsonOf<PullReport>(first);
    expect(report).toMatchObject({ pages: 4, pulled: 25, stored: 25, duplicates: 0, rejected: [] });
    expect(jsonOf<PullReport>(await cli(args, token))).toMatchObject({ pulled: 25, stored: 0, duplicates: 25 });
    const later = [indicator(), indicator()];
    await taxii(remote, objectsPath(remote), { method: 'POST', body: { objects: later } });
    const resumed = jsonOf<PullReport>(await cli([...args, '--added-after', report.dateAddedLast!], token));
    expect(resumed).toMatchObject({ pulled: 2, stored: 2 });
    const exported = await cli(['export', 'inbox']);
    const ids = (JSON.parse(exported.stdout) as { objects: { id: string }[] }).objects.map((o) => o.id).sort();
    expect(ids).toEqual([...objects, ...later].map((o) => o.id as string).sort());
  });

  it('reports the objects it rejects with their reasons, from a server paging by date headers only, exit 1', async () => {
    const independent = await startIndependentServer({ paging: 'headers', pageSize: 3, user: { name: 'hub', password: 'hub-secret' } });
    try {
      const good = Array.from({ length: 4 }, () => indicator());
      const broken = indicator({ pattern_type: undefined });
      independent.preload([...good, broken].map((object, i) => ({ object, dateAdded: 1_760_000_000_000_000 + i })));
      const pulled = await cli(['taxii', 'pull', independent.apiRoot, '--collection', independent.collectionId, '--into', 'inbox', '--user', 'hub', '--password-stdin', '--json'], 'hub-secret\n');
      expect(pulled.code).toBe(1);
      const report = jsonOf<PullReport>(pulled);
      expect(report).toMatchObject({ pages: 2, pulled: 5, stored: 4 });
      expect(report.rejected.map((r) => r.id)).toEqual([broken.id]);
      expect(report.rejected[0]!.reasons).toMatch(/pattern_type/);
      expect(report.dateAddedLast).toBe('2025-10-09T08:53:20.000004Z');
    } finally {
      await independent.close();
    }
  });

  it('keeps what it pulled before the remote failed, and says where to go on from', async () => {
    const failing = await startIndependentServer({ paging: 'headers', pageSize: 3, failAfterPages: 2 });
    try {
      const objects = Array.from({ length: 8 }, () => indicator());
      failing.preload(objects.map((object, i) => ({ object, dateAdded: 1_770_000_000_000_000 + i })));
      expect((await cli(['collection', 'create', '--title', 'Half', '--alias', 'half'])).code).toBe(0);
      const pulled = await cli(['taxii', 'pull', failing.apiRoot, '--collection', failing.collectionId, '--into', 'half']);
      expect(pulled.code).toBe(4);
      expect(pulled.stderr).toMatch(/Stored 6 of 6 objects pulled before the failure\. To go on: --added-after 2026-02-02T02:40:00\.000005Z/);
      expect(pulled.stderr).toMatch(/HTTP 500/);
      const exported = JSON.parse((await cli(['export', 'half'])).stdout) as { objects: { id: string }[] };
      expect(exported.objects.map((o) => o.id).sort()).toEqual(objects.slice(0, 6).map((o) => o.id as string).sort());
    } finally {
      await failing.close();
    }
  });

  it('pushes a collection without its TLP:RED and TLP:AMBER+STRICT objects, and reports what the remote refused', async () => {
    const clear = indicator({ object_marking_refs: [TLP2_MARKINGS.clear] });
    const green = indicator({ object_marking_refs: [TLP2_MARKINGS.green] });
    const strict = indicator({ object_marking_refs: [TLP2_MARKINGS['amber+strict']] });
    const red = indicator({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] });
    const amber = indicator({ object_marking_refs: [TLP2_MARKINGS.amber] });
    expect((await cli(['import', '-', '--collection', 'outbox', '--as', 'alice', '--json'], bundle([clear, green, strict, red, amber]))).code).toBe(0);
    const pushed = await cli(['taxii', 'push', root, '--collection', remote.collectionId, '--from', 'outbox', '--token-stdin', '--json'], token);
    const report = jsonOf<{ read: number; withheld: number; succeeded: number; failed: number; failures: { id: string; message: string }[] }>(pushed);
    expect(report).toMatchObject({ read: 3, withheld: 2, succeeded: 2, failed: 1 });
    // The remote's collection is not a community's: it refuses AMBER, and says why.
    expect(report.failures.map((f) => f.id)).toEqual([amber.id]);
    expect(report.failures[0]!.message).toMatch(/tlp-amber-outside-community|community/);
    expect(pushed.code).toBe(1);
    const there = (await readAllPages(remote, `${objectsPath(remote)}?match[version]=all`, 500)).map((o) => (o as { id: string }).id);
    expect(there).toEqual(expect.arrayContaining([clear.id, green.id]));
    expect(there).not.toContain(strict.id);
    expect(there).not.toContain(red.id);
  });

  it('refuses wrong credentials (exit 5), a server that is down (exit 4), and credentials half given (exit 2)', async () => {
    const wrong = await cli(['taxii', 'collections', root, '--user', 'alice', '--password-stdin', '--json'], 'not-her-password\n');
    expect([wrong.code, errorOf(wrong).code]).toEqual([5, 'taxii_remote.unauthorised']);
    expect(wrong.stdout).not.toContain('not-her-password');
    const badToken = await cli(['taxii', 'pull', root, '--collection', remote.collectionId, '--into', 'inbox', '--token-stdin', '--json'], 'thiqa_not_a_token\n');
    expect([badToken.code, errorOf(badToken).code]).toEqual([5, 'taxii_remote.unauthorised']);
    const down = await startIndependentServer();
    await down.close();
    const unreachable = await cli(['taxii', 'pull', down.apiRoot, '--collection', 'x', '--into', 'inbox', '--json']);
    expect([unreachable.code, errorOf(unreachable).code]).toEqual([4, 'taxii_remote.unreachable']);
    const half = await cli(['taxii', 'discover', remote.url, '--user', 'alice', '--json']);
    expect([half.code, errorOf(half).code]).toEqual([2, 'usage.credentials']);
  });

  it('migrates a remote collection with every version and its date_added into an empty collection, and refuses one that is not', async () => {
    const object = indicator();
    await taxii(remote, objectsPath(remote), { method: 'POST', body: { objects: [object, nextVersion(object, '2026-06-01T00:00:00.000Z')] } });
    const source = (await readAllPages(remote, `/thiqa/collections/${remote.collectionId}/manifest/?match[version]=all`, 500)) as { id: string; version: string; date_added: string }[];
    expect((await cli(['collection', 'create', '--title', 'Mirror', '--alias', 'mirror'])).code).toBe(0);
    const args = ['taxii', 'migrate', remote.url, '--api-root', 'thiqa', '--collection', remote.collectionId, '--into', 'mirror', '--limit', '9', '--token-stdin', '--json'];
    const migrated = await cli(args, token);
    expect(migrated.code).toBe(0);
    expect(jsonOf(migrated)).toMatchObject({ pulled: source.length, stored: source.length, nudged: 0, rejected: [] });
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }));
    try {
      const rows = [];
      for await (const page of platform.objects.exportAll(SYSTEM, 'mirror')) rows.push(...page);
      expect(rows.map((r) => [r.id, r.dateAdded])).toEqual(source.map((r) => [r.id, timestampMicros(r.date_added)]));
    } finally {
      await platform.close();
    }
    const again = await cli(args, token);
    expect([again.code, errorOf(again).code]).toEqual([1, 'object.migrate_not_empty']);
  });
});
