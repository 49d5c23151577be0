// Sightings over the REST API on both databases: posting one (attributed, or anonymous), the indicator's
// sightings with their aggregate, who may post and read, and bad input answered with its error code. An
// anonymous sighting's organisation shows through no answer to a user of another organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

describe.each(dialects)('REST sightings on %s', (dialect) => {
  let server: TestServer;
  let path: string;
  let cert: { id: string; identityId: string };
  const analyst = basic('analyst');
  const telco = basic('telco');
  const outsider = basic('outsider');

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const certOrg = await platform.organisations.add(SYSTEM, { name: 'CERT-TN', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
    const telcoOrg = await platform.organisations.add(SYSTEM, { name: 'Telco TN', type: 'member-state', country: 'TN' });
    const outsiderOrg = await platform.organisations.add(SYSTEM, { name: 'Far Away', type: 'member-state', country: 'FJ' });
    cert = { id: certOrg.id, identityId: certOrg.identityId };
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Maghreb CIRTs' });
    await platform.communities.join(SYSTEM, community.id, certOrg.id);
    await platform.communities.join(SYSTEM, community.id, telcoOrg.id);
    await platform.users.addUser({ name: 'analyst', password: 'analyst-password', organisation: certOrg.id });
    await platform.users.addUser({ name: 'telco', password: 'telco-password', organisation: telcoOrg.id });
    await platform.users.addUser({ name: 'outsider', password: 'outsider-password', organisation: outsiderOrg.id });
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Alerts', alias: 'alerts' });
    const ind = indicator({ name: 'Bad domain', object_marking_refs: [TLP2_MARKINGS.green] });
    const stored = await rest(server, `/collections/${collection.id}/import`, { method: 'POST', auth: telco, body: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [ind] } });
    expect(stored.status).toBe(200);
    path = `/collections/alerts/indicators/${ind.id as string}/sightings`;
  });
  afterAll(() => server.close());

  it('posts an attributed and an anonymous sighting and answers their aggregate', async () => {
    const posted = await rest(server, path, { method: 'POST', auth: analyst, body: { count: 12, first_seen: '2026-05-01T08:00:00Z', last_seen: '2026-05-02T08:00:00Z', where: 'DNS resolvers' } });
    expect(posted.status).toBe(201);
    expect(posted.body.sighting).toMatchObject({ count: 12, where: 'DNS resolvers', created_by_ref: cert.identityId, anonymous: false, tlp: 'green', where_sighted_refs: [cert.identityId] });
    expect(posted.body.object).toMatchObject({ type: 'sighting', created_by_ref: cert.identityId });
    const anonymous = await rest(server, path, { method: 'POST', auth: analyst, body: { count: 3, anonymous: true, tlp: 'amber', last_seen: '2026-05-04T00:00:00Z' } });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.sighting).toMatchObject({ created_by_ref: null, anonymous: true, tlp: 'amber', where_sighted_refs: [] });

    const listed = await rest(server, path, { auth: telco });
    expect(listed.status).toBe(200);
    expect(listed.body.aggregate).toEqual({ sightings: 2, total_count: 15, organisations: 1, anonymous: 1, first_seen: '2026-05-01T08:00:00Z', last_seen: '2026-05-04T00:00:00Z' });
    expect(listed.body.sightings.map((s: { id: string }) => s.id)).toEqual([anonymous.body.sighting.id, posted.body.sighting.id]);

    // Nothing the other organisation reads of the anonymous sighting names CERT-TN.
    const sightingId = anonymous.body.sighting.id as string;
    const answers = [
      (await rest(server, path, { auth: telco })).body.sightings[0],
      (await rest(server, `/collections/alerts/objects/${sightingId}`, { auth: telco })).body,
      (await rest(server, `/collections/alerts/objects?type=sighting`, { auth: telco })).body.objects.filter((s: { id: string }) => s.id === sightingId),
    ];
    const text = JSON.stringify(answers);
    expect(text).toContain(sightingId);
    for (const secret of [cert.id, cert.identityId, 'CERT-TN', 'analyst']) expect(text).not.toContain(secret);
  });

  it('lets only readers of the indicator post and read its sightings', async () => {
    expect((await rest(server, path, { auth: outsider })).status).toBe(404);
    expect((await rest(server, path, { method: 'POST', auth: outsider, body: { anonymous: true } })).status).toBe(404);
    expect((await rest(server, path, { auth: null })).status).toBe(401);
    const other = `/collections/alerts/indicators/indicator--00000000-0000-4000-8000-00000000abcd/sightings`;
    expect((await rest(server, other, { auth: telco })).body.error.code).toBe('object.not_found');
  });

  it('answers bad input with its error code', async () => {
    const cases: [unknown, number, string][] = [
      [{ count: -2 }, 400, 'sighting.invalid_count'],
      [{ count: 'many' }, 400, 'request.invalid_field'],
      [{ first_seen: '2026-05-02T00:00:00Z', last_seen: '2026-05-01T00:00:00Z' }, 400, 'sighting.invalid_window'],
      [{ anonymous: true, tlp: 'red' }, 400, 'sighting.anonymous_tlp'],
      [{ tlp: 'blue' }, 400, 'sighting.invalid_tlp'],
      [{ colour: 'red' }, 400, 'request.unknown_field'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await rest(server, path, { method: 'POST', auth: analyst, body });
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const notIndicator = await rest(server, '/collections/alerts/indicators/malware--00000000-0000-4000-8000-000000000001/sightings', { auth: telco });
    expect([notIndicator.status, notIndicator.body.error.code]).toEqual([400, 'sighting.invalid_indicator']);
  });

  it('refuses a sighting whose where seems to hold personal data, attributed or anonymous, saying where and what kind', async () => {
    for (const anonymous of [false, true]) {
      const answer = await rest(server, path, { method: 'POST', auth: analyst, body: { anonymous, where: 'laptop of leila.mansour@post.tn' } });
      expect([answer.status, answer.body.error.code]).toEqual([400, 'sighting.rejected']);
      expect(answer.body.error.problems).toEqual([expect.objectContaining({ rule: 'personal-data-email', path: '$.description', kind: 'email' })]);
      expect(answer.text).not.toContain('leila');
    }
  });
});
