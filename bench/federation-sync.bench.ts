/**
 * Hub-to-hub sync (goals: ≥ 20,000 objects/s; in continuous mode an object posted on a national hub visible
 * on the regional hub within 2 s).
 *
 * - Throughput and memory: a national hub (this process, served over HTTP on 127.0.0.1) holds a backlog of
 *   `size` GREEN indicators in a community collection; the regional hub's `thiqa sync --once` (a child
 *   process, its peak RSS sampled) pulls it all through the TAXII client, pages of 5,000, each ingested
 *   through the exchange with provenance. The rate is the backlog over the sync's own time (the report's
 *   `startedAt` → `finishedAt`: process start-up and migrations left out; the wall time is kept in detail).
 * - Latency: both hubs in this process, the national one running a continuous push link (the runner woken by
 *   the local store); an object is stored on the national hub and the regional hub's collection is read
 *   every 10 ms until it is there; 20 samples, p95 reported.
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM, type Actor } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openPlatform, type Platform } from '../server/platform.ts';
import { startServer } from '../server/serve.ts';
import { runSync } from '../server/modules/federation/services/sync-runner.ts';
import { TLP2_MARKINGS } from '../shared/stix/tlp.ts';
import { runCli } from './child.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { MB, p95, perSecond, round } from './stats.ts';
import { createEmptyStore, type EmptyStore } from './store.ts';

export const FEDERATION_BACKLOG = 100_000;
const BATCH = 5_000;
const SAMPLES = 20;

interface Side {
  store: EmptyStore;
  platform: Platform;
  apiRoot: string;
  collectionId: string;
  analyst: Actor;
}

async function openSide(database: DatabaseKind, tmp: string, label: string, postgresUrl: string, env: Record<string, string> = {}): Promise<Side> {
  const store = await createEmptyStore(database, tmp, label, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, env));
  await bootstrap(platform);
  const { community, apiRoot } = await platform.communityApiRoots.add(SYSTEM, { name: 'Region' });
  const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Shared' });
  const org = await platform.organisations.add(SYSTEM, { name: `${label} CIRT`, type: 'regional-international' });
  await platform.communities.join(SYSTEM, community.id, org.id);
  const user = await platform.users.addUser({ name: 'analyst', password: 'analyst-password', organisation: org.id });
  return { store, platform, apiRoot: apiRoot.name, collectionId: collection.id, analyst: { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: org.id } };
}

/** On `here`: an organisation and user standing for `there`'s hub, a member of the community. */
async function standFor(here: Side, name: string): Promise<{ orgId: string; user: string; password: string }> {
  const org = await here.platform.organisations.add(SYSTEM, { name: `${name} hub`, type: 'regional-international' });
  const community = (await here.platform.communities.list(SYSTEM)).find((c) => c.name === 'Region')!;
  await here.platform.communities.join(SYSTEM, community.id, org.id);
  await here.platform.users.addUser({ name: `hub-${name}`, password: `hub-${name}-password`, organisation: org.id });
  return { orgId: org.id, user: `hub-${name}`, password: `hub-${name}-password` };
}

function greenIndicator(n: number): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: at,
    modified: at,
    name: `Bench indicator ${n}`,
    pattern: `[ipv4-addr:value = '10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}']`,
    pattern_type: 'stix',
    valid_from: at,
    object_marking_refs: [TLP2_MARKINGS.green],
  };
}

