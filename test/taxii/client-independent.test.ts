/**
 * The TAXII client against an independent TAXII 2.1 server (test/support/independent-taxii-server.ts) that
 * pages differently from Thiqa, takes smaller bodies and completes statuses later; and against servers that
 * fail: wrong credentials, HTML, garbage, 500, down, silent.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TaxiiClient } from '../../server/modules/federation/taxii-client/taxii-client.ts';
import { datedObjects } from '../../server/modules/federation/taxii-client/taxii-dated-objects.ts';
import type { TaxiiCollectionClient } from '../../server/modules/federation/taxii-client/taxii-collection-client.ts';
import { TaxiiRemoteError, type TaxiiCredentials } from '../../server/modules/federation/taxii-client/taxii-remote.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { startIndependentServer, type IndependentOptions, type IndependentServer } from '../support/independent-taxii-server.ts';

const credentials: TaxiiCredentials = { kind: 'basic', user: 'hub', password: 'hub-secret' };
let servers: IndependentServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(options: IndependentOptions = {}): Promise<IndependentServer> {
  const server = await startIndependentServer({ user: { name: 'hub', password: 'hub-secret' }, token: 'hub-token', ...options });
  servers.push(server);
  return server;
}

async function remoteOf(server: IndependentServer, client = new TaxiiClient({ credentials, poll: { initialDelayMs: 1 } })): Promise<TaxiiCollectionClient> {
  return client.collectionClient(server.apiRoot, server.collectionId);
}

async function pullIds(remote: TaxiiCollectionClient, addedAfter?: string): Promise<{ versions: string[]; pages: number }> {
  const versions: string[] = [];
  let pages = 0;
  for await (const page of remote.pages(addedAfter ? { addedAfter } : {})) {
    pages += 1;
    versions.push(...(page.objects as { id: string; modified: string }[]).map((o) => `${o.id}@${o.modified}`));
  }
  return { versions, pages };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as TaxiiRemoteError);

describe('TAXII client against an independent server', () => {
  it('resolves relative API root URLs of the discovery resource', async () => {
    const server = await start();
    const discovery = await new TaxiiClient({ credentials }).discover(`${server.url}/taxii2/`);
    expect(discovery).toEqual({ title: 'Independent TAXII', default: server.apiRoot, apiRoots: [server.apiRoot] });
    const [collection] = await new TaxiiClient({ credentials }).collections(server.apiRoot);
    expect(collection).toMatchObject({ id: server.collectionId, canRead: true, canWrite: true });
  });

  for (const paging of ['headers', 'next'] as const) {
    it(`pulls every version across many pages when the server pages by ${paging === 'headers' ? 'date headers only' : 'next only'}`, async () => {
      const server = await start({ paging, pageSize: 7 });
      const remote = await remoteOf(server);
      const objects = Array.from({ length: 40 }, () => indicator());
      const later = objects.slice(0, 5).map((o) => nextVersion(o, '2026-05-01T00:00:00.000Z'));
      await remote.push([...objects, ...later]);
      const { versions, pages } = await pullIds(remote);
      expect(pages).toBe(Math.ceil(45 / 7));
      expect(versions).toEqual([...objects, ...later].map((o) => `${o.id as string}@${o.modified as string}`));
    });
  }

  it('resumes from a saved added_after with only what came after it', async () => {
    const server = await start({ paging: 'headers', pageSize: 3 });
    const remote = await remoteOf(server);
    await remote.push(Array.from({ length: 5 }, () => indicator()));
    let saved: string | undefined;
    for await (const page of remote.pages({})) saved = page.dateAddedLast ?? saved;
    const fresh = [indicator(), indicator(), indicator(), indicator()];
    await remote.push(fresh);
    expect((await pullIds(remote, saved)).versions).toEqual(fresh.map((o) => `${o.id as string}@${o.modified as string}`));
  });

  it('stops with a protocol error, not a loop, when a server without next ignores added_after', async () => {
    const server = await start({ paging: 'stuck', pageSize: 2 });
    const remote = await remoteOf(server);
    await remote.push([indicator(), indicator(), indicator()]);
    const error = await failureOf(pullIds(remote));
    expect(error).toMatchObject({ kind: 'protocol' });
    expect(error?.message).toMatch(/not after the page's added_after/);
  });

  it('stops with a protocol error, not a loop, when the server repeats a page', async () => {
    const server = await start({ paging: 'repeat', pageSize: 2 });
    const remote = await remoteOf(server);
    await remote.push([indicator(), indicator(), indicator()]);
    const error = await failureOf(pullIds(remote));
    expect(error).toBeInstanceOf(TaxiiRemoteError);
    expect(error?.kind).toBe('protocol');
    expect(error?.message).toMatch(/same page cursor twice/);
  });

  it('splits a push larger than max_content_length so every body the server receives is within it', async () => {
    const server = await start({ maxContentLength: 2_500 });
    const remote = await remoteOf(server);
    const objects = Array.from({ length: 30 }, (_, i) => indicator({ description: `نص عربي ${'ش'.repeat(150)} ${i}` }));
    const statuses = await remote.push(objects);
    expect(server.postedBodies.length).toBeGreaterThan(5);
    expect(Math.max(...server.postedBodies)).toBeLessThanOrEqual(2_500);
    expect(statuses.length).toBe(server.postedBodies.length);
    expect(statuses.reduce((n, s) => n + s.successCount, 0)).toBe(30);
    expect(server.versions.map((v) => v.object.id)).toEqual(objects.map((o) => o.id));
  });

  it('reports an object larger than the limit alone as not sent, and sends the rest', async () => {
    const server = await start({ maxContentLength: 2_000 });
    const remote = await remoteOf(server);
    const huge = indicator({ description: 'x'.repeat(3_000) });
    const small = [indicator(), indicator()];
    const statuses = await remote.push([small[0], huge, small[1]]);
    const local = statuses.find((s) => s.local);
    expect(local).toMatchObject({ failureCount: 1, successCount: 0, failures: [{ id: huge.id, version: huge.modified }] });
    expect(local?.failures[0]?.message).toMatch(/max_content_length of 2000/);
    expect(server.versions.map((v) => v.object.id)).toEqual(small.map((o) => o.id));
    expect(Math.max(...server.postedBodies)).toBeLessThanOrEqual(2_000);
  });

  it('polls a pending status until it completes', async () => {
    const server = await start({ pendingPolls: 3 });
    const [status] = await (await remoteOf(server)).push([indicator(), indicator()]);
    expect(status).toMatchObject({ status: 'complete', successCount: 2, pendingCount: 0 });
  });

  it('gives up polling after the bounded number of polls and answers the pending status', async () => {
    const server = await start({ pendingPolls: 50 });
    const client = new TaxiiClient({ credentials, poll: { initialDelayMs: 1, maxDelayMs: 2, maxPolls: 3 } });
    const [status] = await (await remoteOf(server, client)).push([indicator()]);
    expect(status).toMatchObject({ status: 'pending', pendingCount: 1 });
  });

  it('deletes one version or every version of an object', async () => {
    const server = await start();
    const remote = await remoteOf(server);
    const object = indicator();
    await remote.push([object, nextVersion(object, '2026-04-01T00:00:00.000Z')]);
    await remote.deleteObject(object.id as string, '2026-01-01T00:00:00.000Z');
    expect(server.versions.map((v) => v.object.modified)).toEqual(['2026-04-01T00:00:00.000Z']);
    await remote.deleteObject(object.id as string);
    expect(server.versions).toEqual([]);
    expect((await failureOf(remote.deleteObject(object.id as string)))?.kind).toBe('not_found');
  });

  it('accepts Basic and Bearer credentials and refuses wrong ones of both kinds, never echoing them', async () => {
    const server = await start();
    await expect(new TaxiiClient({ credentials: { kind: 'bearer', token: 'hub-token' } }).collections(server.apiRoot)).resolves.toHaveLength(1);
    for (const wrong of [{ kind: 'basic', user: 'hub', password: 'guessed-secret' }, { kind: 'bearer', token: 'guessed-token' }, { kind: 'none' }] as TaxiiCredentials[]) {
      const error = await failureOf(new TaxiiClient({ credentials: wrong }).collections(server.apiRoot));
      expect(error).toMatchObject({ kind: 'unauthorised', status: 401 });
      expect(error?.message).not.toMatch(/guessed/);
    }
  });

  it('refuses a URL holding credentials, without showing them', async () => {
    const server = await start();
    const withSecret = server.apiRoot.replace('http://', 'http://hub:url-secret@');
    const error = await failureOf(new TaxiiClient({ credentials }).apiRoot(withSecret));
    expect(error?.kind).toBe('protocol');
    expect(error?.message).toMatch(/holds credentials/);
    expect(error?.message).not.toContain('url-secret');
  });

  const broken: [IndependentOptions['broken'], string, RegExp][] = [
    ['html', 'protocol', /text\/html, not application\/taxii\+json/],
    ['garbage', 'protocol', /not JSON/],
    ['json-not-taxii', 'protocol', /"title" is missing/],
    ['server-error', 'server', /HTTP 500.*database on fire/],
  ];
  for (const [kind, expected, message] of broken) {
    it(`reports a server answering ${kind} as ${expected}`, async () => {
      const server = await start({ broken: kind });
      const error = await failureOf(new TaxiiClient({ credentials }).discover(server.url));
      expect(error).toBeInstanceOf(TaxiiRemoteError);
      expect(error?.kind).toBe(expected);
      expect(error?.message).toMatch(message);
    });
  }

  it('tries again on a new connection when the server closed one, and gives up after two more tries', async () => {
    const flaky = await start({ dropFirst: 2 });
    await expect(new TaxiiClient({ credentials }).collections(flaky.apiRoot)).resolves.toHaveLength(1);
    const worse = await start({ dropFirst: 3 });
    const error = await failureOf(new TaxiiClient({ credentials }).collections(worse.apiRoot));
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect(error?.message).toMatch(/could not reach the server \((UND_ERR_SOCKET|ECONNRESET)\)/);
  });

  it('reports a server that is down as unreachable', async () => {
    const server = await startIndependentServer();
    await server.close();
    const error = await failureOf(new TaxiiClient({ credentials }).apiRoot(server.apiRoot));
    expect(error).toMatchObject({ kind: 'unreachable', status: undefined });
    expect(error?.message).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a server that accepts the connection and never answers, and honours an abort', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/api1/`;
    try {
      const error = await failureOf(new TaxiiClient({ credentials, timeoutMs: 200 }).apiRoot(url));
      expect(error).toMatchObject({ kind: 'unreachable' });
      expect(error?.message).toMatch(/longer than 200 ms/);
      const controller = new AbortController();
      const pending = new TaxiiClient({ credentials }).apiRoot(url, controller.signal);
      controller.abort(new Error('stopped by the caller'));
      await expect(pending).rejects.toThrow('stopped by the caller');
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('gives each version the date_added of the manifest, across pages of both', async () => {
    const server = await start({ paging: 'headers', pageSize: 3 });
    const versions = Array.from({ length: 8 }, (_, i) => ({ object: indicator(), dateAdded: 1_700_000_000_000_000 + i * 13 }));
    server.preload(versions);
    const dated = [];
    for await (const batch of datedObjects(await remoteOf(server), { limit: 3 })) dated.push(...batch);
    expect(dated).toEqual(versions);
  });

  it('refuses a source whose manifest and objects disagree', async () => {
    const server = await start({ manifestSkew: true });
    server.preload([{ object: indicator(), dateAdded: 1_700_000_000_000_000 }, { object: indicator(), dateAdded: 1_700_000_000_000_001 }]);
    const error = await failureOf((async () => {
      for await (const batch of datedObjects(await remoteOf(server), {})) void batch;
    })());
    expect(error).toMatchObject({ kind: 'protocol' });
    expect(error?.message).toMatch(/disagree at position 0/);
  });
});
