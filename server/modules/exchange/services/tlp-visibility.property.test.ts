/**
 * TLP 2.0 on every read path, for any memberships, grants, markings and recipients: each reader gets exactly
 * the versions, and the properties, that the rules allow — nothing more, nothing less — through the objects
 * listing (latest and all versions, paged), the manifest, one object, its versions, the export, the push to
 * another TAXII server (never AMBER+STRICT or RED) and the count; the web UI's listing carries the warning list
 * flags of exactly the body the reader may see.
 * The oracle (test/support/sharing-world.ts) works from the scenario alone.
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database (nightly size: 500 or more).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import {
  buildWorld, clearance, COMMUNITIES, expectedBody, granted, markingIds, ORGS, reaches, refusal, roundCollections,
  type CollectionModel, type Reader, type Scenario, type VersionModel, type World,
} from '../../../../test/support/sharing-world.ts';
import type { ObjectFilter } from './object-query.ts';
import { objectValues } from '../../../../shared/warninglists/object-values.ts';
import type { WarningList } from '../../../../shared/warninglists/warninglist-file.ts';
import { WarningListIndex } from '../../../../shared/warninglists/warninglist-index.ts';

/** A warning list every generated indicator's pattern value (bad.example) is on. */
const TEST_LIST: WarningList = { name: 'Example domains', version: 1, description: '', type: 'hostname', matchingAttributes: ['domain'], entries: ['example'] };
const flagIndex = new WarningListIndex([TEST_LIST]);

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 40);
const IDS = 3;
const decoder = new TextDecoder();

const level = fc.integer({ min: 0, max: 4 });
const versionArbitrary = fc.record({
  levels: fc.array(level, { maxLength: 2 }),
  granular: fc.option(fc.record({ property: fc.constantFrom('description' as const, 'pattern' as const), level }), { nil: null }),
  recipientOrgs: fc.uniqueArray(fc.nat(ORGS - 1), { maxLength: 2 }),
  recipientUsers: fc.uniqueArray(fc.integer({ min: -1, max: 9 }), { maxLength: 2 }),
  tlp1: fc.boolean(),
  writerPick: fc.nat(1000),
});
const principalLabel = fc.constantFrom('authenticated', 'anonymous', 'org:0', 'org:1', 'org:2', 'org:3', 'user:0', 'user:2', 'user:5', 'user:8');
const scenarioArbitrary = fc.record({
  memberships: fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }),
  community: fc.record({ community: fc.nat(COMMUNITIES - 1), defaultTlp: level }),
  plain: fc.record({ defaultTlp: level, grants: fc.array(fc.record({ principal: principalLabel, read: fc.boolean(), write: fc.boolean() }), { maxLength: 5 }) }),
  versions: fc.array(fc.array(versionArbitrary, { minLength: 1, maxLength: 2 }), { minLength: 2 * IDS, maxLength: 2 * IDS }),
  limit: fc.integer({ min: 1, max: 4 }),
});

const parse = (body: Uint8Array | undefined) => JSON.parse(decoder.decode(body)) as Record<string, unknown>;
const byIdAndVersion = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  `${String(a.id)}|${String(a.modified)}`.localeCompare(`${String(b.id)}|${String(b.modified)}`);

