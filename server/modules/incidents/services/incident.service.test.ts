/**
 * Incidents on both databases: a report is a valid STIX incident with the Incident Core Extension; the
 * workflow's moves are new versions, refused with clear errors when not allowed or not the caller's; the
 * major flag; notes and links carry the incident's markings; an outsider sees nothing of an AMBER incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { INCIDENT_CORE_EXTENSION_ID as CORE } from '../../../../shared/stix/incident-core.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { validateObject } from '../../../../shared/stix/validator.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { buildWorld, type World } from '../../../../test/support/sharing-world.ts';

describe.each(dialects)('incidents on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let collection: string;
  // user0/1: organisation 0 (the reporter); user2: organisation 1; user4 of organisation 2 as coordinator
  // (all three organisations in community 0); user6: organisation 3, outside it.
  const user = (i: number) => world.readers[i]!.actor;
  let coordinator: Actor;
  const stateOf = (object: Record<string, unknown>) => [object.x_thiqa_incident_state, (object.extensions as Record<string, Record<string, unknown>>)[CORE]!.investigation_status];

  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    world = await buildWorld(platform);
    const community = world.communities[0]!;
    for (const o of [0, 1, 2]) await platform.communities.join(SYSTEM, community.id, world.orgs[o]!.id);
    collection = (await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Incidents' })).collection.id;
    const four = user(4) as Extract<Actor, { kind: 'user' }>;
    coordinator = { ...four, roles: [...four.roles, 'incident-coordinator'] };
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('stores a report as a valid STIX incident with the Incident Core Extension, attributed to the reporter', async () => {
    const { incident } = await platform.incidents.report(user(0), collection, {
      name: 'Ransomware at the water utility', description: 'Pumps controlled by hand since 06:00.', determination: 'successful-attempt', severity: 'high',
      incident_types: ['compromised-system'], detection_methods: ['system-outage'], sectors: ['water', 'utilities'], countries: ['tn', 'DZ'], tlp: 'amber',
    });
    expect(incident.object).toMatchObject({
      type: 'incident', spec_version: '2.1', name: 'Ransomware at the water utility', created_by_ref: world.orgs[0]!.identityId,
      extensions: { [CORE]: { extension_type: 'property-extension', determination: 'successful-attempt', investigation_status: 'new', criticality: 70, incident_types: ['compromised-system'], detection_methods: ['system-outage'] } },
      x_thiqa_incident_state: 'reported', x_thiqa_sectors: ['water', 'utilities'], x_thiqa_countries: ['TN', 'DZ'], object_marking_refs: [TLP2_MARKINGS.amber],
    });
    expect(validateObject(incident.object).filter((p) => p.severity === 'error')).toEqual([]);
    const shown = await platform.incidents.show(user(2), collection, incident.object.id as string);
    expect(shown.incident.object).toEqual(incident.object);
  });

  it('moves an incident reported → triaged → coordinated → closed and reopens it, each move a new version', async () => {
    const id = (await platform.incidents.report(user(0), collection, { name: 'Phishing wave' })).incident.object.id as string;
    await platform.incidents.move(coordinator, collection, id, 'triaged');
    await platform.incidents.move(coordinator, collection, id, 'coordinated');
    await platform.incidents.move(user(1), collection, id, 'closed');
    await platform.incidents.move(coordinator, collection, id, 'triaged');
    const { history, incident } = await platform.incidents.show(user(2), collection, id);
    expect(history.map(({ object }) => stateOf(object))).toEqual([['reported', 'new'], ['triaged', 'open'], ['coordinated', 'open'], ['closed', 'closed'], ['triaged', 'open']]);
    expect(new Set(history.map(({ object }) => object.modified)).size).toBe(5);
    expect(incident.object.created_by_ref).toBe(world.orgs[0]!.identityId);
    expect((await platform.incidents.list(user(2), collection, { state: 'triaged' })).incidents.map((i) => i.object.id)).toContain(id);
  });

  it('refuses moves that are not allowed, or not the caller’s, with the states allowed', async () => {
    const id = (await platform.incidents.report(user(0), collection, { name: 'Defacement' })).incident.object.id as string;
    const refused = await platform.incidents.move(coordinator, collection, id, 'coordinated').catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'conflict', code: 'incident.transition_refused', params: { from: 'reported', to: 'coordinated', allowed: 'triaged, closed' } });
    expect(await platform.incidents.move(user(0), collection, id, 'triaged').catch((e: unknown) => e)).toMatchObject({ kind: 'forbidden', code: 'incident.move_forbidden', params: { by: 'coordinator' } });
    expect(await errorCode(platform.incidents.move(user(2), collection, id, 'closed'))).toBe('incident.move_forbidden');
    expect(await errorCode(platform.incidents.move(coordinator, collection, id, 'reported'))).toBe('incident.transition_refused');
    expect(await errorCode(platform.incidents.move(coordinator, collection, id, 'done'))).toBe('incident.invalid_state');
    expect((await platform.incidents.show(user(0), collection, id)).history).toHaveLength(1);
  });

  it('marks an incident major by its reporter or a coordinator only, and lists major incidents', async () => {
    const id = (await platform.incidents.report(user(0), collection, { name: 'DDoS on the stock exchange', incident_types: ['denial-of-service'], tlp: 'amber' })).incident.object.id as string;
    expect(await errorCode(platform.incidents.markMajor(user(2), collection, id, true))).toBe('incident.edit_forbidden');
    const { incident } = await platform.incidents.markMajor(coordinator, collection, id, true);
    expect((incident.object.extensions as Record<string, Record<string, unknown>>)[CORE]!.incident_types).toEqual(['denial-of-service', 'major']);
    expect(incident.object.x_thiqa_recipient_refs).toEqual([world.orgs[0]!.identityId]);
    await platform.incidents.markMajor(coordinator, collection, id, true);
    expect((await platform.incidents.show(user(0), collection, id)).history).toHaveLength(2);
    const major = (await platform.incidents.list(user(1), collection, { major: true })).incidents.map((i) => i.object.id);
    expect(major).toContain(id);
    expect((await platform.incidents.list(user(1), collection, { major: false })).incidents.map((i) => i.object.id)).not.toContain(id);
    const reported = await platform.incidents.report(user(1), collection, { name: 'Grid outage', major: true });
    expect((await platform.incidents.list(user(1), collection, { major: true })).incidents.map((i) => i.object.id)).toContain(reported.incident.object.id);
  });

  it('adds notes and links indicators and sightings, shared no wider than the incident', async () => {
    const { incident } = await platform.incidents.report(user(0), collection, { name: 'Credential stuffing', tlp: 'amber' });
    const id = incident.object.id as string;
    const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '203.0.113.7']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' };
    expect((await platform.objects.ingest(user(0), world.communities[0]!.slug, collection, [indicator])).rejected).toEqual([]);
    const sighting = await platform.sightings.post(user(2), collection, indicator.id, { count: 3 });
    const note = await platform.incidents.note(user(2), collection, id, { content: 'Seen on our VPN too.', abstract: 'VPN' });
    expect(note.note.object).toMatchObject({ type: 'note', object_refs: [id], content: 'Seen on our VPN too.', created_by_ref: world.orgs[1]!.identityId, object_marking_refs: [TLP2_MARKINGS.amber], x_thiqa_recipient_refs: [world.orgs[0]!.identityId] });
    const link = await platform.incidents.link(user(2), collection, id, indicator.id);
    expect(link.link.object).toMatchObject({ type: 'relationship', relationship_type: 'detected', source_ref: indicator.id, target_ref: id, object_marking_refs: [TLP2_MARKINGS.amber] });
    expect(await errorCode(platform.incidents.link(user(2), collection, id, sighting.sighting.object.id as string))).toBe('incident.edit_forbidden');
    await platform.incidents.link(user(1), collection, id, sighting.sighting.object.id as string);
    const shown = await platform.incidents.show(user(0), collection, id);
    expect(shown.incident.object.x_thiqa_sighting_refs).toEqual([sighting.sighting.object.id]);
    expect(shown.notes.map((n) => n.object.id)).toEqual([note.note.object.id]);
    expect(shown.indicators.map((r) => r.object.source_ref)).toEqual([indicator.id]);
    expect(await errorCode(platform.incidents.link(user(1), collection, id, 'malware--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a'))).toBe('incident.invalid_link');
    expect(await errorCode(platform.incidents.link(user(1), collection, id, 'indicator--00000000-0000-4000-8000-00000000dead'))).toBe('object.not_found');
    expect(await errorCode(platform.incidents.note(user(1), collection, id, { content: ' ' }))).toBe('incident.invalid_note');
  });

  it('shows an outsider nothing of an AMBER incident, and its notes to no one outside the community', async () => {
    const outsider = user(6);
    const { incident } = await platform.incidents.report(user(0), collection, { name: 'Leak of patient records', tlp: 'amber', sectors: ['healthcare'] });
    await platform.communityApiRoots.createCollection(SYSTEM, world.communities[0]!.id, { title: 'Other' });
    await platform.collections.grant(SYSTEM, collection, `org:${world.orgs[3]!.id}`, { read: true, write: false });
    const id = incident.object.id as string;
    expect((await platform.incidents.list(outsider, collection)).incidents.map((i) => i.object.id)).not.toContain(id);
    expect(await errorCode(platform.incidents.show(outsider, collection, id))).toBe('object.not_found');
    expect(await errorCode(platform.incidents.move(outsider, collection, id, 'closed'))).toBe('object.not_found');
    expect(await errorCode(platform.incidents.note(outsider, collection, id, { content: 'x' }))).toBe('object.not_found');
    expect((await platform.incidents.list(user(2), collection)).incidents.map((i) => i.object.id)).toContain(id);
  });

  it('shares an AMBER+STRICT incident with the organisations it names, and keeps the reporter on what they store', async () => {
    const { incident } = await platform.incidents.report(user(0), collection, { name: 'Breach of the tax portal', tlp: 'amber+strict', recipients: [world.orgs[2]!.identityId] });
    const id = incident.object.id as string;
    expect(incident.object.x_thiqa_recipient_refs).toEqual([world.orgs[2]!.identityId]);
    expect(await errorCode(platform.incidents.show(user(2), collection, id))).toBe('object.not_found');
    const triaged = await platform.incidents.move(coordinator, collection, id, 'triaged');
    expect(triaged.incident.object.x_thiqa_recipient_refs).toEqual([world.orgs[2]!.identityId, world.orgs[0]!.identityId]);
    expect(stateOf((await platform.incidents.show(user(1), collection, id)).incident.object)).toEqual(['triaged', 'open']);
    const note = await platform.incidents.note(coordinator, collection, id, { content: 'CERT on site.' });
    expect((await platform.incidents.show(user(0), collection, id)).notes.map((n) => n.object.id)).toEqual([note.note.object.id]);
    expect(await errorCode(platform.incidents.show(user(2), collection, id))).toBe('object.not_found');
    expect(await errorCode(platform.incidents.report(user(0), collection, { name: 'n', tlp: 'amber+strict', recipients: ['identity--00000000-0000-4000-8000-0000000000ff'] }))).toBe('incident.rejected');
  });

  it('lists an incident stored by another tool, without the extension or with a state that is none, as reported', async () => {
    const foreign = (n: number, more: Record<string, unknown>) => ({ type: 'incident', spec_version: '2.1', id: `incident--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, created: '2026-02-01T00:00:00.000Z', modified: '2026-02-01T00:00:00.000Z', name: `foreign ${n}`, ...more });
    const objects = [foreign(1, {}), foreign(2, { x_thiqa_incident_state: 'escalated' })];
    expect((await platform.objects.ingest(user(0), world.communities[0]!.slug, collection, objects)).rejected).toEqual([]);
    const listed = (await platform.incidents.list(user(1), collection, { state: 'reported' })).incidents.map((i) => i.object.id);
    expect(listed).toEqual(expect.arrayContaining(objects.map((o) => o.id)));
    const moved = await platform.incidents.move(coordinator, collection, objects[1]!.id, 'triaged');
    expect(stateOf(moved.incident.object)).toEqual(['triaged', 'open']);
  });

  it('refuses bad reports with their codes', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'incident.invalid_name'],
      [{ name: 'x'.repeat(201) }, 'incident.invalid_name'],
      [{ name: 'n', description: '' }, 'incident.invalid_description'],
      [{ name: 'n', determination: 'confirmed' }, 'incident.invalid_determination'],
      [{ name: 'n', severity: 'critical' }, 'incident.invalid_severity'],
      [{ name: 'n', incident_types: ['Not Lower'] }, 'incident.invalid_incident_types'],
      [{ name: 'n', detection_methods: 'human-review' }, 'incident.invalid_detection_methods'],
      [{ name: 'n', sectors: ['banking'] }, 'incident.invalid_sectors'],
      [{ name: 'n', countries: ['UK'] }, 'incident.invalid_countries'],
      [{ name: 'n', major: 'yes' }, 'incident.invalid_major'],
      [{ name: 'n', tlp: 'purple' }, 'incident.invalid_tlp'],
      [{ name: 'n', recipients: ['organisation 2'] }, 'incident.invalid_recipients'],
    ];
    for (const [body, code] of cases) expect(await errorCode(platform.incidents.report(user(0), collection, body)), JSON.stringify(body)).toBe(code);
    expect(await errorCode(platform.incidents.report(world.readers[8]!.actor, collection, { name: 'n' }))).toBe('collection.not_found');
    expect(await errorCode(platform.incidents.report(SYSTEM, collection, { name: 'n' }))).toBe('incident.organisation_required');
    expect(await errorCode(platform.incidents.show(user(0), collection, 'malware--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a'))).toBe('incident.invalid_id');
  });
});
