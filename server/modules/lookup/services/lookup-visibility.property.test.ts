/**
 * A lookup never answers what its caller may not read: for any memberships, grants, markings and recipients,
 * every reader's lookup of a value the objects share lists exactly the objects whose versions the reader may
 * see holding it (their latest such version), and counts exactly the organisations that stored those versions,
 * by two oracles: the model of the TLP property tests (test/support/sharing-world.ts) and the Exchange's own
 * read of each collection as that reader. RED and AMBER+STRICT versions never show through, not in a count.
 * The same holds for correlations: each object the reader may see is linked to exactly the other objects the
 * model says it may see holding the shared value, "also reported by" exactly their other organisations; an
 * object it may not see has no correlations to ask for.
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { isDomainError } from '../../../core/errors.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { objectObservables } from '../../../../shared/observables/object-observables.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { applyMemberships, buildWorld, clearance, COMMUNITIES, expectedBody, granted, markingIds, ORGS, refusal, roundCollections, type CollectionModel, type Reader, type VersionModel, type World } from '../../../../test/support/sharing-world.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 20);
const IDS = 3;

const level = fc.integer({ min: 0, max: 4 });
const versionArbitrary = fc.record({
  levels: fc.array(level, { maxLength: 2 }),
  granular: fc.option(fc.record({ property: fc.constantFrom('description' as const, 'pattern' as const), level }), { nil: null }),
  recipientOrgs: fc.uniqueArray(fc.nat(ORGS - 1), { maxLength: 2 }),
  recipientUsers: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
  writerPick: fc.nat(1000),
});
const principalLabel = fc.constantFrom('authenticated', 'anonymous', 'org:0', 'org:1', 'org:2', 'user:0', 'user:3', 'user:8');
const scenarioArbitrary = fc.record({
  memberships: fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }),
  community: fc.record({ community: fc.nat(COMMUNITIES - 1), defaultTlp: level }),
  plain: fc.record({ defaultTlp: level, grants: fc.array(fc.record({ principal: principalLabel, read: fc.boolean(), write: fc.boolean() }), { maxLength: 4 }) }),
  versions: fc.array(fc.array(versionArbitrary, { minLength: 1, maxLength: 2 }), { minLength: 2 * IDS, maxLength: 2 * IDS }),
});

interface Target {
  root: string;
  id: string;
  model: CollectionModel;
  stored: VersionModel[];
}

/** What an answer should be, from the model: the latest visible version per object, and the writers' organisations. */
function modelExpectation(world: World, memberships: boolean[][], reader: Reader, targets: readonly Target[]): { matches: string[]; organisations: number } {
  const latest = new Map<string, string>();
  const organisations = new Set<number>();
  for (const target of targets) {
    for (const version of target.stored) {
      const body = expectedBody(version, target.model, clearance(world, { memberships }, reader, target.model, version));
      if (body?.pattern === undefined) continue;
      const key = `${target.id} ${String(version.object.id)}`;
      const modified = String(version.object.modified).slice(0, 19);
      if ((latest.get(key) ?? '') < modified) latest.set(key, modified);
      const org = world.readers[version.writer]!.org;
      if (org !== null) organisations.add(org);
    }
  }
  return { matches: [...latest].map(([key, modified]) => `${key} ${modified}`).sort(), organisations: organisations.size };
}

/**
 * An object's correlations from the model: undefined when the reader sees no version of it, else the other
 * objects' latest visible versions and their organisations, less the organisation of the object's own latest.
 */
function modelCorrelations(world: World, memberships: boolean[][], reader: Reader, targets: readonly Target[], own: { collection: string; id: string }): { matches: string[]; organisations: number } | undefined {
  const latest = new Map<string, { modified: string; org: number | null }>();
  const orgsOf = new Map<string, Set<number>>();
  for (const target of targets) {
    for (const version of target.stored) {
      const body = expectedBody(version, target.model, clearance(world, { memberships }, reader, target.model, version));
      if (body?.pattern === undefined) continue;
      const key = `${target.id} ${String(version.object.id)}`;
      const modified = String(version.object.modified).slice(0, 19);
      const org = world.readers[version.writer]!.org;
      if ((latest.get(key)?.modified ?? '') < modified) latest.set(key, { modified, org });
      if (org !== null) orgsOf.set(key, (orgsOf.get(key) ?? new Set()).add(org));
    }
  }
  const ownKey = `${own.collection} ${own.id}`;
  const mine = latest.get(ownKey);
  if (!mine) return undefined;
  const organisations = new Set([...orgsOf].filter(([key]) => key !== ownKey).flatMap(([, orgs]) => [...orgs]));
  if (mine.org !== null) organisations.delete(mine.org);
  const matches = [...latest].filter(([key]) => key !== ownKey).map(([key, { modified }]) => `${key} ${modified}`);
  return { matches: matches.sort(), organisations: organisations.size };
}

