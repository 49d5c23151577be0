import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { envelope, identity, indicator, malware, nextVersion } from '../support/stix-factory.ts';
import { readAllPages, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

describe.each(dialects)('TAXII reading objects on %s', (dialect) => {
  let server: TestServer;
  let path: string;
  const v1 = indicator({ name: 'first' });
  const v2 = nextVersion(v1, '2026-02-01T00:00:00.000Z', { name: 'second' });
  const v3 = nextVersion(v1, '2026-03-01T00:00:00.000Z', { name: 'third' });
  const others = [...Array.from({ length: 12 }, () => identity()), ...Array.from({ length: 5 }, () => malware())];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const collection = await server.platform.collections.create(SYSTEM, { apiRoot: 'thiqa', title: 'Reading' });
    path = `/thiqa/collections/${collection.id}/`;
    // Versions arrive out of order: v3 first, then v1, then v2.
    await taxii(server, `${path}objects/`, { method: 'POST', body: envelope(v3, ...others.slice(0, 9)) });
    await taxii(server, `${path}objects/`, { method: 'POST', body: envelope(v1, ...others.slice(9)) });
    await taxii(server, `${path}objects/`, { method: 'POST', body: envelope(v2) });
  });
  afterAll(() => server.close());

  it('pages through the latest version of every object with next alone', async () => {
    const all = (await readAllPages(server, `${path}objects/`, 4)) as { id: string; name: string }[];
    expect(all).toHaveLength(18);
    expect(new Set(all.map((o) => o.id)).size).toBe(18);
    expect(all.find((o) => o.id === v1.id)?.name).toBe('third');
  });

  it('sets more, next and the X-TAXII-Date-Added headers on each page', async () => {
    const page = await taxii(server, `${path}objects/?limit=5`);
    expect(page.body.more).toBe(true);
    expect(page.body.objects).toHaveLength(5);
    const first = page.headers.get('x-taxii-date-added-first')!;
    const last = page.headers.get('x-taxii-date-added-last')!;
    expect(first < last).toBe(true);
    const after = await taxii(server, `${path}objects/?added_after=${encodeURIComponent(last)}&limit=100`);
    const viaNext = await readAllPages(server, `${path}objects/?next=${encodeURIComponent(page.body.next)}`, 100);
    expect(after.body.objects).toEqual(viaNext);
    expect(after.body.objects).toHaveLength(13);
  });

  it('filters by type, id and spec_version', async () => {
    const malwares = await taxii(server, `${path}objects/?match[type]=malware`);
    expect(malwares.body.objects).toHaveLength(5);
    const two = await taxii(server, `${path}objects/?match[type]=malware,indicator&match[id]=${v1.id}`);
    expect(two.body.objects.map((o: { name: string }) => o.name)).toEqual(['third']);
    const none = await taxii(server, `${path}objects/?match[spec_version]=2.0`);
    expect(none.body).toEqual({ more: false });
  });

  it('selects versions: first, last, all and exact timestamps', async () => {
    const names = async (query: string) =>
      ((await taxii(server, `${path}objects/${v1.id}/?${query}`)).body.objects as { name: string }[]).map((o) => o.name).sort();
    expect(await names('')).toEqual(['third']);
    expect(await names('match[version]=first')).toEqual(['first']);
    expect(await names('match[version]=all')).toEqual(['first', 'second', 'third']);
    expect(await names('match[version]=first,last')).toEqual(['first', 'third']);
    expect(await names('match[version]=2026-02-01T00:00:00Z')).toEqual(['second']);
  });

  it('lists versions oldest-added first and a manifest with date_added and version', async () => {
    const versions = await taxii(server, `${path}objects/${v1.id}/versions/`);
    expect(versions.body.versions).toEqual(['2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    const manifest = await taxii(server, `${path}manifest/?match[id]=${v1.id}&match[version]=all`);
    expect(manifest.body.objects).toHaveLength(3);
    expect(manifest.body.objects[0]).toEqual({
      id: v1.id,
      date_added: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      version: '2026-03-01T00:00:00.000Z',
      media_type: 'application/stix+json;version=2.1',
    });
  });

  it('refuses invalid filters, limits and cursors with specific errors', async () => {
    const cases: [string, string][] = [
      ['objects/?added_after=yesterday', 'query.invalid_filter'],
      ['objects/?match[version]=newest', 'query.invalid_filter'],
      ['objects/?match[type]=Not_A_Type', 'query.invalid_filter'],
      ['objects/?limit=0', 'query.invalid_limit'],
      ['objects/?limit=ten', 'query.invalid_limit'],
      ['objects/?next=garbage', 'query.invalid_next'],
      ['objects/?match[colour]=red', 'query.unknown_parameter'],
      [`objects/${v1.id}/versions/?match[type]=indicator`, 'query.unknown_parameter'],
    ];
    for (const [query, code] of cases) {
      const response = await taxii(server, `${path}${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error_code, query).toBe(code);
    }
    const page = await taxii(server, `${path}objects/?limit=2&match[type]=identity`);
    const mixed = await taxii(server, `${path}objects/?match[type]=malware&next=${encodeURIComponent(page.body.next)}`);
    expect(mixed.body.error_code).toBe('query.next_mismatch');
  });

  it('deletes one version, then the whole object', async () => {
    const target = others[0]!;
    const withVersions = indicator();
    await taxii(server, `${path}objects/`, { method: 'POST', body: envelope(withVersions, nextVersion(withVersions, '2026-05-01T00:00:00.000Z')) });
    const one = await taxii(server, `${path}objects/${withVersions.id}/?match[version]=last`, { method: 'DELETE' });
    expect(one.status).toBe(200);
    const left = await taxii(server, `${path}objects/${withVersions.id}/`);
    expect(left.body.objects.map((o: { modified: string }) => o.modified)).toEqual(['2026-01-01T00:00:00.000Z']);
    expect((await taxii(server, `${path}objects/${target.id}/`, { method: 'DELETE' })).status).toBe(200);
    expect((await taxii(server, `${path}objects/${target.id}/`)).status).toBe(404);
    expect((await taxii(server, `${path}objects/${target.id}/`, { method: 'DELETE' })).status).toBe(404);
  });
});
