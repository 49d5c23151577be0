/**
 * The requests of a stock TAXII 2.1 client, shaped exactly as the OASIS taxii2-client (v21 module) sends
 * them: discovery, API root URLs resolved against the discovery URL, collection URLs built from ids,
 * `add_objects` then status at `../../status/<id>` (no trailing slash), `as_pages` repeating the filters
 * with `limit` and `next`, manifest, versions and delete; and the client's check that each response's
 * Content-Type carries every token of its Accept header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.ts';
import { envelope, indicator, malware, nextVersion } from '../support/stix-factory.ts';
import { startTestServer, TAXII, type TestServer } from '../support/taxii-server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client reads arbitrary TAXII JSON, as a Python client would
type Json = any;

function client(server: TestServer) {
  const headers = { 'User-Agent': 'taxii2-client/2.3.0', Authorization: server.auth.alice };
  const get = async (url: string, params: Record<string, string | number> = {}): Promise<Json> => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const response = await fetch(query ? `${url}?${query}` : url, { headers: { ...headers, Accept: TAXII } });
    if (!response.ok) throw new Error(`${response.status} for ${url}: ${await response.text()}`);
    const tokens = (response.headers.get('content-type') ?? '').replace(/ /g, '').split(';');
    if (!TAXII.split(';').every((t) => tokens.includes(t)) || tokens[0] !== 'application/taxii+json') {
      throw new Error(`unexpected Content-Type ${response.headers.get('content-type')}`);
    }
    return response.json();
  };
  const post = async (url: string, body: unknown): Promise<Json> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, Accept: TAXII, 'Content-Type': TAXII },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    });
    if (!response.ok) throw new Error(`${response.status} for ${url}: ${await response.text()}`);
    return response.json();
  };
  const del = async (url: string, params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(query ? `${url}?${query}` : url, { method: 'DELETE', headers: { ...headers, Accept: TAXII } });
    if (!response.ok) throw new Error(`${response.status} for ${url}: ${await response.text()}`);
  };
  /** as_pages: the first call with limit, then limit + next, the filters repeated every time. */
  const asPages = async (url: string, perRequest: number, filters: Record<string, string>, key: string) => {
    const items: unknown[] = [];
    let page = await get(url, { limit: perRequest, ...filters });
    items.push(...(page[key] ?? []));
    while (page.more) {
      page = await get(url, { limit: perRequest, next: page.next, ...filters });
      items.push(...(page[key] ?? []));
    }
    return items;
  };
  return { get, post, del, asPages };
}

describe.each(dialects)('a stock TAXII 2.1 client against the server on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('discovers, lists, posts, reads with filters and pages, reads manifest and versions, and deletes', async () => {
    const taxii = client(server);
    const discovery = await taxii.get(`${server.url}/taxii2/`);
    expect(discovery.title).toBeTruthy();
    const rootUrl = new URL(discovery.api_roots[0], `${server.url}/taxii2/`).toString();
    const root = await taxii.get(rootUrl);
    expect(root.versions).toContain(TAXII);
    const { collections } = await taxii.get(`${rootUrl}collections/`);
    const collectionUrl = `${rootUrl}collections/${collections[0].id}/`;
    expect(collections[0]).toMatchObject({ can_read: true, can_write: true });

    const base = indicator();
    const objects = [base, nextVersion(base, '2026-06-01T00:00:00.000Z'), ...Array.from({ length: 7 }, () => malware()), ...Array.from({ length: 4 }, () => indicator())];
    const status = await taxii.post(`${collectionUrl}objects/`, envelope(...objects));
    expect(status).toMatchObject({ status: 'complete', success_count: objects.length });
    const polled = await taxii.get(new URL(`../../status/${status.id}`, collectionUrl).toString());
    expect(polled.id).toBe(status.id);

    expect(await taxii.asPages(`${collectionUrl}objects/`, 3, {}, 'objects')).toHaveLength(12);
    expect(await taxii.asPages(`${collectionUrl}objects/`, 2, { 'match[type]': 'malware' }, 'objects')).toHaveLength(7);
    expect(await taxii.asPages(`${collectionUrl}objects/`, 2, { 'match[type]': 'indicator', 'match[version]': 'all' }, 'objects')).toHaveLength(6);
    const manifest = await taxii.asPages(`${collectionUrl}manifest/`, 4, { 'match[id]': base.id as string, 'match[version]': 'all' }, 'objects');
    expect(manifest).toHaveLength(2);
    const versions = await taxii.get(`${collectionUrl}objects/${base.id}/versions/`);
    expect(versions.versions).toEqual(['2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
    const single = await taxii.get(`${collectionUrl}objects/${base.id}/`, { 'match[version]': 'first' });
    expect(single.objects[0].modified).toBe('2026-01-01T00:00:00.000Z');

    await taxii.del(`${collectionUrl}objects/${base.id}/`);
    await expect(taxii.get(`${collectionUrl}objects/${base.id}/`)).rejects.toThrow(/404/);
  });
});