/** The same, from the Exchange's read of each collection as the reader: the versions it serves that hold the value. */
async function exchangeExpectation(platform: Platform, reader: Reader, targets: readonly Target[], value: string): Promise<{ matches: string[]; organisations: number }> {
  const latest = new Map<string, string>();
  const organisations = new Set<string>();
  for (const target of targets) {
    const page = await platform.objects.list(reader.actor, target.root, target.id, { versions: ['all'], limit: 10_000 }).catch((error: unknown) => {
      if (isDomainError(error)) return { rows: [] };
      throw error;
    });
    for (const row of page.rows) {
      const object = JSON.parse(new TextDecoder().decode(row.body)) as Record<string, unknown>;
      if (!objectObservables(object).some((o) => o.value === value)) continue;
      const key = `${target.id} ${row.id}`;
      if ((latest.get(key) ?? '') < row.version.slice(0, 19)) latest.set(key, row.version.slice(0, 19));
      if (row.originOrg) organisations.add(row.originOrg);
    }
  }
  return { matches: [...latest].map(([key, version]) => `${key} ${version}`).sort(), organisations: organisations.size };
}

describe.each(dialects)('lookups follow the visibility rules on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let round = 0;
  let verdicts = 0;
  let correlationVerdicts = 0;
  let membership: boolean[][];
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

  it('answer exactly the objects and organisations of the versions the reader may see', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        await applyMemberships(platform, world, membership, generated.memberships);
        const targets: Target[] = (await roundCollections(platform, world, round, generated)).map((collection) => ({ ...collection, stored: [] }));
        // Every version of every object names the same network; a lookup of an address in it finds them all.
        const shared = `10.${round % 250}.0.0/16`;
        for (const [t, target] of targets.entries()) {
          const writers = world.readers.filter((r) => r.userId !== null && granted(world, { memberships: generated.memberships }, r, target.model).write);
          for (let i = 0; i < IDS; i++) {
            const objectId = `indicator--00000000-0000-4000-8000-${String(round * 10 + t * IDS + i).padStart(12, '0')}`;
            for (const [n, drawn] of generated.versions[t * IDS + i]!.entries()) {
              if (writers.length === 0) break;
              const writer = writers[drawn.writerPick % writers.length]!;
              const object: Record<string, unknown> = {
                type: 'indicator', spec_version: '2.1', id: objectId, created: '2026-01-01T00:00:00.000Z', modified: `2026-01-0${n + 1}T00:00:00.000Z`,
                pattern: `[ipv4-addr:value = '${shared}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', description: 'a scanner',
              };
              if (drawn.levels.length) object.object_marking_refs = [...new Set(drawn.levels.map((rank) => markingIds(rank)[0]!))];
              if (drawn.granular) object.granular_markings = [{ marking_ref: markingIds(drawn.granular.level)[0]!, selectors: [drawn.granular.property] }];
              if (drawn.recipientOrgs.length) object.x_thiqa_recipient_refs = drawn.recipientOrgs.map((o) => world.orgs[o]!.identityId);
              if (drawn.recipientUsers.length) object.x_thiqa_recipient_users = drawn.recipientUsers.map((u) => world.readers[u]!.name!);
              const version: VersionModel = { object, writer: world.readers.indexOf(writer), levels: drawn.levels, granular: drawn.granular, recipientOrgs: drawn.recipientOrgs, recipientUsers: drawn.recipientUsers };
              const result = await platform.objects.ingest(writer.actor, target.root, target.id, [object]);
              expect(result.rejected.length).toBe(refusal(version, target.model) ? 1 : 0);
              if (result.rejected.length === 0) target.stored.push(version);
            }
          }
        }
        const ours = new Set(targets.map((t) => t.id));
        for (const reader of world.readers) {
          const answer = await platform.lookup.lookup(reader.actor, `10.${round % 250}.7.7`);
          const got = {
            matches: answer.matches.filter((m) => ours.has(m.collectionId)).map((m) => `${m.collectionId} ${m.id} ${m.version.slice(0, 19)}`).sort(),
            organisations: answer.organisations,
          };
          // Earlier rounds used other networks, so every match is of this round's collections.
          expect(answer.matches.length).toBe(got.matches.length);
          expect(got, `${reader.label} (model)`).toEqual(modelExpectation(world, generated.memberships, reader, targets));
          expect(got, `${reader.label} (exchange read)`).toEqual(await exchangeExpectation(platform, reader, targets, shared));
          verdicts += targets[0]!.stored.length + targets[1]!.stored.length;
          for (const [t, target] of targets.entries()) {
            for (let i = 0; i < IDS; i++) {
              const objectId = `indicator--00000000-0000-4000-8000-${String(round * 10 + t * IDS + i).padStart(12, '0')}`;
              const expected = modelCorrelations(world, generated.memberships, reader, targets, { collection: target.id, id: objectId });
              const asked = platform.lookup.correlationsOf(reader.actor, target.id, objectId);
              if (expected === undefined) {
                expect(await errorCode(asked), `${reader.label} may not see ${objectId}`).toBeDefined();
                continue;
              }
              const correlations = await asked;
              expect(correlations.total).toBe(correlations.objects.length);
              const matches = correlations.objects.map((o) => `${o.collectionId} ${o.id} ${o.version.slice(0, 19)}`).sort();
              expect({ matches, organisations: correlations.organisations }, `${reader.label} correlations of ${objectId}`).toEqual(expected);
              correlationVerdicts += matches.length + 1;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`lookup visibility on ${dialect}: ${round} scenarios, ${verdicts} verdicts, ${correlationVerdicts} on correlations`);
    expect(verdicts).toBeGreaterThan(RUNS * 20);
    expect(correlationVerdicts).toBeGreaterThan(RUNS * 10);
  }, 1_200_000);
});
