/**
 * Matching: after each write of objects (`ObjectService.onAccepted`), the versions accepted are read as each
 * subscription's owner may read them and matched against the subscription's filters; matches are queued in
 * `alert_deliveries` (at once, or for the next daily digest at 00:00 UTC) and the worker is woken.
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Accepted, ObjectService } from '../../exchange/services/object.service.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { DeliveryRecord, DeliveryRepository } from '../repositories/delivery.repository.ts';
import type { SubscriptionRepository } from '../repositories/subscription.repository.ts';
import { matchesFilters, mayMatchCollection } from './alert-filters.ts';
import { readAsOwner, type AlertReaders } from './owner-read.ts';
import { toSubscription, type Subscription } from './subscription.service.ts';

const DAY_MS = 86_400_000;

/** When a digest queued at `now` goes out: the next 00:00 UTC. */
export function nextDigestAt(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}

export class AlertDispatchService {
  private readonly subscriptions: SubscriptionRepository;
  private readonly deliveries: DeliveryRepository;
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;
  private readonly readers: AlertReaders;
  private readonly wake: () => void;
  private readonly clock: () => number;

  constructor(
    stores: { subscriptions: SubscriptionRepository; deliveries: DeliveryRepository },
    exchange: { objects: ObjectService; collections: CollectionService },
    readers: AlertReaders,
    wake: () => void,
    clock: () => number = Date.now,
  ) {
    this.subscriptions = stores.subscriptions;
    this.deliveries = stores.deliveries;
    this.objects = exchange.objects;
    this.collections = exchange.collections;
    this.readers = readers;
    this.wake = wake;
    this.clock = clock;
  }

  /** Queues what `accepted` brings to each subscription that asked for it. Answers how many were queued. */
  async dispatch(accepted: Accepted): Promise<number> {
    const all = (await this.subscriptions.list()).map(toSubscription);
    if (all.length === 0) return 0;
    const collection = await this.collections.find(SYSTEM, accepted.collectionId);
    const candidates = all.filter((s) => mayMatchCollection(s.filters, collection.id, collection.access.community));
    const byOwner = Map.groupBy(candidates, (s) => s.ownerId);
    const now = this.clock();
    const queued: DeliveryRecord[] = [];
    for (const [ownerId, subscriptions] of byOwner) {
      const owner = await this.readers.actorOf(ownerId);
      if (owner === undefined) continue;
      for (const { id, version } of accepted.versions) {
        const ref = { apiRoot: collection.apiRoot, collectionId: collection.id, objectId: id, version };
        const read = await readAsOwner(this.objects, owner, ref);
        if (read === undefined) continue;
        const facts = { type: String(read.object.type), tlp: read.tlp, collectionId: collection.id, community: collection.access.community, object: read.object };
        for (const subscription of subscriptions) if (matchesFilters(subscription.filters, facts)) queued.push(this.delivery(subscription, ref, now));
      }
    }
    const count = await this.deliveries.enqueue(queued);
    if (count > 0) this.wake();
    return count;
  }

  private delivery(subscription: Subscription, ref: { apiRoot: string; collectionId: string; objectId: string; version: string }, now: number): DeliveryRecord {
    return {
      id: randomUUID(),
      subscriptionId: subscription.id,
      ownerId: subscription.ownerId,
      channel: subscription.channel,
      ...ref,
      state: 'pending',
      attempts: 0,
      nextAt: subscription.digest ? nextDigestAt(now) : now,
      lastError: null,
      summary: null,
      createdAt: now,
      doneAt: null,
      readAt: null,
    };
  }
}
