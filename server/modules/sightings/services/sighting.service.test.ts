/**
 * Sightings on both databases: posting stores a STIX sighting attributed to the poster's organisation in the
 * indicator's collection; the aggregate sums what the reader may see; an anonymous sighting shows its
 * poster's organisation through no answer to another organisation's user; bad input fails with its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import type { Dashboard } from '../../exchange/services/object-browse.service.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { buildWorld, PLAIN_ROOT, type World } from '../../../../test/support/sharing-world.ts';

let serial = 0;
function indicatorObject(marking: string = TLP2_MARKINGS.clear): Record<string, unknown> {
  serial++;
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: `[domain-name:value = 'seen${serial}.example']`,
    pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', object_marking_refs: [marking],
  };
}

/** What a dashboard shows of one collection (the others hold attributed sightings by the same organisation). */
function dashboardOf(dashboard: Dashboard, collectionId: string) {
  return { recent: dashboard.recent.filter((r) => r.collectionId === collectionId), activity: dashboard.activity.filter((a) => a.collection.id === collectionId) };
}

describe.each(dialects)('sightings on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let collection: string;
  let root: string;
  // user0/1: organisation 0, user2/3: organisation 1 (both in community 0); user4: organisation 2 (outside it).
  const user = (i: number) => world.readers[i]!.actor;

  async function storeIndicator(object = indicatorObject()): Promise<string> {
    const result = await platform.objects.ingest(user(0), root, collection, [object]);
    expect(result.rejected).toEqual([]);
    return object.id as string;
  }

  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    world = await buildWorld(platform);
    const community = world.communities[0]!;
    await platform.communities.join(SYSTEM, community.id, world.orgs[0]!.id);
    await platform.communities.join(SYSTEM, community.id, world.orgs[1]!.id);
    collection = (await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Sightings' })).collection.id;
    root = community.slug;
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('stores a posted sighting as a STIX sighting of the indicator, attributed to the poster’s organisation', async () => {
    const indicator = await storeIndicator();
    const posted = await platform.sightings.post(user(2), collection, indicator, { count: 3, first_seen: '2026-02-01T00:00:00Z', last_seen: '2026-02-03T00:00:00Z', where: 'mail gateway, Tunis' });
    const object = posted.sighting.object;
    expect(object).toMatchObject({ type: 'sighting', spec_version: '2.1', sighting_of_ref: indicator, count: 3, created_by_ref: world.orgs[1]!.identityId, where_sighted_refs: [world.orgs[1]!.identityId], description: 'mail gateway, Tunis' });
    const stored = await platform.objects.getObject(user(0), root, collection, object.id as string, {});
    expect(JSON.parse(new TextDecoder().decode(stored.rows[0]!.body))).toEqual(object);
  });

  it('aggregates count, sightings, distinct organisations, anonymous ones and the seen window', async () => {
    const indicator = await storeIndicator();
    await platform.sightings.post(user(0), collection, indicator, { count: 2, first_seen: '2026-03-05T00:00:00Z', last_seen: '2026-03-06T00:00:00Z' });
    await platform.sightings.post(user(1), collection, indicator, { count: 5, first_seen: '2026-03-01T00:00:00Z' });
    await platform.sightings.post(user(2), collection, indicator, {});
    await platform.sightings.post(user(3), collection, indicator, { count: 0, last_seen: '2026-03-09T10:00:00Z', anonymous: true });
    const found = await platform.sightings.list(user(1), collection, indicator);
    expect(found.aggregate).toEqual({ sightings: 4, totalCount: 8, organisations: 2, anonymous: 1, firstSeen: '2026-03-01T00:00:00Z', lastSeen: '2026-03-09T10:00:00Z' });
    expect(found.sightings.map((s) => s.object.count)).toEqual([0, 1, 5, 2]);
  });

  it('counts only what the reader may see: an AMBER+STRICT sighting for its organisation only', async () => {
    const indicator = await storeIndicator();
    await platform.sightings.post(user(2), collection, indicator, { count: 7, tlp: 'amber+strict' });
    await platform.sightings.post(user(0), collection, indicator, { count: 1, tlp: 'amber' });
    expect((await platform.sightings.list(user(3), collection, indicator)).aggregate.totalCount).toBe(8);
    expect((await platform.sightings.list(user(1), collection, indicator)).aggregate).toMatchObject({ sightings: 1, totalCount: 1, organisations: 1 });
  });

  it('shows an anonymous sighting’s organisation through no answer to another organisation’s user', async () => {
    const own = await platform.communityApiRoots.createCollection(SYSTEM, world.communities[0]!.id, { title: 'Anonymous' });
    const indicator = indicatorObject();
    await platform.objects.ingest(user(0), root, own.collection.id, [indicator]);
    const posted = await platform.sightings.post(user(2), own.collection.id, indicator.id as string, { count: 4, where: 'a branch office', anonymous: true, tlp: 'green' });
    expect(posted.sighting.object).not.toHaveProperty('created_by_ref');
    expect(posted.sighting.object).not.toHaveProperty('where_sighted_refs');
    const org1 = world.orgs[1]!;
    const secrets = [org1.id, org1.identityId, 'Organisation 1', world.readers[2]!.userId!, 'user2'];
    for (const reader of [user(0), user(1), world.readers[9]!.actor]) {
      const answers = [
        await platform.sightings.list(reader, own.collection.id, indicator.id as string),
        await platform.browse.detail(reader, own.collection.id, indicator.id as string),
        await platform.browse.detail(reader, own.collection.id, posted.sighting.object.id as string),
        await platform.browse.list(reader, own.collection.id, {}),
        dashboardOf(await platform.browse.dashboard(reader), own.collection.id),
        (await platform.objects.list(reader, root, own.collection.id, {})).rows.map((row) => ({ ...row, body: new TextDecoder().decode(row.body) })),
      ];
      const text = JSON.stringify(answers);
      expect(text).toContain(posted.sighting.object.id as string);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    const found = await platform.sightings.list(user(0), own.collection.id, indicator.id as string);
    expect(found.aggregate).toMatchObject({ sightings: 1, totalCount: 4, organisations: 0, anonymous: 1 });
  });

  it('refuses bad input with its code', async () => {
    const indicator = await storeIndicator();
    const cases: [Record<string, unknown>, string][] = [
      [{ count: -1 }, 'sighting.invalid_count'],
      [{ count: 1_000_000_000 }, 'sighting.invalid_count'],
      [{ count: 1.5 }, 'sighting.invalid_count'],
      [{ first_seen: 'yesterday' }, 'sighting.invalid_first_seen'],
      [{ last_seen: '2026-02-30T00:00:00Z' }, 'sighting.invalid_last_seen'],
      [{ first_seen: '2026-02-02T00:00:00Z', last_seen: '2026-02-01T00:00:00Z' }, 'sighting.invalid_window'],
      [{ where: '' }, 'sighting.invalid_where'],
      [{ where: 'x'.repeat(1001) }, 'sighting.invalid_where'],
      [{ tlp: 'purple' }, 'sighting.invalid_tlp'],
      [{ anonymous: true, tlp: 'amber+strict' }, 'sighting.anonymous_tlp'],
      [{ anonymous: true, tlp: 'red' }, 'sighting.anonymous_tlp'],
      [{ anonymous: true, where_sighted_refs: [world.orgs[1]!.identityId] }, 'sighting.anonymous_names_poster'],
      [{ where_sighted_refs: ['malware--00000000-0000-4000-8000-000000000001'] }, 'sighting.invalid_where_sighted_refs'],
      [{ observed_data_refs: ['identity--00000000-0000-4000-8000-000000000001'] }, 'sighting.invalid_observed_data_refs'],
    ];
    for (const [body, code] of cases) expect(await errorCode(platform.sightings.post(user(2), collection, indicator, body)), JSON.stringify(body)).toBe(code);
    expect(await errorCode(platform.sightings.post(user(2), collection, 'malware--00000000-0000-4000-8000-000000000001', {}))).toBe('sighting.invalid_indicator');
    expect(await errorCode(platform.sightings.post(user(2), collection, 'indicator--00000000-0000-4000-8000-0000000fffff', {}))).toBe('object.not_found');
    expect(await errorCode(platform.sightings.post(user(4), collection, indicator, {}))).toBe('collection.not_found');
    expect(await errorCode(platform.sightings.post(SYSTEM, collection, indicator, {}))).toBe('sighting.organisation_required');
  });

  it('passes on the exchange’s refusal with its problems: TLP:AMBER outside a community', async () => {
    const plain = await platform.collections.create(SYSTEM, { apiRoot: PLAIN_ROOT, title: 'Plain' });
    await platform.collections.grant(SYSTEM, plain.id, `org:${world.orgs[1]!.id}`, { read: true, write: true });
    const object = indicatorObject();
    await platform.objects.ingest(SYSTEM, PLAIN_ROOT, plain.id, [object]);
    const refused = await platform.sightings.post(user(2), plain.id, object.id as string, { tlp: 'amber' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'sighting.rejected', problems: [{ rule: 'tlp-amber-outside-community', path: '$' }] });
    expect((await platform.sightings.list(user(2), plain.id, object.id as string)).aggregate.sightings).toBe(0);
  });

  it('does not answer for an indicator the reader may not see, nor post a sighting of it', async () => {
    const hidden = await storeIndicator(indicatorObject(TLP2_MARKINGS['amber+strict']));
    expect(await errorCode(platform.sightings.list(user(2), collection, hidden))).toBe('object.not_found');
    expect(await errorCode(platform.sightings.post(user(2), collection, hidden, { anonymous: true }))).toBe('object.not_found');
    expect((await platform.sightings.list(user(1), collection, hidden)).aggregate.sightings).toBe(0);
  });
});
