// A plain TAXII client, signed in as members of different organisations, sees exactly what TLP 2.0 allows:
// objects, one object, versions and manifest of a community collection, and a public collection read anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { objectsPath, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

const basic = (user: string) => `Basic ${Buffer.from(`${user}:${user}-password`).toString('base64')}`;
const ids = (body: { objects?: { id: string }[] } | undefined) => (body?.objects ?? []).map((o) => o.id).sort();

describe.each(dialects)('TLP 2.0 over TAXII on %s', (dialect) => {
  let server: TestServer;
  let path: string;
  const objects: Record<string, Record<string, unknown>> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const org = async (name: string) => platform.organisations.add(SYSTEM, { name, type: 'member-state', subtype: 'national-cirt', country: 'TN' });
    const [cert, bank, telco] = [await org('CERT-TN'), await org('Bank of Tunis'), await org('Telco TN')];
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Maghreb CIRTs' });
    for (const member of [cert, bank]) await platform.communities.join(SYSTEM, community.id, member.id);
    for (const [name, organisation] of [['analyst', cert], ['colleague', cert], ['banker', bank], ['telco', telco]] as const) {
      await platform.users.addUser({ name, password: `${name}-password`, organisation: organisation.id });
    }
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Alerts' });
    path = `/${community.slug}/collections/${collection.id}/objects/`;
    Object.assign(objects, {
      green: indicator({ object_marking_refs: [TLP2_MARKINGS.green] }),
      unmarked: indicator(),
      amber: indicator({ object_marking_refs: [TLP2_MARKINGS.amber] }),
      amberForTelco: indicator({ object_marking_refs: [TLP2_MARKINGS.amber], x_thiqa_recipient_refs: [telco.identityId] }),
      strictForBank: indicator({ object_marking_refs: [TLP2_MARKINGS['amber+strict']], x_thiqa_recipient_refs: [bank.identityId] }),
      redForBanker: indicator({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['banker'] }),
      partlyRed: indicator({
        object_marking_refs: [TLP2_MARKINGS.green],
        description: 'seen at the central bank',
        granular_markings: [{ marking_ref: TLP2_MARKINGS.red, selectors: ['description'] }],
        x_thiqa_recipient_users: ['banker'],
      }),
    });
    const posted = await taxii(server, path, { method: 'POST', auth: basic('analyst'), body: { objects: Object.values(objects) } });
    expect(posted.body).toMatchObject({ success_count: 7, failure_count: 0 });
  });
  afterAll(() => server.close());

  const idsOf = (...names: string[]) => names.map((n) => objects[n]!.id as string).sort();

  it('gives each organisation exactly its share of the community collection', async () => {
    const seen = async (user: string) => ids((await taxii(server, path, { auth: basic(user) })).body);
    expect(await seen('analyst')).toEqual(idsOf('green', 'unmarked', 'amber', 'amberForTelco', 'strictForBank', 'redForBanker', 'partlyRed'));
    expect(await seen('colleague')).toEqual(idsOf('green', 'unmarked', 'amber', 'amberForTelco', 'strictForBank', 'partlyRed'));
    expect(await seen('banker')).toEqual(idsOf('green', 'unmarked', 'amber', 'amberForTelco', 'strictForBank', 'redForBanker', 'partlyRed'));
    // Not a member: only what names Telco TN, and the collection is listed for it because of that.
    expect(await seen('telco')).toEqual(idsOf('amberForTelco'));
    const listed = await taxii(server, path.replace(/[^/]+\/objects\/$/, ''), { auth: basic('telco') });
    expect(listed.body.collections.map((c: { can_read: boolean; can_write: boolean }) => [c.can_read, c.can_write])).toEqual([[true, false]]);
    // A signed-in user with no share at all: the collection does not exist for them.
    expect((await taxii(server, path, { auth: server.auth.bob })).status).toBe(404);
  });

  it('lists a community\'s API root in discovery only to those it concerns', async () => {
    const roots = async (auth: string) => ((await taxii(server, '/taxii2/', { auth })).body.api_roots as string[]).map((url) => new URL(url).pathname);
    const community = path.split('/')[1]!;
    expect(await roots(basic('banker'))).toContain(`/${community}/`);
    // Not a member, but named as a recipient of something there.
    expect(await roots(basic('telco'))).toContain(`/${community}/`);
    expect(await roots(server.auth.bob)).toEqual(['/thiqa/']);
    expect(await roots(server.auth.admin)).toContain(`/${community}/`);
  });

  it('hides a granularly restricted property from readers below its level', async () => {
    const partly = objects.partlyRed!.id as string;
    const asColleague = await taxii(server, `${path}${partly}/`, { auth: basic('colleague') });
    expect(asColleague.body.objects[0]).not.toHaveProperty('description');
    expect(asColleague.body.objects[0]).not.toHaveProperty('granular_markings');
    const asBanker = await taxii(server, `${path}${partly}/`, { auth: basic('banker') });
    expect(asBanker.body.objects[0].description).toBe('seen at the central bank');
  });

  it('answers one object, its versions and the manifest by the same rule', async () => {
    const strict = objects.strictForBank!.id as string;
    for (const suffix of [`${strict}/`, `${strict}/versions/`]) {
      expect((await taxii(server, `${path}${suffix}`, { auth: basic('telco') })).status).toBe(404);
      expect((await taxii(server, `${path}${suffix}`, { auth: basic('banker') })).status).toBe(200);
    }
    const manifest = await taxii(server, path.replace(/objects\/$/, 'manifest/'), { auth: basic('colleague') });
    expect(ids(manifest.body)).toEqual(idsOf('green', 'unmarked', 'amber', 'amberForTelco', 'strictForBank', 'partlyRed'));
  });

  it('serves a public collection to anonymous callers, TLP:CLEAR only; everything else still asks for credentials', async () => {
    const clear = indicator({ object_marking_refs: [TLP2_MARKINGS.clear] });
    const green = indicator({ object_marking_refs: [TLP2_MARKINGS.green] });
    await taxii(server, objectsPath(server), { method: 'POST', body: { objects: [clear, green] } });
    expect((await taxii(server, objectsPath(server), { auth: null })).status).toBe(401);
    await server.platform.collections.grant(SYSTEM, server.collectionId, 'anonymous', { read: true, write: false });
    const anonymous = await taxii(server, objectsPath(server), { auth: null });
    expect([anonymous.status, ids(anonymous.body)]).toEqual([200, [clear.id]]);
    expect((await taxii(server, '/taxii2/', { auth: null })).status).toBe(401);
    expect((await taxii(server, path, { auth: null })).status).toBe(401);
    expect((await taxii(server, objectsPath(server), { method: 'POST', auth: null, body: { objects: [indicator()] } })).status).toBe(401);
  });
});