export async function measureFederationSync(database: DatabaseKind, tmp: string, postgresUrl: string, size = FEDERATION_BACKLOG): Promise<Measurement[]> {
  const national = await openSide(database, tmp, `fed-national-${database}`, postgresUrl);
  const regional = await openSide(database, tmp, `fed-regional-${database}`, postgresUrl);
  const measurements: Measurement[] = [];
  try {
    const nationalSeen = await standFor(national, 'regional');
    const regionalSeen = await standFor(regional, 'national');
    const server = await startServer(national.platform, '127.0.0.1', 0);
    try {
      for (let start = 0; start < size; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, size - start) }, (_, i) => greenIndicator(start + i));
        await national.platform.objects.ingest(national.analyst, national.apiRoot, national.collectionId, batch);
      }
      await regional.platform.peers.add(SYSTEM, { name: 'national', url: `${server.url}/${national.apiRoot}/`, credentials: { kind: 'basic', user: nationalSeen.user, password: nationalSeen.password }, organisation: regionalSeen.orgId });
      await regional.platform.links.add(SYSTEM, { peer: 'national', remoteCollection: national.collectionId, localCollection: regional.collectionId, direction: 'pull' });
      await regional.platform.close();
      const run = await runCli(['sync', '--once', '--json', '--database-url', regional.store.databaseUrl], {
        env: { THIQA_DATA_DIR: regional.store.dataDir, THIQA_SYNC_PAGE: '5000' },
        timeoutMs: 600_000,
      });
      console.error(run.stderr.slice(0, 3000));
      if (run.code !== 0) throw new Error(`thiqa sync --once failed (${run.code}): ${run.stdout.slice(0, 500)} ${run.stderr.slice(0, 500)}`);
      const report = JSON.parse(run.stdout) as { startedAt: number; finishedAt: number; links: { pull?: { stored: number } }[] };
      const stored = report.links[0]?.pull?.stored ?? 0;
      if (stored !== size) throw new Error(`the sync stored ${stored} of ${size} objects`);
      const syncMs = report.finishedAt - report.startedAt;
      measurements.push({ name: 'federation: hub-to-hub pull (thiqa sync --once)', database, size, value: perSecond(size, syncMs), unit: 'objects/s', goal: 'federationSync', detail: { syncMs, wallMs: Math.round(run.wallMs) } });
      measurements.push({ name: 'federation: peak RSS of thiqa sync over the backlog', database, size, value: round(run.peakRssBytes / MB), unit: 'MB', detail: { pageSize: 5000 } });
    } finally {
      await server.close();
    }
  } finally {
    await national.platform.close().catch(() => undefined);
    await national.store.drop();
    await regional.store.drop();
  }
  measurements.push(await measureContinuousLatency(database, tmp, postgresUrl));
  return measurements;
}

export async function measureContinuousLatency(database: DatabaseKind, tmp: string, postgresUrl: string): Promise<Measurement> {
  const national = await openSide(database, tmp, `fed-lat-national-${database}`, postgresUrl, { THIQA_SYNC_POLL_MS: '500' });
  const regional = await openSide(database, tmp, `fed-lat-regional-${database}`, postgresUrl);
  const server = await startServer(regional.platform, '127.0.0.1', 0);
  const controller = new AbortController();
  let running: Promise<void> = Promise.resolve();
  try {
    const seenThere = await standFor(regional, 'national');
    const seenHere = await standFor(national, 'regional');
    await national.platform.peers.add(SYSTEM, { name: 'regional', url: `${server.url}/${regional.apiRoot}/`, credentials: { kind: 'basic', user: seenThere.user, password: seenThere.password }, organisation: seenHere.orgId });
    await national.platform.links.add(SYSTEM, { peer: 'regional', remoteCollection: regional.collectionId, localCollection: national.collectionId, direction: 'push', continuous: true });
    running = runSync(national.platform.sync, SYSTEM, controller.signal, { intervalSeconds: 60, pollMs: 500 });
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const object = greenIndicator(i);
      const started = performance.now();
      await national.platform.objects.ingest(national.analyst, national.apiRoot, national.collectionId, [object]);
      for (;;) {
        const page = await regional.platform.objects.getObject(SYSTEM, regional.apiRoot, regional.collectionId, String(object.id), {}).catch(() => undefined);
        if (page?.rows.length) break;
        if (performance.now() - started > 30_000) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      latencies.push(performance.now() - started);
    }
    // A sample given up after 30 s counts as 30 s: the p95 then says the goal was missed.
    return { name: 'federation: continuous push, posted → visible on the peer (p95)', database, size: SAMPLES, value: round(p95(latencies)), unit: 'ms', goal: 'federationLatency', detail: { max: round(Math.max(...latencies)), samples: latencies.map(round) } };
  } finally {
    controller.abort();
    await running;
    await server.close();
    await national.platform.close();
    await regional.platform.close();
    await national.store.drop();
    await regional.store.drop();
  }
}
