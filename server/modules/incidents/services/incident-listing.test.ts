/**
 * Incidents listed page by page and reported with their links, on both databases: pages follow one another
 * the last stored change first with nothing repeated or skipped, filtered pages too; a cursor is bound to its
 * filters; a report links indicators and sightings it may see, and a bad or unseen link stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { buildWorld, type World } from '../../../../test/support/sharing-world.ts';
import type { IncidentListFilter } from './incident.service.ts';

describe.each(dialects)('incident listings and links on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let collection: string;
  let coordinator: Actor;
  const user = (i: number) => world.readers[i]!.actor;

  /** Every page of a listing, by following `next`. */
  async function pages(actor: Actor, filter: IncidentListFilter): Promise<string[][]> {
    const found: string[][] = [];
    let next: string | undefined;
    do {
      const page = await platform.incidents.list(actor, collection, { ...filter, next });
      found.push(page.incidents.map((i) => i.object.id as string));
      next = page.next;
    } while (next !== undefined && found.length < 20);
    return found;
  }

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

  it('pages the incidents, the last stored change first, and binds a cursor to its filters', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await platform.incidents.report(user(0), collection, { name: `Outage ${n}`, tlp: 'amber', major: n % 2 === 0 })).incident.object.id as string);
    // Triaging the first makes it the last change.
    await platform.incidents.move(coordinator, collection, ids[0]!, 'triaged');
    const newestFirst = [ids[0]!, ids[4]!, ids[3]!, ids[2]!, ids[1]!];
    expect(await pages(user(1), { limit: 2 })).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect(await pages(user(1), { limit: 5 })).toEqual([newestFirst]);
    expect((await pages(user(1), { limit: 1, major: true })).flat()).toEqual([ids[0]!, ids[4]!, ids[2]!]);
    expect((await pages(user(1), { limit: 2, state: 'reported' })).flat()).toEqual(newestFirst.slice(1));
    const first = await platform.incidents.list(user(1), collection, { limit: 1, major: true });
    expect(await errorCode(platform.incidents.list(user(1), collection, { limit: 1, next: first.next }))).toBe('incident.next_mismatch');
    expect(await errorCode(platform.incidents.list(user(1), collection, { major: true, next: `${first.next!}x` }))).toBe('incident.invalid_next');
    for (const limit of [0, 201, 1.5, Number.NaN]) expect(await errorCode(platform.incidents.list(user(1), collection, { limit })), String(limit)).toBe('incident.invalid_limit');
    // An outsider reading the collection sees none of these AMBER incidents on any page.
    await platform.collections.grant(SYSTEM, collection, `org:${world.orgs[3]!.id}`, { read: true, write: false });
    expect((await pages(user(6), { limit: 2 })).flat()).toEqual([]);
  });

  it('links the indicators and sightings a report names, with the incident’s markings, and refuses bad or unseen ones', async () => {
    const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--7d2e3c4f-8b55-4e1c-8d64-2a3f4e5d6c7b', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[domain-name:value = 'pumps.example']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' };
    expect((await platform.objects.ingest(user(0), world.communities[0]!.slug, collection, [indicator])).rejected).toEqual([]);
    const sighting = (await platform.sightings.post(user(0), collection, indicator.id, { count: 2 })).sighting.object.id as string;
    const { incident } = await platform.incidents.report(user(0), collection, { name: 'Pumping station', tlp: 'amber', links: [indicator.id, sighting, indicator.id] });
    const id = incident.object.id as string;
    expect(incident.object.x_thiqa_sighting_refs).toEqual([sighting]);
    const shown = await platform.incidents.show(user(2), collection, id);
    expect(shown.indicators.map((r) => r.object)).toEqual([expect.objectContaining({ relationship_type: 'detected', source_ref: indicator.id, target_ref: id, object_marking_refs: [TLP2_MARKINGS.amber] })]);
    expect(shown.incident.object.x_thiqa_sighting_refs).toEqual([sighting]);

    const before = (await pages(user(0), { limit: 200 })).flat();
    expect(await errorCode(platform.incidents.report(user(0), collection, { name: 'n', links: ['indicator-7d2e3c4f'] }))).toBe('incident.invalid_links');
    expect(await errorCode(platform.incidents.report(user(0), collection, { name: 'n', links: ['malware--7d2e3c4f-8b55-4e1c-8d64-2a3f4e5d6c7b'] }))).toBe('incident.invalid_links');
    expect(await errorCode(platform.incidents.report(user(0), collection, { name: 'n', links: indicator.id }))).toBe('incident.invalid_links');
    expect(await errorCode(platform.incidents.report(user(0), collection, { name: 'n', links: ['indicator--00000000-0000-4000-8000-00000000dead'] }))).toBe('object.not_found');
    expect((await pages(user(0), { limit: 200 })).flat()).toEqual(before);
  });
});
