/**
 * Sightings: posting them (`SightingService.post`, through the exchange's ingest: validated, TLP decided,
 * audited, one at a time as teams do) and reading an indicator's aggregate (`SightingService.list`: the
 * sightings the reader may see read through the scoped query and summed at each request, no table kept).
 * One community collection, 4 organisations in it, `size` sightings of one indicator spread over them
 * (a third anonymous, a tenth AMBER+STRICT); the aggregate is read by a member of one organisation.
 * Alone: `npx node bench/sightings.bench.ts [sqlite] [postgres]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../server/core/auth/actor.ts';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { p95, perSecond } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const SIGHTING_COUNT = 2_000;
const READS = 50;
const ORGANISATIONS = 4;

export async function measureSightings(database: DatabaseKind, tmp: string, postgresUrl: string, size = SIGHTING_COUNT): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `sightings-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  try {
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Bench community' });
    const actors: Actor[] = [];
    for (let o = 0; o < ORGANISATIONS; o++) {
      const org = await platform.organisations.add(SYSTEM, { name: `Bench organisation ${o}`, type: 'regional-international' });
      await platform.communities.join(SYSTEM, community.id, org.id);
      const user = await platform.users.addUser({ name: `bench${o}`, password: 'bench-password', organisation: org.id });
      actors.push({ kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId });
    }
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Sightings bench' });
    const indicator = 'indicator--00000000-0000-4000-8000-000000000001';
    const object = {
      type: 'indicator', spec_version: '2.1', id: indicator, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
      pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
    };
    await platform.objects.ingest(actors[0]!, community.slug, collection.id, [object]);

    const postStarted = performance.now();
    for (let i = 0; i < size; i++) {
      const anonymous = i % 3 === 0;
      const tlp = anonymous ? 'green' : i % 10 === 1 ? 'amber+strict' : 'amber';
      await platform.sightings.post(actors[i % ORGANISATIONS]!, collection.id, indicator, { count: 1 + (i % 7), anonymous, tlp, first_seen: '2026-02-01T00:00:00Z' });
    }
    const postMs = performance.now() - postStarted;

    const times: number[] = [];
    let seen = 0;
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      seen = (await platform.sightings.list(actors[1]!, collection.id, indicator)).aggregate.sightings;
      times.push(performance.now() - started);
    }
    return [
      { name: 'sightings: post one at a time', database, size, value: perSecond(size, postMs), unit: 'sightings/s', detail: { ms: Math.round(postMs) } },
      { name: `sightings: aggregate and list of ${size.toLocaleString('en-US')} (p95 of ${READS})`, database, size, value: p95(times), unit: 'ms', goal: 'sightingAggregate', detail: { visible: seen } },
    ];
  } finally {
    await platform.close();
    await store.drop();
  }
}

if (process.argv[1] === import.meta.filename) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-sightings-bench-'));
  try {
    for (const database of (process.argv.length > 2 ? process.argv.slice(2) : ['sqlite']) as DatabaseKind[]) {
      for (const m of await measureSightings(database, tmp, 'postgres://postgres@127.0.0.1:5432/test')) console.log(JSON.stringify(m));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
