/**
 * A feed never holds a value its reader may not see: for any memberships, grants, markings and recipients,
 * every reader's feed of a collection, in any format and under any TLP ceiling, lists exactly the values of
 * the latest versions the reader may see at or below the ceiling (never RED: feeds are exports) — nothing
 * more, nothing less. The oracle is the one of the TLP property tests (test/support/sharing-world.ts).
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { FEED_FORMAT_NAMES, type FeedFormatName } from '../../../../shared/feeds/feed-formats.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { applyMemberships, buildWorld, clearance, COMMUNITIES, expectedBody, granted, markingIds, ORGS, reaches, refusal, roundCollections, type VersionModel, type World } from '../../../../test/support/sharing-world.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 25);
const IDS = 3;
const CEILINGS = ['clear', 'green', 'amber'] as const;

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
  feeds: fc.array(fc.record({ format: fc.constantFrom(...FEED_FORMAT_NAMES), ceiling: fc.constantFrom(...CEILINGS) }), { minLength: 10, maxLength: 10 }),
});

/** The domain tokens and IPv4 addresses a feed's text shows, whatever its format. */
function valuesShown(format: FeedFormatName, text: string): { domains: Set<string>; ips: Set<string> } {
  const domains = new Set([...text.matchAll(/\bv\d+x\d+y\d+\b/g)].map((m) => m[0]));
  // Zones name addresses reversed: `32.d.c.b.a.rpz-ip` (RPZ), `d.c.b.a` owners (DNSBL).
  const reversed = format === 'rpz' ? /^32\.(\d+)\.(\d+)\.(\d+)\.10\.rpz-ip /gm : format === 'dnsbl-bind' ? /^(\d+)\.(\d+)\.(\d+)\.10 /gm : undefined;
  const ips = reversed
    ? [...text.matchAll(reversed)].map((m) => `10.${m[3]}.${m[2]}.${m[1]}`)
    : [...text.matchAll(/(?<![\d.])10\.\d+\.\d+\.\d+(?![\d])/g)].map((m) => m[0]);
  // Nothing else of the form may hide in a zone.
  if (reversed) expect(text).not.toMatch(/(?<![\d.])10\.\d+\.\d+\.\d+(?![\d])/);
  return { domains, ips: new Set(ips) };
}

const LISTS_DOMAINS = new Set<FeedFormatName>(['csv', 'domain', 'suricata', 'rpz']);
const LISTS_IPS = new Set<FeedFormatName>(['csv', 'ipv4', 'suricata', 'rpz', 'dnsbl-bind', 'dnsbl-rbldnsd']);

describe.each(dialects)('feeds follow the visibility rules on %s', (dialect) => {
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

  it('list exactly the values of the latest versions the reader may see, capped by the ceiling, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        await applyMemberships(platform, world, membership, generated.memberships);
        const scenario = { memberships: generated.memberships };
        const targets = await roundCollections(platform, world, round, generated);
        for (const [t, target] of targets.entries()) {
          const stored: VersionModel[] = [];
          const values = new Map<VersionModel, { domain: string; ip: string }>();
          const writers = world.readers.filter((r) => r.userId !== null && granted(world, scenario, r, target.model).write);
          const latest: VersionModel[] = [];
          for (let i = 0; i < IDS; i++) {
            const objectId = `indicator--00000000-0000-4000-8000-${String(round * 10 + t * IDS + i).padStart(12, '0')}`;
            let newest: VersionModel | undefined;
            for (const [n, drawn] of generated.versions[t * IDS + i]!.entries()) {
              if (writers.length === 0) break;
              const writer = writers[drawn.writerPick % writers.length]!;
              const value = { domain: `v${round}x${t * IDS + i}y${n}.example`, ip: `10.${round % 250}.${t * IDS + i}.${n}` };
              const object: Record<string, unknown> = {
                type: 'indicator', spec_version: '2.1', id: objectId, created: '2026-01-01T00:00:00.000Z', modified: `2026-01-0${n + 1}T00:00:00.000Z`,
                pattern: `[domain-name:value = '${value.domain}' OR ipv4-addr:value = '${value.ip}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
                labels: ['spam'], description: 'a spam source',
              };
              if (drawn.levels.length) object.object_marking_refs = [...new Set(drawn.levels.map((rank) => markingIds(rank)[0]!))];
              if (drawn.granular) object.granular_markings = [{ marking_ref: markingIds(drawn.granular.level)[0]!, selectors: [drawn.granular.property] }];
              if (drawn.recipientOrgs.length) object.x_thiqa_recipient_refs = drawn.recipientOrgs.map((o) => world.orgs[o]!.identityId);
              if (drawn.recipientUsers.length) object.x_thiqa_recipient_users = drawn.recipientUsers.map((u) => world.readers[u]!.name!);
              const version: VersionModel = { object, writer: world.readers.indexOf(writer), levels: drawn.levels, granular: drawn.granular, recipientOrgs: drawn.recipientOrgs, recipientUsers: drawn.recipientUsers };
              const result = await platform.objects.ingest(writer.actor, target.root, target.id, [object]);
              expect(result.rejected.length).toBe(refusal(version, target.model) ? 1 : 0);
              if (result.rejected.length === 0) {
                stored.push(version);
                values.set(version, value);
                newest = version;
              }
            }
            if (newest) latest.push(newest);
          }
          for (const [r, reader] of world.readers.entries()) {
            const { format, ceiling } = generated.feeds[r % generated.feeds.length]!;
            const created = platform.feeds.create(reader.actor, { collection: target.id, format, maxTlp: ceiling });
            if (reader.userId === null || !reaches(world, scenario, reader, target.model, stored)) {
              expect(await errorCode(created)).toBeDefined();
              verdicts++;
              continue;
            }
            const { token } = await created;
            const content = await platform.feeds.contentByToken(token);
            const cap = Math.min(3, CEILINGS.indexOf(ceiling));
            const seen = latest.filter((v) => expectedBody(v, target.model, Math.min(clearance(world, scenario, reader, target.model, v), cap)) !== undefined);
            const shown = valuesShown(format, content.text);
            const allowed = { domains: new Set(seen.map((v) => values.get(v)!.domain.split('.')[0]!)), ips: new Set(seen.map((v) => values.get(v)!.ip)) };
            // Nothing beyond what the reader may see, in any format…
            for (const domain of shown.domains) expect(allowed.domains, `${reader.label} ${format} ${ceiling}`).toContain(domain);
            for (const ip of shown.ips) expect(allowed.ips, `${reader.label} ${format} ${ceiling}`).toContain(ip);
            // …and all of it, in the formats that list that kind of value.
            if (LISTS_DOMAINS.has(format)) expect([...shown.domains].sort()).toEqual([...allowed.domains].sort());
            if (LISTS_IPS.has(format)) expect([...shown.ips].sort()).toEqual([...allowed.ips].sort());
            verdicts += stored.length;
          }
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`feed visibility on ${dialect}: ${round} scenarios, ${verdicts} verdicts`);
    expect(verdicts).toBeGreaterThan(RUNS * 20);
  }, 1_200_000);
});
