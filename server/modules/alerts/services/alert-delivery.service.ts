/**
 * The delivery worker: takes due deliveries from the durable queue, reads each object again as its owner
 * may read it now (dropping what they may no longer read, and anything RED), and delivers them: a webhook
 * POST, an e-mail, or an in-app notification. A digest subscription's due deliveries go out as one message.
 * A failed attempt is retried with exponential back-off (1 s, 2 s, 4 s … capped at an hour); after
 * `maxAttempts` the deliveries are dead letters, listed to their owner. Every `thiqa serve` process runs a
 * worker; each claims the deliveries it takes for `CLAIM_MS`, so several processes on one store send each
 * delivery once. A worker that stops mid-claim leaves its deliveries to be taken again when the claim runs out:
 * delivery is at least once, and a webhook's `X-Thiqa-Delivery` id lets a receiver drop a repeat.
 */
import { tlpName } from '../../../../shared/stix/sharing.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { DeliveryRecord, DeliveryRepository } from '../repositories/delivery.repository.ts';
import type { SubscriptionRepository } from '../repositories/subscription.repository.ts';
import type { AlertChannels, AlertMessage, AlertSummary } from './alert-channels.ts';
import { readAsOwner, type AlertReaders } from './owner-read.ts';
import { toSubscription, type Subscription } from './subscription.service.ts';

export interface DeliveryOptions {
  /** Where links in alerts point: the hub's public URL. */
  baseUrl: string;
  /** First retry delay; doubled at each attempt (default 1 s). */
  retryBaseMs?: number;
  /** Attempts before a delivery is a dead letter (default 8). */
  maxAttempts?: number;
  /** Longest sleep between two looks at the queue (default 1 s). */
  pollMs?: number;
}

const BATCH = 200;
/** How long a worker holds the deliveries it took (a batch sends within it, even to slow receivers). */
export const CLAIM_MS = 5 * 60_000;
const MAX_RETRY_MS = 3_600_000;

/** The delay before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelay(baseMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, baseMs * 2 ** (attempts - 1));
}

export class AlertDeliveryService {
  private readonly deliveries: DeliveryRepository;
  private readonly subscriptions: SubscriptionRepository;
  private readonly objects: ObjectService;
  private readonly readers: AlertReaders;
  private readonly channels: AlertChannels;
  private readonly options: Required<DeliveryOptions>;
  private readonly clock: () => number;
  private woken: (() => void) | undefined;
  private pendingWake = false;

  constructor(
    stores: { deliveries: DeliveryRepository; subscriptions: SubscriptionRepository },
    objects: ObjectService,
    readers: AlertReaders,
    channels: AlertChannels,
    options: DeliveryOptions,
    clock: () => number = Date.now,
  ) {
    this.deliveries = stores.deliveries;
    this.subscriptions = stores.subscriptions;
    this.objects = objects;
    this.readers = readers;
    this.channels = channels;
    this.options = { retryBaseMs: 1_000, maxAttempts: 8, pollMs: 1_000, ...options };
    this.clock = clock;
  }

  /** Asks a running worker to look at the queue now (something was queued). */
  wake(): void {
    this.pendingWake = true;
    this.woken?.();
  }

  /** Delivers what is due now, once. Answers how many deliveries were settled (delivered, dropped or dead). */
  async deliverDue(): Promise<number> {
    const now = this.clock();
    const due = await this.deliveries.claimDue(now, BATCH, now + CLAIM_MS);
    let settled = 0;
    for (const [subscriptionId, group] of Map.groupBy(due, (d) => d.subscriptionId)) settled += await this.deliverGroup(subscriptionId, group, now);
    return settled;
  }

  /** Runs until `signal` aborts: delivers what is due, then sleeps until woken or the next is due. */
  async run(signal: AbortSignal, onError: (error: unknown) => void = () => {}): Promise<void> {
    while (!signal.aborted) {
      let full = false;
      try {
        this.pendingWake = false;
        full = (await this.deliverDue()) >= BATCH;
      } catch (error) {
        onError(error);
      }
      if (full || this.pendingWake) continue;
      const next = await this.deliveries.nextDue().catch(() => undefined);
      const wait = Math.max(0, Math.min(this.options.pollMs, (next ?? Infinity) - this.clock()));
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.woken = undefined;
          resolve();
        };
        const timer = setTimeout(done, wait);
        signal.addEventListener('abort', done);
        this.woken = done;
      });
    }
  }

  private async deliverGroup(subscriptionId: string, group: DeliveryRecord[], now: number): Promise<number> {
    const record = await this.subscriptions.findById(subscriptionId);
    const owner = record && (await this.readers.actorOf(record.ownerId));
    if (!record || !owner) {
      await this.deliveries.failed(group.map((d) => d.id), Math.max(...group.map((d) => d.attempts)), record ? 'the subscription’s owner is disabled or removed' : 'the subscription was removed', now, undefined);
      return group.length;
    }
    const subscription = toSubscription(record);
    const ready: { delivery: DeliveryRecord; summary: AlertSummary }[] = [];
    const withheld: string[] = [];
    for (const delivery of group) {
      const read = await readAsOwner(this.objects, owner, delivery);
      if (read === undefined) withheld.push(delivery.id);
      else ready.push({ delivery, summary: this.summaryOf(delivery, read.object, read.tlp) });
    }
    if (withheld.length > 0) await this.deliveries.drop(withheld);
    // Immediate subscriptions send one message per delivery; a digest sends them all as one.
    const messages = subscription.digest || ready.length === 0 ? [ready] : ready.map((r) => [r]);
    for (const batch of messages) if (batch.length > 0) await this.send(subscription, record.secret, batch, now);
    return group.length;
  }

  private async send(subscription: Subscription, secret: string, batch: { delivery: DeliveryRecord; summary: AlertSummary }[], now: number): Promise<void> {
    const message: AlertMessage = { subscription: { id: subscription.id, name: subscription.name }, digest: subscription.digest, alerts: batch.map((b) => b.summary) };
    const ids = batch.map((b) => b.delivery.id);
    try {
      if (subscription.channel === 'webhook') await this.channels.webhook(subscription.target, secret, ids[0]!, message);
      else if (subscription.channel === 'email') await this.channels.email(subscription.target, message, await this.readers.languageOf(subscription.ownerId));
      await this.deliveries.delivered(batch.map((b) => ({ id: b.delivery.id, summary: JSON.stringify(b.summary) })), this.clock());
    } catch (error) {
      const attempts = Math.max(...batch.map((b) => b.delivery.attempts)) + 1;
      const reason = error instanceof Error ? error.message : String(error);
      const nextAt = attempts >= this.options.maxAttempts ? undefined : now + retryDelay(this.options.retryBaseMs, attempts);
      await this.deliveries.failed(ids, attempts, reason.slice(0, 500), now, nextAt);
    }
  }

  private summaryOf(delivery: DeliveryRecord, object: Record<string, unknown>, tlp: number): AlertSummary {
    const base = this.options.baseUrl.replace(/\/$/, '');
    return {
      id: delivery.objectId,
      type: String(object.type),
      name: typeof object.name === 'string' ? object.name : null,
      tlp: tlpName(tlp),
      version: typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '',
      api_root: delivery.apiRoot,
      collection: delivery.collectionId,
      link: `${base}/${encodeURIComponent(delivery.apiRoot)}/collections/${encodeURIComponent(delivery.collectionId)}/objects/${encodeURIComponent(delivery.objectId)}/`,
    };
  }
}
