/**
 * Helpers of the alert tests: STIX objects to store, a webhook receiver on 127.0.0.1 that answers what a
 * test scripts (and records what it got), and a platform with a collection, a reader and an outsider.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Dialect } from '../../server/core/db/database.ts';
import { DeliveryRepository } from '../../server/modules/alerts/repositories/delivery.repository.ts';
import { SubscriptionRepository } from '../../server/modules/alerts/repositories/subscription.repository.ts';
import type { AlertChannels } from '../../server/modules/alerts/services/alert-channels.ts';
import { AlertDeliveryService } from '../../server/modules/alerts/services/alert-delivery.service.ts';
import type { Platform } from '../../server/platform.ts';
import { openTestPlatform, type TestPlatform } from '../support/platform.ts';

export const objectId = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function indicator(n: number, pattern: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: objectId('indicator', n), created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: `indicator ${n}`, pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more };
}

export interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A webhook receiver: answers `statuses` in turn (then 200), records every request. */
export async function startReceiver(statuses: number[] = []): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface AlertWorld {
  test: TestPlatform;
  platform: Platform;
  collection: string;
  apiRoot: string;
  /** Reads the collection. */
  carol: Actor;
  /** Reads nothing. */
  dave: Actor;
  /**
   * A delivery worker on another platform over the same store (as after a restart), on a clock the test
   * moves; `process: 2` puts it on a second such platform, as another `thiqa serve` on the store would be.
   */
  worker(channels: AlertChannels, options?: { maxAttempts?: number; process?: 1 | 2 }): AlertDeliveryService;
  now: { value: number };
  /** The delivery queue, as a worker sees it. */
  deliveries: DeliveryRepository;
  ingest(...objects: Record<string, unknown>[]): Promise<void>;
}

export async function openAlertWorld(dialect: Dialect): Promise<AlertWorld> {
  const test = await openTestPlatform(dialect);
  const { platform } = test;
  await platform.apiRoots.create(SYSTEM, { name: 'alerts', title: 'Alerts', maxContentLength: 10_000_000 });
  const collection = (await platform.collections.create(SYSTEM, { apiRoot: 'alerts', title: 'Incidents' })).id;
  const actorOf = async (name: string): Promise<Actor> => {
    const user = await platform.users.addUser({ name, password: `${name}-password` });
    return { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: null };
  };
  const carol = await actorOf('carol');
  const dave = await actorOf('dave');
  await platform.collections.grant(SYSTEM, collection, `user:${(carol as { userId: string }).userId}`, { read: true, write: false });
  const others = [await test.another(), await test.another()] as const;
  // Deliveries are queued on the real clock; the worker's starts ten seconds ahead (so what a test queues
  // is due even on a slow machine) and moves as the test says.
  const now = { value: Date.now() + 10_000 };
  const readers = { languageOf: async (id: string) => (await platform.users.findById(id))?.language ?? null, actorOf: async (id: string) => (id === (carol as { userId: string }).userId ? carol : id === (dave as { userId: string }).userId ? dave : undefined) };
  return {
    test,
    platform,
    collection,
    apiRoot: 'alerts',
    carol,
    dave,
    now,
    worker: (channels, { process = 1, ...options } = {}) => {
      const other = others[process - 1]!;
      return new AlertDeliveryService({ deliveries: new DeliveryRepository(other.db), subscriptions: new SubscriptionRepository(other.db) }, other.objects, readers, channels, { baseUrl: 'https://hub.example', retryBaseMs: 1_000, ...options }, () => now.value);
    },
    deliveries: new DeliveryRepository(others[0].db),
    ingest: async (...objects) => {
      const result = await platform.objects.ingest(SYSTEM, 'alerts', collection, objects);
      if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected));
    },
  };
}
