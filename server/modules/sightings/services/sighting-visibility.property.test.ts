/**
 * The aggregate of an indicator's sightings counts exactly the sightings its reader may read: for any
 * memberships, collection default, posters, TLP levels and anonymity, every reader's aggregate and list equal
 * what the TLP oracle (test/support/sharing-world.ts) says that reader may see — nothing more, nothing less.
 * An anonymous sighting is stored with no origin, so its poster's organisation earns no AMBER+STRICT or RED
 * view of it (anonymous sightings are at most AMBER).
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { applyMemberships, buildWorld, clearance, COMMUNITIES, granted, LEVELS, ORGS, type CollectionModel, type Reader, type Scenario, type World } from '../../../../test/support/sharing-world.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 25);

const sightingArbitrary = fc
  .record({
    poster: fc.nat(7),
    anonymous: fc.boolean(),
    tlp: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    count: fc.integer({ min: 0, max: 50 }),
    firstDay: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    span: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  })
  .map((s) => (s.anonymous && s.tlp !== undefined && s.tlp > 2 ? { ...s, tlp: 2 } : s));
const scenarioArbitrary = fc.record({
  memberships: fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }),
  community: fc.nat(COMMUNITIES - 1),
  defaultTlp: fc.integer({ min: 0, max: 2 }),
  sightings: fc.array(sightingArbitrary, { maxLength: 8 }),
});

type Drawn = { poster: number; anonymous: boolean; tlp: number | undefined; count: number; firstDay: number | undefined; span: number | undefined };

const day = (n: number) => `2026-04-${String(n).padStart(2, '0')}T00:00:00Z`;

/** Whether the reader may read the sighting, by the oracle: an anonymous one has no writer to favour. */
function mayRead(world: World, scenario: Scenario, reader: Reader, model: CollectionModel, drawn: Drawn, object: Record<string, unknown>): boolean {
  const level = drawn.tlp ?? model.defaultTlp;
  if (drawn.anonymous) {
    const read = granted(world, scenario, reader, model).read;
    const member = model.community !== null && reader.org !== null && scenario.memberships[model.community]![reader.org]!;
    const reach = !read ? -1 : reader.userId === null ? 0 : member ? 2 : 1;
    return reach >= level;
  }
  const version = { object, writer: drawn.poster, levels: drawn.tlp === undefined ? [] : [drawn.tlp], granular: null, recipientOrgs: [], recipientUsers: drawn.tlp === 4 ? [drawn.poster] : [] };
  return clearance(world, scenario, reader, model, version) >= level;
}

describe.each(dialects)('sighting aggregates follow the visibility rules on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let membership: boolean[][];
  let round = 0;
  let verdicts = 0;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    world = await buildWorld(platform);
    membership = Array.from({ length: COMMUNITIES }, () => Array.from({ length: ORGS }, () => false));
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('count exactly the sightings each reader may read', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        await applyMemberships(platform, world, membership, generated.memberships);
        const scenario: Scenario = { memberships: generated.memberships };
        const community = world.communities[generated.community]!;
        const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: `s${round}`, defaultTlp: LEVELS[generated.defaultTlp]! });
        const model: CollectionModel = { community: generated.community, defaultTlp: generated.defaultTlp, grants: new Map([[`community:${generated.community}`, { read: true, write: true }]]) };
        const indicator = `indicator--00000000-0000-4000-8000-${String(round).padStart(12, '0')}`;
        const object = {
          type: 'indicator', spec_version: '2.1', id: indicator, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
          pattern: `[ipv4-addr:value = '10.0.0.${round % 250}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', object_marking_refs: [TLP2_MARKINGS.clear],
        };
        expect((await platform.objects.ingest(SYSTEM, community.slug, collection.id, [object])).rejected).toEqual([]);

        const stored: { drawn: Drawn; object: Record<string, unknown> }[] = [];
        for (const drawn of generated.sightings) {
          const poster = world.readers[drawn.poster]!;
          const request = {
            count: drawn.count,
            anonymous: drawn.anonymous,
            tlp: drawn.tlp === undefined ? undefined : LEVELS[drawn.tlp],
            first_seen: drawn.firstDay === undefined ? undefined : day(drawn.firstDay),
            last_seen: drawn.firstDay === undefined || drawn.span === undefined ? undefined : day(drawn.firstDay + drawn.span),
          };
          const posting = platform.sightings.post(poster.actor, collection.id, indicator, request);
          if (!granted(world, scenario, poster, model).write) {
            expect(await errorCode(posting)).toBeDefined();
            continue;
          }
          stored.push({ drawn, object: (await posting).sighting.object });
        }

        for (const reader of world.readers) {
          const answer = platform.sightings.list(reader.actor, collection.id, indicator);
          if (!granted(world, scenario, reader, model).read) {
            expect(await errorCode(answer)).toBeDefined();
            continue;
          }
          const found = await answer;
          const seen = stored.filter((s) => mayRead(world, scenario, reader, model, s.drawn, s.object));
          expect(found.sightings.map((s) => s.object.id).sort(), reader.label).toEqual(seen.map((s) => s.object.id).sort());
          const attributed = seen.filter((s) => !s.drawn.anonymous);
          const firsts = seen.map((s) => s.object.first_seen as string | undefined).filter((t) => t !== undefined).sort();
          const lasts = seen.map((s) => s.object.last_seen as string | undefined).filter((t) => t !== undefined).sort();
          expect(found.aggregate, reader.label).toEqual({
            sightings: seen.length,
            totalCount: seen.reduce((sum, s) => sum + s.drawn.count, 0),
            organisations: new Set(attributed.map((s) => world.readers[s.drawn.poster]!.org)).size,
            anonymous: seen.length - attributed.length,
            firstSeen: firsts[0] ?? null,
            lastSeen: lasts[lasts.length - 1] ?? null,
          });
          verdicts += stored.length;
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`sighting visibility on ${dialect}: ${round} scenarios, ${verdicts} verdicts`);
    // Not vacuous: sightings were stored and judged (about ten per scenario; far fewer only by a rare draw).
    expect(verdicts).toBeGreaterThan(RUNS);
  }, 1_200_000);
});
