/**
 * The TAXII client against a real Thiqa server on both databases: discovery, collections, pulling every
 * version across many pages, resuming from a saved `added_after`, pushing past `max_content_length`,
 * deleting, and credentials of both kinds refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TaxiiClient } from '../../server/modules/federation/taxii-client/taxii-client.ts';
import { TaxiiRemoteError, type ObjectsPage, type RemoteCollectionClient } from '../../server/modules/federation/taxii-client/taxii-remote.ts';
import { dialects } from '../support/databases.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';

async function pullAll(remote: RemoteCollectionClient, query: Parameters<RemoteCollectionClient['pages']>[0]): Promise<{ objects: Record<string, unknown>[]; pages: ObjectsPage[] }> {
  const pages: ObjectsPage[] = [];
  for await (const page of remote.pages(query)) pages.push(page);
  return { objects: pages.flatMap((page) => page.objects as Record<string, unknown>[]), pages };
}

const versionsOf = (objects: Record<string, unknown>[]) => objects.map((o) => `${o.id as string}@${o.modified as string}`).sort();

describe.each(dialects)('TAXII client against Thiqa on %s', (dialect) => {
  let server: TestServer;
  let admin: TaxiiClient;
  let root: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    admin = new TaxiiClient({ credentials: { kind: 'bearer', token: server.auth.admin.replace(/^Bearer /, '') } });
    root = `${server.url}/thiqa/`;
  });
  afterAll(() => server.close());

  it('discovers the API roots and lists the collections with their rights', async () => {
    const discovery = await admin.discover(server.url);
    expect(discovery.apiRoots).toContain(root);
    expect(discovery.default).toBe(root);
    const apiRoot = await admin.apiRoot(root);
    expect(apiRoot.versions).toContain('application/taxii+json;version=2.1');
    expect(apiRoot.maxContentLength).toBeGreaterThan(0);
    const collections = await admin.collections(root);
    expect(collections.map((c) => c.id)).toContain(server.collectionId);
    const one = await admin.collection(root, server.collectionId);
    expect(one).toMatchObject({ id: server.collectionId, canRead: true, canWrite: true });
  });

  it('pushes a set larger than max_content_length in several envelopes and pulls every version back across pages', async () => {
    const apiRoot = await admin.apiRoot(root);
    const objects = Array.from({ length: 120 }, (_, i) => indicator({ description: `${'x'.repeat(2_000)} ${i}` }));
    const later = objects.slice(0, 10).map((o) => nextVersion(o, '2026-02-01T00:00:00.000Z'));
    const small = await admin.collectionClient(root, server.collectionId, { maxContentLength: 50_000 });
    const statuses = await small.push([...objects, ...later]);
    expect(apiRoot.maxContentLength).toBeGreaterThan(50_000);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.every((s) => s.status === 'complete')).toBe(true);
    expect(statuses.reduce((sum, s) => sum + s.successCount, 0)).toBe(130);
    const remote = await admin.collectionClient(root, server.collectionId);
    const { objects: pulled, pages } = await pullAll(remote, { limit: 17 });
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(versionsOf(pulled)).toEqual(versionsOf([...objects, ...later]));
  });

  it('resumes from a saved added_after: only what was added after it', async () => {
    const remote = await admin.collectionClient(root, server.collectionId);
    const first = await remote.objects({ limit: 1000 });
    const saved = first.dateAddedLast!;
    expect(saved).toBeDefined();
    const fresh = [indicator(), indicator()];
    await remote.push(fresh);
    const { objects } = await pullAll(remote, { addedAfter: saved, limit: 1 });
    expect(versionsOf(objects)).toEqual(versionsOf(fresh));
  });

  it('deletes one version, then the whole object', async () => {
    const remote = await admin.collectionClient(root, server.collectionId);
    const object = indicator();
    const second = nextVersion(object, '2026-03-01T00:00:00.000Z');
    await remote.push([object, second]);
    await remote.deleteObject(object.id as string, '2026-01-01T00:00:00.000Z');
    const left = await remote.objects({ matchId: [object.id as string] });
    expect(left.objects).toEqual([second]);
    await remote.deleteObject(object.id as string);
    await expect(remote.objects({ matchId: [object.id as string] })).resolves.toMatchObject({ objects: [] });
  });

  it('refuses wrong credentials of both kinds as unauthorised, without echoing them', async () => {
    const wrongBasic = new TaxiiClient({ credentials: { kind: 'basic', user: 'alice', password: 'not-the-password' } });
    const wrongBearer = new TaxiiClient({ credentials: { kind: 'bearer', token: 'thiqa_wrong_token_value' } });
    for (const [client, secret] of [[wrongBasic, 'not-the-password'], [wrongBearer, 'thiqa_wrong_token_value']] as const) {
      const error = await client.collections(root).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(TaxiiRemoteError);
      expect((error as TaxiiRemoteError).kind).toBe('unauthorised');
      expect((error as TaxiiRemoteError).status).toBe(401);
      expect((error as Error).message).not.toContain(secret);
    }
    const alice = new TaxiiClient({ credentials: { kind: 'basic', user: 'alice', password: 'alice-password' } });
    expect((await alice.collections(root)).map((c) => c.id)).toContain(server.collectionId);
  });

  it('answers not_found for a collection that is not there', async () => {
    await expect(admin.collection(root, 'no-such-collection')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('pulls only what the credentials may see (bob has no grant)', async () => {
    await server.platform.objects.add(SYSTEM, 'thiqa', server.collectionId, { objects: [indicator()] });
    const bob = new TaxiiClient({ credentials: { kind: 'basic', user: 'bob', password: 'bob-password' } });
    await expect(bob.collectionClient(root, server.collectionId).then((r) => r.objects({}))).rejects.toBeInstanceOf(TaxiiRemoteError);
  });

  it('keeps every request within a small max_content_length that the server itself enforces', async () => {
    const small = await startTestServer(dialect, { THIQA_MAX_CONTENT_LENGTH: '20000' });
    try {
      const client = new TaxiiClient({ credentials: { kind: 'bearer', token: small.auth.admin.replace(/^Bearer /, '') } });
      const remote = await client.collectionClient(`${small.url}/thiqa/`, small.collectionId);
      expect(remote.maxContentLength).toBe(20_000);
      const objects = Array.from({ length: 60 }, (_, i) => indicator({ description: `${'د'.repeat(400)} ${i}` }));
      const huge = indicator({ description: 'x'.repeat(25_000) });
      const statuses = await remote.push([...objects, huge]);
      const sent = statuses.filter((s) => !s.local);
      expect(sent.length).toBeGreaterThan(3);
      expect(sent.reduce((n, s) => n + s.successCount, 0)).toBe(60);
      expect(statuses.find((s) => s.local)?.failures.map((f) => f.id)).toEqual([huge.id]);
      const back = [];
      for await (const page of remote.pages({ limit: 25 })) back.push(...page.objects);
      expect(back).toHaveLength(60);
    } finally {
      await small.close();
    }
  });
});
