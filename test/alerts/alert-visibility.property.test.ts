/**
 * An alert never carries what its subscriber may not read: for any memberships, grants, markings and
 * recipients, each signed-in reader's in-app alerts of a round are exactly the stored versions the reader may
 * see, less everything RED (never notified, even to those entitled to it). The oracle is the one of the TLP
 * property tests (test/support/sharing-world.ts), written from the rules, not from the implementation.
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { applyMemberships, buildWorld, clearance, COMMUNITIES, expectedBody, markingIds, ORGS, refusal, roundCollections, rowLevel, type CollectionModel, type VersionModel, type World } from '../support/sharing-world.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 10);
const IDS = 3;
const level = fc.integer({ min: 0, max: 4 });
const versionArbitrary = fc.record({
  levels: fc.array(level, { maxLength: 2 }),
  granular: fc.option(fc.record({ property: fc.constantFrom('description' as const, 'pattern' as const), level }), { nil: null }),
  recipientOrgs: fc.uniqueArray(fc.nat(ORGS - 1), { maxLength: 2 }),
  recipientUsers: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
});
const principalLabel = fc.constantFrom('authenticated', 'org:0', 'org:1', 'org:2', 'user:0', 'user:3', 'user:8');
const scenarioArbitrary = fc.record({
  memberships: fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }),
  community: fc.record({ community: fc.nat(COMMUNITIES - 1), defaultTlp: level }),
  plain: fc.record({ defaultTlp: level, grants: fc.array(fc.record({ principal: principalLabel, read: fc.boolean() }), { maxLength: 4 }) }),
  versions: fc.array(fc.array(versionArbitrary, { minLength: 1, maxLength: 2 }), { minLength: 2 * IDS, maxLength: 2 * IDS }),
});

describe.each(dialects)('alerts follow the visibility rules on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let round = 0;
  let verdicts = 0;
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

  it('notify each subscriber of exactly the versions they may read, never RED', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        await applyMemberships(platform, world, membership, generated.memberships);
        const scenario = { memberships: generated.memberships };
        const [inCommunity, plain] = await roundCollections(platform, world, round, generated);
        const label = `round-${round}`;
        const subscribers = world.readers.filter((r) => r.userId !== null);
        const subscriptions = new Map<string, string>();
        for (const reader of subscribers) subscriptions.set(reader.label, (await platform.alertSubscriptions.create(reader.actor, { channel: 'in-app', labels: [label] })).subscription.id);

        const targets = [inCommunity, plain];
        // Every version is written by user 0 as the operator would let it (the writer counts for RED and AMBER+STRICT).
        const writer = world.readers[0]!;
        const stored: { version: VersionModel; model: CollectionModel; key: string }[] = [];
        for (const [t, target] of targets.entries()) {
          await platform.collections.grant(SYSTEM, target.id, `user:${writer.userId}`, { read: true, write: true });
          target.model.grants.set('user:0', { read: true, write: true });
          for (let i = 0; i < IDS; i++) {
            const objectId = `indicator--00000000-0000-4000-8000-${String(round * 10 + t * IDS + i).padStart(12, '0')}`;
            for (const [n, drawn] of generated.versions[t * IDS + i]!.entries()) {
              const modified = `2026-01-0${n + 1}T00:00:00.000Z`;
              const object: Record<string, unknown> = {
                type: 'indicator', spec_version: '2.1', id: objectId, created: '2026-01-01T00:00:00.000Z', modified,
                pattern: "[domain-name:value = 'x.example']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', labels: [label], description: 'a source',
              };
              if (drawn.levels.length) object.object_marking_refs = [...new Set(drawn.levels.map((rank) => markingIds(rank)[0]!))];
              if (drawn.granular) object.granular_markings = [{ marking_ref: markingIds(drawn.granular.level)[0]!, selectors: [drawn.granular.property] }];
              if (drawn.recipientOrgs.length) object.x_thiqa_recipient_refs = drawn.recipientOrgs.map((o) => world.orgs[o]!.identityId);
              if (drawn.recipientUsers.length) object.x_thiqa_recipient_users = drawn.recipientUsers.map((u) => world.readers[u]!.name!);
              const version: VersionModel = { object, writer: 0, levels: drawn.levels, granular: drawn.granular, recipientOrgs: drawn.recipientOrgs, recipientUsers: drawn.recipientUsers };
              const result = await platform.objects.ingest(writer.actor, target.root, target.id, [object]);
              expect(result.rejected.length).toBe(refusal(version, target.model) ? 1 : 0);
              if (result.rejected.length === 0) stored.push({ version, model: target.model, key: `${objectId} ${modified}` });
            }
          }
        }
        while ((await platform.alertDelivery.deliverDue()) > 0);
        for (const reader of subscribers) {
          const subscription = subscriptions.get(reader.label)!;
          const notified = (await platform.alertInbox.notifications(reader.actor)).filter((n) => n.subscriptionId === subscription).map((n) => `${n.alert.id} ${n.alert.version}`);
          const expected = stored.filter((s) => rowLevel(s.version, s.model) < 4 && expectedBody(s.version, s.model, clearance(world, scenario, reader, s.model, s.version)) !== undefined).map((s) => s.key);
          expect(notified.sort(), reader.label).toEqual(expected.sort());
          verdicts += stored.length;
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`alert visibility on ${dialect}: ${round} scenarios, ${verdicts} verdicts`);
    expect(verdicts).toBeGreaterThan(RUNS * 20);
  }, 1_200_000);
});
