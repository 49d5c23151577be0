/**
 * TLP 2.0 with the TAXII filters: over one store of randomly marked versions (drawn once per database from a
 * fixed seed), every generated read — any reader, any path, with `match[id]`, `match[type]`, `match[version]`,
 * `added_after` and page sizes — answers exactly what the oracle (test/support/sharing-world.ts) allows.
 *
 * THIQA_PROPERTY_READS sets the number of generated reads per database (default 10,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import {
  buildWorld, clearance, COMMUNITIES, expectedBody, granted, markingIds, ORGS, PLAIN_ROOT, reaches, refusal,
  type CollectionModel, type Scenario, type VersionModel, type World,
} from '../../../../test/support/sharing-world.ts';
import type { ObjectFilter } from './object-query.ts';

const READS = Number(process.env.THIQA_PROPERTY_READS ?? 10_000);
const OBJECTS = 24;
const SEED = 20_261_201;
const decoder = new TextDecoder();

interface Stored extends VersionModel {
  key: string;
  dateAdded: number;
}

interface Target {
  root: string;
  id: string;
  model: CollectionModel;
  stored: Stored[];
}

const level = fc.integer({ min: 0, max: 4 });
const drawnVersion = fc.record({
  levels: fc.array(level, { maxLength: 2 }),
  granular: fc.option(fc.record({ property: fc.constantFrom('description' as const, 'pattern' as const), level }), { nil: null }),
  recipientOrgs: fc.uniqueArray(fc.nat(ORGS - 1), { maxLength: 2 }),
  recipientUsers: fc.uniqueArray(fc.nat(9), { maxLength: 2 }),
  writerPick: fc.nat(1000),
});

describe.each(dialects)('TLP 2.0 with TAXII filters on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let scenario: Scenario;
  const targets: Target[] = [];

  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    world = await buildWorld(platform);
    const [memberships] = fc.sample(fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }), { seed: SEED, numRuns: 1 });
    scenario = { memberships: memberships! };
    for (let k = 0; k < COMMUNITIES; k++) for (let o = 0; o < ORGS; o++) if (scenario.memberships[k]![o]) await platform.communities.join(SYSTEM, world.communities[k]!.id, world.orgs[o]!.id);

    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, world.communities[0]!.id, { title: 'Community', defaultTlp: 'amber' });
    targets.push({ root: world.communities[0]!.slug, id: collection.id, model: { community: 0, defaultTlp: 2, grants: new Map([['community:0', { read: true, write: true }]]) }, stored: [] });
    const plain = await platform.collections.create(SYSTEM, { apiRoot: PLAIN_ROOT, title: 'Plain' });
    const grants: [string, string, { read: boolean; write: boolean }][] = [
      ['authenticated', 'authenticated', { read: true, write: false }],
      ['anonymous', 'anonymous', { read: true, write: false }],
      ['org:1', `org:${world.orgs[1]!.id}`, { read: true, write: true }],
      ['user:8', `user:${world.readers[8]!.userId}`, { read: false, write: true }],
    ];
    for (const [, principal, access] of grants) await platform.collections.grant(SYSTEM, plain.id, principal, access);
    targets.push({ root: PLAIN_ROOT, id: plain.id, model: { community: null, defaultTlp: 1, grants: new Map(grants.map(([label, , access]) => [label, access])) }, stored: [] });

    const drawn = fc.sample(fc.array(drawnVersion, { minLength: 1, maxLength: 3 }), { seed: SEED, numRuns: 2 * OBJECTS });
    for (const [t, target] of targets.entries()) {
      const writers = world.readers.filter((r) => r.userId !== null && granted(world, scenario, r, target.model).write);
      for (let i = 0; i < OBJECTS; i++) {
        const objectId = `indicator--00000000-0000-4000-8000-${String(t * 100 + i).padStart(12, '0')}`;
        for (const [n, v] of drawn[t * OBJECTS + i]!.entries()) {
          const object: Record<string, unknown> = {
            type: 'indicator', spec_version: '2.1', id: objectId, created: '2026-01-01T00:00:00.000Z', modified: `2026-01-0${n + 1}T00:00:00.000Z`,
            name: `indicator ${i}`, description: `version ${n}`, pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
          };
          if (v.levels.length) object.object_marking_refs = [...new Set(v.levels.map((l) => markingIds(l)[0]!))];
          if (v.granular) object.granular_markings = [{ marking_ref: markingIds(v.granular.level)[0]!, selectors: [v.granular.property] }];
          if (v.recipientOrgs.length) object.x_thiqa_recipient_refs = v.recipientOrgs.map((o) => world.orgs[o]!.identityId);
          if (v.recipientUsers.length) object.x_thiqa_recipient_users = v.recipientUsers.map((u) => world.readers[u]!.name!);
          const writer = writers[v.writerPick % writers.length]!;
          const model: VersionModel = { object, writer: world.readers.indexOf(writer), levels: v.levels, granular: v.granular, recipientOrgs: v.recipientOrgs, recipientUsers: v.recipientUsers };
          const result = await platform.objects.ingest(writer.actor, target.root, target.id, [object]);
          expect(result.rejected.map((r) => r.problems[0]!.rule)).toEqual(refusal(model, target.model) ? [refusal(model, target.model)] : []);
          if (result.stored[0]) target.stored.push({ ...model, key: result.stored[0].version, dateAdded: result.stored[0].dateAdded });
        }
      }
    }
  }, 300_000);
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  const readArbitrary = fc.record({
    reader: fc.nat(10),
    target: fc.nat(1),
    path: fc.constantFrom('objects', 'manifest', 'object', 'versions'),
    object: fc.nat(OBJECTS - 1),
    ids: fc.option(fc.uniqueArray(fc.nat(OBJECTS - 1), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    type: fc.option(fc.constantFrom('indicator', 'malware'), { nil: undefined }),
    version: fc.option(fc.constantFrom('first', 'last', 'all', '2026-01-02T00:00:00.000Z'), { nil: undefined }),
    after: fc.option(fc.nat(200), { nil: undefined }),
    limit: fc.integer({ min: 3, max: 40 }),
  });

  it(`answers ${READS} generated reads exactly as the rules allow`, async () => {
    await fc.assert(
      fc.asyncProperty(readArbitrary, async (read) => {
        const reader = world.readers[read.reader]!;
        const target = targets[read.target]!;
        const all = target.stored;
        const objectId = (i: number) => `indicator--00000000-0000-4000-8000-${String(read.target * 100 + i).padStart(12, '0')}`;
        const single = read.path === 'object' || read.path === 'versions';
        const wantedIds = single ? [objectId(read.object)] : read.ids?.map(objectId);
        const ordered = [...all].sort((a, b) => a.dateAdded - b.dateAdded);
        const afterMicros = read.after === undefined ? undefined : ordered[read.after % Math.max(ordered.length, 1)]?.dateAdded;
        const filter: ObjectFilter = { limit: read.limit };
        if (!single && read.type) filter.types = [read.type];
        if (wantedIds && !single) filter.ids = wantedIds;
        if (read.path !== 'versions' && read.version) filter.versions = [read.version];
        if (afterMicros !== undefined) filter.addedAfter = new Date(Math.floor(afterMicros / 1000)).toISOString().replace('Z', `${String(afterMicros % 1000).padStart(3, '0')}Z`);

        const call = async () => {
          const rows = [];
          let next: string | undefined;
          for (;;) {
            const f = next ? { next } : filter;
            const page =
              read.path === 'objects' ? await platform.objects.list(reader.actor, target.root, target.id, f)
              : read.path === 'manifest' ? await platform.objects.manifest(reader.actor, target.root, target.id, f)
              : read.path === 'object' ? await platform.objects.getObject(reader.actor, target.root, target.id, wantedIds![0]!, f)
              : await platform.objects.versions(reader.actor, target.root, target.id, wantedIds![0]!, f);
            rows.push(...page.rows);
            if (!page.more) return rows;
            next = page.next;
          }
        };

        if (!reaches(world, scenario, reader, target.model, all)) {
          const code = reader.userId === null ? 'auth.required' : granted(world, scenario, reader, target.model).write ? 'collection.read_forbidden' : 'collection.not_found';
          await expect(call()).rejects.toMatchObject({ code });
          return;
        }
        // The oracle: the versions the filters select (first/last among all stored), then what the reader may see.
        const versionsOf = (id: string) => all.filter((v) => v.object.id === id).map((v) => v.key).sort();
        const chosen = all.filter((v) => {
          if (wantedIds && !wantedIds.includes(v.object.id as string)) return false;
          if (!single && read.type === 'malware') return false;
          if (afterMicros !== undefined && v.dateAdded <= afterMicros) return false;
          const mode = read.path === 'versions' ? 'all' : (read.version ?? 'last');
          const keys = versionsOf(v.object.id as string);
          if (mode === 'all') return true;
          if (mode === 'first') return v.key === keys[0];
          if (mode === 'last') return v.key === keys[keys.length - 1];
          return v.key === '2026-01-02T00:00:00.000000000Z';
        });
        const shown = chosen
          .map((v) => ({ v, body: expectedBody(v, target.model, clearance(world, scenario, reader, target.model, v)) }))
          .filter((s) => s.body !== undefined)
          .sort((a, b) => a.v.dateAdded - b.v.dateAdded);
        if (single && shown.length === 0) {
          await expect(call()).rejects.toMatchObject({ code: 'object.not_found' });
          return;
        }
        const rows = await call();
        expect(rows.map((r) => `${r.id}|${r.version}`)).toEqual(shown.map((s) => `${String(s.v.object.id)}|${s.v.key}`));
        if (read.path === 'objects' || read.path === 'object') expect(rows.map((r) => JSON.parse(decoder.decode(r.body)))).toEqual(shown.map((s) => s.body));
      }),
      { numRuns: READS, seed: SEED },
    );
    const versions = targets.reduce((n, t) => n + t.stored.length, 0);
    console.log(`TLP reads on ${dialect}: ${READS} generated reads over ${versions} stored versions`);
  }, 1_800_000);
});