describe.each(dialects)('TLP 2.0 visibility on %s', (dialect) => {
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
    const file = { name: TEST_LIST.name, version: 1, description: '', type: 'hostname', matching_attributes: TEST_LIST.matchingAttributes, list: TEST_LIST.entries };
    expect((await platform.warningLists.import(SYSTEM, [{ file: 'example/list.json', content: JSON.stringify(file) }]))[0]!.outcome).toBe('imported');
    membership = Array.from({ length: COMMUNITIES }, () => Array.from({ length: ORGS }, () => false));
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  /** Reads every page of a listing, following `next` alone. */
  async function allPages(reader: Reader, root: string, id: string, filter: ObjectFilter, manifest = false) {
    const rows = [];
    let next: string | undefined;
    for (;;) {
      const page = manifest
        ? await platform.objects.manifest(reader.actor, root, id, next ? { next } : filter)
        : await platform.objects.list(reader.actor, root, id, next ? { next } : filter);
      rows.push(...page.rows);
      if (!page.more) return rows;
      next = page.next;
    }
  }

  async function checkReader(scenario: Scenario, reader: Reader, root: string, id: string, model: CollectionModel, stored: VersionModel[], keys: Map<VersionModel, string>, limit: number) {
    if (!reaches(world, scenario, reader, model, stored)) {
      const expectedCode = reader.userId === null ? 'auth.required' : granted(world, scenario, reader, model).write ? 'collection.read_forbidden' : 'collection.not_found';
      expect(await errorCode(platform.objects.list(reader.actor, root, id, {}))).toBe(expectedCode);
      expect(await errorCode(platform.browse.list(reader.actor, id, {}))).toBe(expectedCode);
      verdicts += 2;
      return;
    }
    const reach = (v: VersionModel, cap = 4) => Math.min(clearance(world, scenario, reader, model, v), cap);
    const shown = (versions: VersionModel[], cap = 4) => versions.map((v) => expectedBody(v, model, reach(v, cap))).filter((b) => b !== undefined).sort(byIdAndVersion);
    const ids = [...new Set(stored.map((v) => v.object.id as string))];
    const latest = ids.map((objectId) => stored.filter((v) => v.object.id === objectId).sort((a, b) => keys.get(b)!.localeCompare(keys.get(a)!))[0]!);

    expect((await allPages(reader, root, id, { limit })).map((r) => parse(r.body)).sort(byIdAndVersion)).toEqual(shown(latest));
    expect((await allPages(reader, root, id, { limit, versions: ['all'] })).map((r) => parse(r.body)).sort(byIdAndVersion)).toEqual(shown(stored));
    const visible = stored.filter((v) => expectedBody(v, model, reach(v)) !== undefined);
    const manifest = (await allPages(reader, root, id, { limit, versions: ['all'] }, true)).map((r) => `${r.id}|${r.version}`).sort();
    expect(manifest).toEqual(visible.map((v) => `${String(v.object.id)}|${keys.get(v)}`).sort());
    verdicts += 3 * stored.length;

    for (const objectId of ids) {
      const mine = visible.filter((v) => v.object.id === objectId).map((v) => keys.get(v)!).sort();
      const versions = platform.objects.versions(reader.actor, root, id, objectId, {});
      if (mine.length === 0) expect(await errorCode(versions)).toBe('object.not_found');
      else expect((await versions).rows.map((r) => r.version)).toEqual(mine);
      const last = latest.find((v) => v.object.id === objectId)!;
      const body = expectedBody(last, model, reach(last));
      const one = platform.objects.getObject(reader.actor, root, id, objectId, {});
      if (body === undefined) expect(await errorCode(one)).toBe('object.not_found');
      else expect((await one).rows.map((r) => parse(r.body))).toEqual([body]);
      // The web UI's detail: the newest version the reader may see, and the versions it may see.
      const detail = platform.browse.detail(reader.actor, id, objectId);
      const newest = visible.filter((v) => v.object.id === objectId).sort((a, b) => keys.get(b)!.localeCompare(keys.get(a)!))[0];
      if (newest === undefined) expect(await errorCode(detail)).toBe('object.not_found');
      else {
        const { object, versions: seen } = await detail;
        expect(object).toEqual(expectedBody(newest, model, reach(newest)));
        expect(seen.map((v) => v.version)).toEqual(mine);
      }
      verdicts += 3;
    }

    // The web UI's listing: the same latest versions as TAXII, each description as the reader may see it.
    const summaries = [];
    for (let next: string | undefined, first = true; first || next !== undefined; first = false) {
      const page = await platform.browse.list(reader.actor, id, next ? { next } : { limit: Math.min(limit, 200) });
      summaries.push(...page.objects);
      next = page.next;
    }
    const described = (body: Record<string, unknown>) => `${String(body.id)}|${typeof body.description === 'string' ? body.description.slice(0, 300) : ''}|${JSON.stringify(flagIndex.hitsOf(objectValues(body)))}`;
    expect(summaries.map((s) => `${s.id}|${s.description ?? ''}|${JSON.stringify(s.warningLists)}`).sort()).toEqual(shown(latest).map(described).sort());
    verdicts += latest.length;

    const exported = [];
    for await (const rows of platform.objects.exportAll(reader.actor, id)) exported.push(...rows.map((r) => parse(r.body)));
    expect(exported.sort(byIdAndVersion)).toEqual(shown(stored, 3));
    // A push to another TAXII server (`thiqa taxii push`): nothing AMBER+STRICT or RED, objects or properties.
    const pushed = [];
    for await (const rows of platform.objects.exportAll(reader.actor, id, 5_000, 'push')) pushed.push(...rows.map((r) => parse(r.body)));
    expect(pushed.sort(byIdAndVersion)).toEqual(shown(stored, 2));
    expect(await platform.objects.count(reader.actor, root, id)).toBe(shown(latest).length);
    verdicts += 2 * stored.length + 1;
  }

  it('gives every reader exactly what the rules allow, on every read path', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        // Memberships as generated: join or leave where they differ from the last round's.
        for (let k = 0; k < COMMUNITIES; k++) {
          for (let o = 0; o < ORGS; o++) {
            const want = generated.memberships[k]![o]!;
            if (want !== membership[k]![o]) {
              if (want) await platform.communities.join(SYSTEM, world.communities[k]!.id, world.orgs[o]!.id);
              else await platform.communities.leave(SYSTEM, world.communities[k]!.id, world.orgs[o]!.id);
              membership[k]![o] = want;
            }
          }
        }
        const scenario: Scenario = { memberships: generated.memberships };

        const targets = await roundCollections(platform, world, round, generated);
        for (const [t, target] of targets.entries()) {
          const stored: VersionModel[] = [];
          const keys = new Map<VersionModel, string>();
          const writers = world.readers.filter((r) => r.userId !== null && granted(world, scenario, r, target.model).write);
          for (let i = 0; i < IDS; i++) {
            const objectId = `indicator--00000000-0000-4000-8000-${String(round * 10 + t * IDS + i).padStart(12, '0')}`;
            for (const [n, drawn] of generated.versions[t * IDS + i]!.entries()) {
              const writer = writers[drawn.writerPick % writers.length]!;
              const marking = (rank: number) => markingIds(rank)[drawn.tlp1 ? markingIds(rank).length - 1 : 0]!;
              const object: Record<string, unknown> = {
                type: 'indicator', spec_version: '2.1', id: objectId, created: '2026-01-01T00:00:00.000Z',
                modified: `2026-01-0${n + 1}T00:00:00.000Z`, name: `indicator ${i}`, description: `seen in round ${round}`,
                pattern: "[domain-name:value = 'bad.example']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
              };
              if (drawn.levels.length) object.object_marking_refs = [...new Set(drawn.levels.map(marking))];
              if (drawn.granular) object.granular_markings = [{ marking_ref: marking(drawn.granular.level), selectors: [drawn.granular.property] }];
              if (drawn.recipientOrgs.length) object.x_thiqa_recipient_refs = drawn.recipientOrgs.map((o) => world.orgs[o]!.identityId);
              if (drawn.recipientUsers.length) object.x_thiqa_recipient_users = drawn.recipientUsers.map((u) => (u < 0 ? 'ghost' : world.readers[u]!.name!));
              const version: VersionModel = { object, writer: world.readers.indexOf(writer), levels: drawn.levels, granular: drawn.granular, recipientOrgs: drawn.recipientOrgs, recipientUsers: drawn.recipientUsers };
              const result = await platform.objects.ingest(writer.actor, target.root, target.id, [object]);
              const refused = refusal(version, target.model);
              expect(result.rejected.map((r) => r.problems[0]!.rule)).toEqual(refused ? [refused] : []);
              if (!refused) {
                stored.push(version);
                keys.set(version, result.stored[0]!.version);
              }
            }
          }
          for (const reader of world.readers) await checkReader(scenario, reader, target.root, target.id, target.model, stored, keys, generated.limit);
          // The operator reads everything, and pushes nothing AMBER+STRICT or RED either.
          const pushed = [];
          for await (const rows of platform.objects.exportAll(SYSTEM, target.id, 5_000, 'push')) pushed.push(...rows.map((r) => parse(r.body)));
          expect(pushed.sort(byIdAndVersion)).toEqual(stored.map((v) => expectedBody(v, target.model, 2)).filter((b) => b !== undefined).sort(byIdAndVersion));
          verdicts += stored.length;
        }
      }),
      { numRuns: RUNS },
    );
    // Reported, so a run says how much it checked: scenarios, and (reader × version or object × read path) verdicts.
    console.log(`TLP visibility on ${dialect}: ${round} scenarios, ${verdicts} verdicts`);
    expect(verdicts).toBeGreaterThanOrEqual(Math.min(10_000, RUNS * 100));
  }, 1_200_000);
});
