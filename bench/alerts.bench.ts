/**
 * Alerts (goal: an alert delivered ≤ 2 s after the object that triggers it is stored). A store with 20
 * subscriptions of 5 users (per user: a webhook on a label, an in-app watch-list of 1,000 values, an in-app
 * type filter, a daily digest), the delivery worker running as in `thiqa serve`, and a webhook receiver on
 * 127.0.0.1. Each sample stores one labelled indicator as the operator and waits until all 5 webhooks have
 * received it (signature checked): the time from the start of the store to the last POST; 50 samples, p95.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM, type Actor } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { verifySignature } from '../server/modules/alerts/services/webhook-signature.ts';
import { openPlatform } from '../server/platform.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { median, p95, round } from './stats.ts';
import { createEmptyStore } from './store.ts';

const USERS = 5;
const SAMPLES = 50;
const GIVE_UP_MS = 30_000;

const indicatorOf = (n: number) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
  created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: `[ipv4-addr:value = '10.0.${(n >> 8) % 256}.${n % 256}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', labels: ['bench-alert'],
});

export async function measureAlerts(database: DatabaseKind, tmp: string, postgresUrl: string): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `alerts-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  const arrivals = new Map<string, number[]>();
  const secrets = new Set<string>();
  let badSignatures = 0;
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (![...secrets].some((s) => verifySignature(s, body, request.headers['x-thiqa-signature'] as string))) badSignatures++;
      for (const alert of (JSON.parse(body) as { alerts: { id: string }[] }).alerts) arrivals.set(alert.id, [...(arrivals.get(alert.id) ?? []), performance.now()]);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const stop = new AbortController();
  const worker = platform.alertDelivery.run(stop.signal);
  try {
    await platform.apiRoots.create(SYSTEM, { name: 'bench', title: 'Bench', maxContentLength: 100_000_000 });
    const collection = await platform.collections.create(SYSTEM, { apiRoot: 'bench', title: 'Alert bench' });
    for (let u = 0; u < USERS; u++) {
      const user = await platform.users.addUser({ name: `reader${u}`, password: `reader${u}-password` });
      await platform.collections.grant(SYSTEM, collection.id, `user:${user.id}`, { read: true, write: false });
      const actor: Actor = { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: null };
      const { secret } = await platform.alertSubscriptions.create(actor, { channel: 'webhook', url, labels: ['bench-alert'] });
      secrets.add(secret!);
      await platform.alertSubscriptions.create(actor, { channel: 'in-app', watch: Array.from({ length: 1_000 }, (_, i) => `192.0.2.${i % 256}-${i}`) });
      await platform.alertSubscriptions.create(actor, { channel: 'in-app', types: ['malware'] });
      await platform.alertSubscriptions.create(actor, { channel: 'webhook', url, labels: ['bench-alert'], digest: true });
    }
    const latencies: number[] = [];
    for (let n = 1; n <= SAMPLES; n++) {
      const object = indicatorOf(n);
      const started = performance.now();
      const result = await platform.objects.ingest(SYSTEM, 'bench', collection.id, [object]);
      if (result.rejected.length) throw new Error(`the bench object was refused: ${JSON.stringify(result.rejected[0]).slice(0, 300)}`);
      while ((arrivals.get(object.id)?.length ?? 0) < USERS && performance.now() - started < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, 2));
      const got = arrivals.get(object.id) ?? [];
      // A sample given up counts as the time given: the p95 then says the goal was missed.
      latencies.push(got.length < USERS ? GIVE_UP_MS : Math.max(...got) - started);
    }
    if (badSignatures > 0) throw new Error(`${badSignatures} webhook deliveries had a signature that does not verify`);
    return [{ name: `alerts: stored → ${USERS} webhooks received (p95)`, database, size: SAMPLES, value: round(p95(latencies)), unit: 'ms', goal: 'alertLatency', detail: { median: round(median(latencies)), max: round(Math.max(...latencies)), subscriptions: USERS * 4 } }];
  } finally {
    stop.abort();
    await worker;
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await platform.close();
    await store.drop();
  }
}
