// Incidents over the REST API on both databases: a report, the workflow with its refusals (403, 409),
// the major flag, notes and links (also named by a report), the list's filters and pages, and an outsider who
// sees nothing of an AMBER incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

describe.each(dialects)('REST incidents on %s', (dialect) => {
  let server: TestServer;
  let reporterIdentity: string;
  const path = '/collections/incidents/incidents';
  const analyst = basic('analyst');
  const duty = basic('duty');
  const telco = basic('telco');
  const outsider = basic('outsider');

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const bank = await platform.organisations.add(SYSTEM, { name: 'Bank TN', type: 'member-state', country: 'TN' });
    const cert = await platform.organisations.add(SYSTEM, { name: 'CERT-TN', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
    const telcoOrg = await platform.organisations.add(SYSTEM, { name: 'Telco TN', type: 'member-state', country: 'TN' });
    const far = await platform.organisations.add(SYSTEM, { name: 'Far Away', type: 'member-state', country: 'FJ' });
    reporterIdentity = bank.identityId;
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Tunisian sector CIRTs' });
    for (const org of [bank, cert, telcoOrg]) await platform.communities.join(SYSTEM, community.id, org.id);
    await platform.users.addUser({ name: 'analyst', password: 'analyst-password', organisation: bank.id });
    await platform.users.addUser({ name: 'duty', password: 'duty-password', organisation: cert.id, roles: ['incident-coordinator'] });
    await platform.users.addUser({ name: 'telco', password: 'telco-password', organisation: telcoOrg.id });
    await platform.users.addUser({ name: 'outsider', password: 'outsider-password', organisation: far.id });
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Incidents', alias: 'incidents' });
    await platform.collections.grant(SYSTEM, collection.id, `org:${far.id}`, { read: true, write: false });
  });
  afterAll(() => server.close());

  it('reports an incident and moves it through the workflow, refusing what is not allowed', async () => {
    const reported = await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'Card skimming at ATMs', severity: 'moderate', sectors: ['financial-services'], countries: ['TN'], incident_types: ['unauthorized-access'] } });
    expect(reported.status).toBe(201);
    expect(reported.body.incident).toMatchObject({ state: 'reported', next_states: ['triaged', 'closed'], investigation_status: 'new', determination: 'suspected', severity: 'moderate', criticality: 40, major: false, sectors: ['financial-services'], countries: ['TN'], created_by_ref: reporterIdentity, tlp: 'green' });
    const id = reported.body.incident.id as string;
    const state = (auth: ReturnType<typeof basic>, to: unknown) => rest(server, `${path}/${id}/state`, { method: 'PUT', auth, body: { state: to } });

    const notYours = await state(analyst, 'triaged');
    expect(notYours.status).toBe(403);
    expect(notYours.body.error).toMatchObject({ code: 'incident.move_forbidden', params: { from: 'reported', to: 'triaged' } });
    const skipped = await state(duty, 'coordinated');
    expect(skipped.status).toBe(409);
    expect(skipped.body.error).toMatchObject({ code: 'incident.transition_refused', params: { allowed: 'triaged, closed' } });
    expect((await state(duty, 'resolved')).body.error).toMatchObject({ code: 'incident.invalid_state', params: { field: 'state' } });
    expect((await state(duty, 'triaged')).body.incident).toMatchObject({ state: 'triaged', investigation_status: 'open' });
    expect((await state(telco, 'closed')).status).toBe(403);
    expect((await state(duty, 'coordinated')).status).toBe(200);
    expect((await state(analyst, 'closed')).body.incident).toMatchObject({ state: 'closed', investigation_status: 'closed', next_states: ['triaged'] });

    const shown = await rest(server, `${path}/${id}`, { auth: telco });
    expect(shown.status).toBe(200);
    expect(shown.body.history.map((h: { state: string }) => h.state)).toEqual(['reported', 'triaged', 'coordinated', 'closed']);
    expect((await rest(server, `${path}?state=closed`, { auth: telco })).body.incidents.map((i: { id: string }) => i.id)).toContain(id);
    expect((await rest(server, `${path}?state=triaged`, { auth: telco })).body.incidents.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('marks major, adds notes and links an indicator', async () => {
    const subscribed = await rest(server, '/alerts/subscriptions', { method: 'POST', auth: telco, body: { channel: 'in-app', major_incidents: true } });
    expect(subscribed.body.subscription).toMatchObject({ major_incidents: true });
    const id = (await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'Wiper on payment switch' } })).body.incident.id as string;
    expect((await rest(server, `${path}/${id}/major`, { method: 'PUT', auth: telco, body: { major: true } })).body.error.code).toBe('incident.edit_forbidden');
    const marked = await rest(server, `${path}/${id}/major`, { method: 'PUT', auth: duty, body: { major: true } });
    expect(marked.body.incident).toMatchObject({ major: true, incident_types: ['major'] });
    expect((await rest(server, `${path}?major=true`, { auth: analyst })).body.incidents.map((i: { id: string }) => i.id)).toContain(id);
    expect((await rest(server, `${path}?major=maybe`, { auth: analyst })).body.error.code).toBe('incident.invalid_major');
    await server.platform.alertDelivery.deliverDue();
    const notified = (await rest(server, '/alerts/notifications', { auth: telco })).body.notifications;
    expect(notified.map((n: { alert: { id: string; version: string } }) => [n.alert.id, n.alert.version])).toEqual([[id, marked.body.incident.modified]]);

    const note = await rest(server, `${path}/${id}/notes`, { method: 'POST', auth: telco, body: { content: 'Our switch saw the same binary.' } });
    expect(note.status).toBe(201);
    expect(note.body.note).toMatchObject({ content: 'Our switch saw the same binary.', tlp: 'green' });
    const ind = indicator({ name: 'Wiper hash', object_marking_refs: [TLP2_MARKINGS.green] });
    expect((await rest(server, '/collections/incidents/import', { method: 'POST', auth: telco, body: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [ind] } })).status).toBe(200);
    const link = await rest(server, `${path}/${id}/links`, { method: 'POST', auth: telco, body: { ref: ind.id } });
    expect(link.status).toBe(201);
    expect(link.body.object).toMatchObject({ type: 'relationship', relationship_type: 'detected', source_ref: ind.id, target_ref: id });
    expect((await rest(server, `${path}/${id}/links`, { method: 'POST', auth: telco, body: { ref: 'malware--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a' } })).body.error.code).toBe('incident.invalid_link');
    const shown = (await rest(server, `${path}/${id}`, { auth: analyst })).body;
    expect(shown.notes.map((n: { id: string }) => n.id)).toEqual([note.body.note.id]);
    expect(shown.indicators.map((i: { indicator: string }) => i.indicator)).toEqual([ind.id]);
  });

  it('shows an outsider nothing of an AMBER incident', async () => {
    const id = (await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'Insider at the bank', tlp: 'amber' } })).body.incident.id as string;
    expect((await rest(server, `${path}/${id}`, { auth: outsider })).status).toBe(404);
    expect((await rest(server, path, { auth: outsider })).body.incidents.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await rest(server, `${path}/${id}/notes`, { method: 'POST', auth: outsider, body: { content: 'x' } })).status).toBe(404);
    expect((await rest(server, `${path}/${id}`, { auth: telco })).status).toBe(200);
  });

  it('pages the list with limit and next, and links what a report names', async () => {
    const ind = indicator({ name: 'Skimmer domain', object_marking_refs: [TLP2_MARKINGS.green] });
    expect((await rest(server, '/collections/incidents/import', { method: 'POST', auth: analyst, body: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [ind] } })).status).toBe(200);
    const reported = await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'Skimmers again', links: [ind.id] } });
    expect(reported.status).toBe(201);
    const id = reported.body.incident.id as string;
    expect((await rest(server, `${path}/${id}`, { auth: telco })).body.indicators.map((i: { indicator: string }) => i.indicator)).toEqual([ind.id]);
    const badLink = await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'n', links: ['indicator--not-a-uuid'] } });
    expect([badLink.status, badLink.body.error.code, badLink.body.error.params]).toEqual([400, 'incident.invalid_links', expect.objectContaining({ field: 'links', ref: 'indicator--not-a-uuid' })]);
    const unseen = await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'n', links: ['sighting--00000000-0000-4000-8000-00000000dead'] } });
    expect([unseen.status, unseen.body.error.code]).toEqual([404, 'object.not_found']);

    const everything = (await rest(server, `${path}?limit=200`, { auth: telco })).body;
    expect(everything.next).toBeNull();
    const first = (await rest(server, `${path}?limit=2`, { auth: telco })).body;
    expect(first.incidents.map((i: { id: string }) => i.id)).toEqual(everything.incidents.slice(0, 2).map((i: { id: string }) => i.id));
    expect(first.incidents[0].id).toBe(id);
    const second = (await rest(server, `${path}?limit=2&next=${encodeURIComponent(first.next as string)}`, { auth: telco })).body;
    expect(second.incidents.map((i: { id: string }) => i.id)).toEqual(everything.incidents.slice(2, 4).map((i: { id: string }) => i.id));
    expect((await rest(server, `${path}?limit=0`, { auth: telco })).status).toBe(400);
    const mismatch = await rest(server, `${path}?state=closed&next=${encodeURIComponent(first.next as string)}`, { auth: telco });
    expect([mismatch.status, mismatch.body.error.code]).toEqual([400, 'incident.next_mismatch']);
  });

  it('answers bad input with its code and field', async () => {
    const bad = await rest(server, path, { method: 'POST', auth: analyst, body: { name: 'n', countries: ['XX'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'incident.invalid_countries', params: { field: 'countries' } });
    expect((await rest(server, path, { method: 'POST', auth: analyst, body: {} })).body.error.code).toBe('request.missing_field');
    expect((await rest(server, `${path}/indicator--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a`, { auth: analyst })).body.error.code).toBe('incident.invalid_id');
  });
});
