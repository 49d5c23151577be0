// Browsing objects over the REST API on both databases: the latest versions newest first, each filter, free
// text, paging with next, an object with its versions and its relationships and sightings both ways, one
// version, the dashboard — and TLP exactly as over TAXII: a reader of another organisation, granted the
// community collection, sees none of its AMBER objects in lists, detail, links or counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { computeScoId } from '../../shared/stix/sco-id.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { identity, indicator, malware, nextVersion } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

type StixObject = Record<string, unknown>;

const relationship = (source: StixObject, type: string, target: StixObject, overrides: StixObject = {}): StixObject => ({
  type: 'relationship',
  spec_version: '2.1',
  id: `relationship--${crypto.randomUUID()}`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  relationship_type: type,
  source_ref: source.id,
  target_ref: target.id,
  ...overrides,
});

describe.each(dialects)('REST object browsing on %s', (dialect) => {
  let server: TestServer;
  let base: string;
  let certId: string;
  const o = {} as Record<'sensor' | 'mal' | 'ind' | 'secret' | 'domain' | 'indicates' | 'toSecret' | 'secretRel' | 'sighting', StixObject>;
  const analyst = basic('analyst');
  const telco = basic('telco');
  const ids = (body: { objects: { id: string }[] }) => body.objects.map((s) => s.id);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const cert = await platform.organisations.add(SYSTEM, { name: 'CERT-TN', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
    const telcoOrg = await platform.organisations.add(SYSTEM, { name: 'Telco TN', type: 'member-state', country: 'TN' });
    certId = cert.id;
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Maghreb CIRTs' });
    await platform.communities.join(SYSTEM, community.id, cert.id);
    await platform.users.addUser({ name: 'analyst', password: 'analyst-password', organisation: cert.id });
    await platform.users.addUser({ name: 'telco', password: 'telco-password', organisation: telcoOrg.id });
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Alerts', alias: 'alerts' });
    // Not a member: a read grant gives Telco TN the GREEN objects, never the AMBER ones.
    await platform.collections.grant(SYSTEM, collection.id, `org:${telcoOrg.id}`, { read: true, write: false });
    base = `/collections/${collection.id}`;
    o.sensor = identity({ name: 'CERT-TN sensor' });
    o.mal = malware({ name: 'Émotet loader', description: 'Banking trojan, 100% of_it spread by mail' });
    o.ind = indicator({ name: 'Bad domain', description: 'Phishing site' });
    o.secret = indicator({ name: 'Secret C2', description: 'command server', object_marking_refs: [TLP2_MARKINGS.amber] });
    o.domain = { type: 'domain-name', spec_version: '2.1', value: 'bad.example' };
    o.domain.id = computeScoId(o.domain);
    o.indicates = relationship(o.ind, 'indicates', o.mal);
    o.toSecret = relationship(o.mal, 'related-to', o.secret);
    o.secretRel = relationship(o.secret, 'indicates', o.mal, { object_marking_refs: [TLP2_MARKINGS.amber] });
    o.sighting = {
      type: 'sighting',
      spec_version: '2.1',
      id: `sighting--${crypto.randomUUID()}`,
      created: '2026-01-02T00:00:00.000Z',
      modified: '2026-01-02T00:00:00.000Z',
      sighting_of_ref: o.mal.id,
      where_sighted_refs: [o.sensor.id],
    };
    const bundle = { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: Object.values(o) };
    const imported = await rest(server, `${base}/import`, { method: 'POST', auth: analyst, body: bundle });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ total: 9, stored: 9, rejected: 0 });
  });
  afterAll(() => server.close());

  it('lists the latest versions newest first, as summaries', async () => {
    const listed = await rest(server, `${base}/objects`, { auth: analyst });
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).toEqual(Object.values(o).map((x) => x.id).reverse());
    expect(listed.body.next).toBeNull();
    const mal = listed.body.objects.find((s: { id: string }) => s.id === o.mal.id);
    expect(mal).toEqual({
      id: o.mal.id,
      type: 'malware',
      name: 'Émotet loader',
      description: 'Banking trojan, 100% of_it spread by mail',
      tlp: 'green',
      version: '2026-01-01T00:00:00.000Z',
      date_added: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      organisation: { id: certId, name: 'CERT-TN' },
      collection: base.split('/')[2],
      warning_lists: [],
    });
    expect(listed.body.objects.find((s: { id: string }) => s.id === o.domain.id)).toMatchObject({ name: 'bad.example', version: null });
    expect(listed.body.objects.find((s: { id: string }) => s.id === o.secret.id)).toMatchObject({ tlp: 'amber' });
  });

  it('filters by type, TLP, organisation, time added and free text', async () => {
    const list = async (query: string) => ids((await rest(server, `${base}/objects?${query}`, { auth: analyst })).body);
    expect(await list('type=indicator,malware')).toEqual([o.secret.id, o.ind.id, o.mal.id]);
    expect(await list('tlp=amber')).toEqual([o.secretRel.id, o.secret.id]);
    expect(await list(`tlp=${encodeURIComponent('amber+strict')},clear`)).toEqual([]);
    expect(await list(`organisation=${certId}&type=identity`)).toEqual([o.sensor.id]);
    expect(await list('organisation=someone-else')).toEqual([]);
    // Any case, accents included (lower-cased in JavaScript on both databases); LIKE wildcards are literal.
    expect(await list('q=%C3%89MOTET')).toEqual([o.mal.id]);
    expect(await list('q=phishing')).toEqual([o.ind.id]);
    expect(await list('q=100%25')).toEqual([o.mal.id]);
    expect(await list('q=of_it')).toEqual([o.mal.id]);
    expect(await list('q=o_it')).toEqual([]);
    expect(await list('q=10%25%25')).toEqual([]);
    const all = (await rest(server, `${base}/objects`, { auth: analyst })).body.objects as { id: string; date_added: string }[];
    const middle = all[4]!;
    expect(await list(`added_after=${middle.date_added}`)).toEqual(all.slice(0, 4).map((s) => s.id));
    expect(await list(`added_before=${middle.date_added}`)).toEqual(all.slice(5).map((s) => s.id));
  });

  it('pages with next, and refuses bad filters naming them', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const response = await rest(server, `${base}/objects?type=indicator,malware,relationship${next ? `&next=${encodeURIComponent(next)}` : ''}&limit=2`, { auth: analyst });
      expect(response.status).toBe(200);
      seen.push(...ids(response.body));
      next = response.body.next;
      pages++;
    } while (next !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([o.secretRel.id, o.toSecret.id, o.indicates.id, o.secret.id, o.ind.id, o.mal.id]);
    const bad: [string, string, string][] = [
      ['type=Not_A_Type', 'query.invalid_filter', 'type'],
      ['tlp=purple', 'query.invalid_filter', 'tlp'],
      ['added_after=yesterday', 'query.invalid_filter', 'added_after'],
      ['added_before=2026-13-01T00:00:00Z', 'query.invalid_filter', 'added_before'],
      ['limit=201', 'request.invalid_field', 'limit'],
      ['next=forged', 'query.invalid_next', 'next'],
      ['page=2', 'request.unknown_parameter', 'page'],
    ];
    for (const [query, code, field] of bad) {
      const response = await rest(server, `${base}/objects?${query}`, { auth: analyst });
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe(code);
      expect(response.body.error.params.field ?? response.body.error.params.filter, query).toBe(field);
    }
    const first = await rest(server, `${base}/objects?limit=1&type=malware,indicator`, { auth: analyst });
    const mismatch = await rest(server, `${base}/objects?type=identity&next=${encodeURIComponent(first.body.next)}`, { auth: analyst });
    expect(mismatch.body.error.code).toBe('query.next_mismatch');
  });

  it('shows an object with its relationships and sightings both ways', async () => {
    const detail = await rest(server, `${base}/objects/${o.mal.id}`, { auth: analyst });
    expect(detail.status).toBe(200);
    expect(detail.body.object).toEqual(o.mal);
    expect(detail.body.summary).toMatchObject({ id: o.mal.id, name: 'Émotet loader' });
    expect(detail.body.versions).toEqual([{ version: '2026-01-01T00:00:00.000Z', date_added: detail.body.summary.date_added }]);
    const { outgoing, incoming } = detail.body.relationships;
    expect(outgoing).toEqual([
      { relationship: expect.objectContaining({ id: o.toSecret.id, type: 'relationship' }), relationship_type: 'related-to', other: expect.objectContaining({ id: o.secret.id, tlp: 'amber' }), other_id: o.secret.id },
    ]);
    expect(incoming.map((l: { relationship: { id: string } }) => l.relationship.id)).toEqual([o.sighting.id, o.secretRel.id, o.indicates.id]);
    expect(incoming[0]).toMatchObject({ relationship_type: null, other: { id: o.sensor.id, name: 'CERT-TN sensor' }, other_id: o.sensor.id });
    expect(incoming[2]).toMatchObject({ relationship_type: 'indicates', other: { id: o.ind.id }, other_id: o.ind.id });
    const sensor = await rest(server, `${base}/objects/${o.sensor.id}`, { auth: analyst });
    expect(sensor.body.relationships.outgoing).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: o.mal.id }), other_id: o.mal.id })]);
    const missing = await rest(server, `${base}/objects/malware--${crypto.randomUUID()}`, { auth: analyst });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('object.not_found');
  });

  it('hides TLP:AMBER from a reader of another organisation: lists, detail, links and counts', async () => {
    const listed = await rest(server, `${base}/objects`, { auth: telco });
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).not.toContain(o.secret.id);
    expect(ids(listed.body)).not.toContain(o.secretRel.id);
    expect(ids(listed.body)).toHaveLength(7);
    expect(ids((await rest(server, `${base}/objects?q=secret`, { auth: telco })).body)).toEqual([]);
    const detail = await rest(server, `${base}/objects/${o.secret.id}`, { auth: telco });
    expect(detail.status).toBe(404);
    expect((await rest(server, `${base}/objects/${o.secret.id}/versions/2026-01-01T00:00:00.000Z`, { auth: telco })).status).toBe(404);
    const mal = await rest(server, `${base}/objects/${o.mal.id}`, { auth: telco });
    expect(mal.body.relationships.outgoing).toEqual([expect.objectContaining({ relationship: expect.objectContaining({ id: o.toSecret.id }), other: null, other_id: o.secret.id })]);
    expect(mal.body.relationships.incoming.map((l: { relationship: { id: string } }) => l.relationship.id)).toEqual([o.sighting.id, o.indicates.id]);
    const mine = (await rest(server, '/dashboard', { auth: analyst })).body;
    const theirs = (await rest(server, '/dashboard', { auth: telco })).body;
    expect(mine.by_tlp).toEqual([{ tlp: 'green', count: 7 }, { tlp: 'amber', count: 2 }]);
    expect(theirs.by_tlp).toEqual([{ tlp: 'green', count: 7 }]);
    expect(mine.by_type).toEqual(expect.arrayContaining([{ type: 'indicator', count: 2 }, { type: 'relationship', count: 3 }]));
    expect(theirs.by_type).toEqual(expect.arrayContaining([{ type: 'indicator', count: 1 }, { type: 'relationship', count: 2 }]));
    expect(theirs.recent.map((s: { id: string }) => s.id)).not.toContain(o.secret.id);
    // The collection does not exist for a user with no share in it.
    expect((await rest(server, `${base}/objects`, { auth: server.auth.bob })).body.error.code).toBe('collection.not_found');
  });

  it('shows versions oldest first, and one version by its modified timestamp', async () => {
    const later = nextVersion(o.ind, '2026-02-01T00:00:00.000Z', { name: 'Bad domain, confirmed' });
    expect((await rest(server, `${base}/import`, { method: 'POST', auth: analyst, body: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [later] } })).body.stored).toBe(1);
    const detail = await rest(server, `${base}/objects/${o.ind.id}`, { auth: analyst });
    expect(detail.body.object.name).toBe('Bad domain, confirmed');
    expect(detail.body.versions.map((v: { version: string }) => v.version)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    const old = await rest(server, `${base}/objects/${o.ind.id}/versions/2026-01-01T00:00:00Z`, { auth: analyst });
    expect(old.status).toBe(200);
    expect(old.body.object.name).toBe('Bad domain');
    expect((await rest(server, `${base}/objects/${o.ind.id}/versions/2026-03-01T00:00:00.000Z`, { auth: analyst })).status).toBe(404);
    expect((await rest(server, `${base}/objects/${o.ind.id}/versions/latest`, { auth: analyst })).status).toBe(404);
    // The listing shows the latest version only, now the newest addition.
    const listed = await rest(server, `${base}/objects?type=indicator`, { auth: analyst });
    expect(listed.body.objects[0]).toMatchObject({ id: o.ind.id, name: 'Bad domain, confirmed', version: '2026-02-01T00:00:00.000Z' });
    expect(ids(listed.body).filter((id) => id === o.ind.id)).toHaveLength(1);
  });

  it('counts the community’s recent activity for its members, by collection and organisation', async () => {
    const mine = (await rest(server, '/dashboard', { auth: analyst })).body;
    expect(mine.collections).toBe(1);
    expect(mine.recent).toHaveLength(9);
    expect(mine.activity).toEqual([
      {
        community: { id: expect.any(String), name: 'Maghreb CIRTs' },
        collection: { id: base.split('/')[2], title: 'Alerts' },
        organisation: { id: certId, name: 'CERT-TN' },
        objects: 10,
        last_added: mine.recent[0].date_added,
      },
    ]);
    expect((await rest(server, '/dashboard', { auth: telco })).body.activity).toEqual([]);
    expect((await rest(server, '/dashboard', { auth: server.auth.bob })).body).toMatchObject({ collections: 0, recent: [], by_type: [], by_tlp: [], activity: [] });
  });
});
