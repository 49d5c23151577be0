/**
 * Alert subscriptions: a signed-in user subscribes to what they may read, by community, collection, STIX
 * type, label, TLP ceiling, a watch-list of observable values or major incidents only, delivered by webhook (signed with the
 * subscription's secret), e-mail or in the app, at once or as a daily digest. Each user sees and removes
 * their own; the operator (the CLI) sees and removes any. RED is never notified: a ceiling of RED is refused.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid, notFound, unauthenticated } from '../../../core/errors.ts';
import { parseTlpLevel, TLP_AMBER_STRICT, TLP_RED, tlpName } from '../../../../shared/stix/sharing.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { SubscriptionRecord, SubscriptionRepository } from '../repositories/subscription.repository.ts';
import type { SubscriptionFilters } from './alert-filters.ts';

export const ALERT_CHANNELS = ['webhook', 'email', 'in-app'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** A subscription as services hand it out: never its secret (given once, when it is made). */
export interface Subscription {
  id: string;
  ownerId: string;
  name: string;
  channel: AlertChannel;
  /** The webhook URL or e-mail address; '' in the app. */
  target: string;
  digest: boolean;
  filters: SubscriptionFilters;
  createdAt: number;
}

export interface NewSubscription {
  channel: string;
  name?: string | undefined;
  url?: string | undefined;
  email?: string | undefined;
  secret?: string | undefined;
  digest?: boolean | undefined;
  communities?: readonly string[] | undefined;
  collections?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  labels?: readonly string[] | undefined;
  maxTlp?: string | undefined;
  watch?: readonly string[] | undefined;
  /** Only incidents marked major. */
  majorIncidents?: boolean | undefined;
}

const MAX_WATCH = 10_000;
const TYPE = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A subscription's record as the service hands it out. */
export function toSubscription(record: SubscriptionRecord): Subscription {
  return {
    id: record.id,
    ownerId: record.ownerId,
    name: record.name,
    channel: record.channel as AlertChannel,
    target: record.target,
    digest: record.digest,
    filters: JSON.parse(record.filters) as SubscriptionFilters,
    createdAt: record.createdAt,
  };
}

function textList(field: string, values: readonly string[] | undefined, max = 100): string[] {
  const list = [...new Set((values ?? []).map((v) => String(v).trim()).filter((v) => v.length > 0))];
  if (list.length > max) throw invalid('alert.too_many_values', `${field} takes at most ${max} values, got ${list.length}`, { field, max });
  return list;
}

function targetOf(channel: AlertChannel, input: NewSubscription): string {
  if (channel === 'webhook') {
    const url = URL.canParse(input.url ?? '') ? new URL(input.url!) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw invalid('alert.invalid_url', `a webhook needs an http or https URL, not "${input.url ?? ''}"`, { field: 'url', url: input.url ?? '' });
    return url.href;
  }
  if (channel === 'email') {
    const address = (input.email ?? '').trim();
    if (!EMAIL.test(address) || address.length > 254) throw invalid('alert.invalid_email', `"${address}" is not an e-mail address`, { field: 'email', email: address });
    return address;
  }
  return '';
}

function secretOf(channel: AlertChannel, given: string | undefined): string {
  if (channel !== 'webhook') return '';
  if (given === undefined) return randomBytes(32).toString('hex');
  if (given.length < 16 || given.length > 200) throw invalid('alert.invalid_secret', 'a webhook secret has 16 to 200 characters', { field: 'secret', min: 16, max: 200 });
  return given;
}

function ceilingOf(raw: string | undefined): number {
  const rank = raw === undefined ? TLP_AMBER_STRICT : parseTlpLevel(raw.trim().toLowerCase());
  if (rank === undefined || rank >= TLP_RED) throw invalid('alert.invalid_tlp', `an alert's TLP ceiling is clear, green, amber or amber+strict, not "${raw}": RED never goes into a notification`, { field: 'max_tlp', tlp: raw ?? '' });
  return rank;
}

export class SubscriptionService {
  private readonly subscriptions: SubscriptionRepository;
  private readonly collections: CollectionService;
  private readonly audit: AuditLog;
  private readonly clock: () => number;

  constructor(subscriptions: SubscriptionRepository, collections: CollectionService, audit: AuditLog, clock: () => number = Date.now) {
    this.subscriptions = subscriptions;
    this.collections = collections;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Subscribes the actor (a user). Answers the subscription and, for a webhook, its signing secret (given
   * or made: 32 random bytes, hex), which is not shown again.
   * @throws DomainError `auth.required` (401) for anonymous callers; `alert.owner_required` when the actor is
   *   not a user; `alert.invalid_channel`, `alert.invalid_url`, `alert.invalid_email`, `alert.invalid_secret`,
   *   `alert.invalid_tlp`, `alert.invalid_type`, `alert.invalid_name`, `alert.too_many_values` (400); the
   *   read errors of a collection named that the actor may not read.
   */
  async create(actor: Actor, input: NewSubscription): Promise<{ subscription: Subscription; secret: string | undefined }> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'subscribing to alerts needs credentials');
    if (actor.kind !== 'user') throw invalid('alert.owner_required', 'a subscription belongs to a user: name one (thiqa alert subscribe --as USER)');
    const channel = input.channel.trim().toLowerCase() as AlertChannel;
    if (!ALERT_CHANNELS.includes(channel)) throw invalid('alert.invalid_channel', `"${input.channel}" is not an alert channel: ${ALERT_CHANNELS.join(', ')}`, { field: 'channel', channel: input.channel, channels: ALERT_CHANNELS.join(', ') });
    const types = textList('types', input.types);
    const badType = types.find((t) => !TYPE.test(t));
    if (badType !== undefined) throw invalid('alert.invalid_type', `"${badType}" is not a STIX type name`, { field: 'types', type: badType });
    const collections: string[] = [];
    for (const wanted of textList('collections', input.collections)) {
      const found = await this.collections.find(actor, wanted);
      collections.push((await this.collections.requireRead(actor, found.apiRoot, found.id)).id);
    }
    const filters: SubscriptionFilters = {
      communities: textList('communities', input.communities),
      collections,
      types,
      labels: textList('labels', input.labels),
      maxTlp: ceilingOf(input.maxTlp),
      watch: textList('watch', input.watch, MAX_WATCH),
      ...(input.majorIncidents === true ? { majorIncidents: true } : {}),
    };
    const name = (input.name ?? `${channel} alerts`).trim().normalize('NFC');
    if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw invalid('alert.invalid_name', 'a subscription name has 1 to 100 characters and no control characters', { field: 'name', max: 100 });
    const secret = secretOf(channel, input.secret);
    const record: SubscriptionRecord = { id: randomUUID(), ownerId: actor.userId, name, filters: JSON.stringify(filters), channel, target: targetOf(channel, input), secret, digest: input.digest ?? false, createdAt: this.clock() };
    const details = { channel, digest: record.digest, max_tlp: tlpName(filters.maxTlp) };
    await this.subscriptions.insert(record, this.audit.within(actor, { action: 'alert.subscribe', target: record.id, details }));
    return { subscription: toSubscription(record), secret: channel === 'webhook' ? secret : undefined };
  }

  /** The actor's subscriptions (every one for the operator), oldest first. */
  async list(actor: Actor): Promise<Subscription[]> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'listing alert subscriptions needs credentials');
    return (await this.subscriptions.list(actor.kind === 'system' ? undefined : actor.userId)).map(toSubscription);
  }

  /** One of the actor's subscriptions. @throws DomainError `alert.not_found` (404) otherwise. */
  async get(actor: Actor, id: string): Promise<Subscription> {
    return toSubscription(await this.require(actor, id));
  }

  /** Removes one of the actor's subscriptions, and what is still queued for it. */
  async remove(actor: Actor, id: string): Promise<Subscription> {
    const record = await this.require(actor, id);
    await this.subscriptions.remove(id, this.audit.within(actor, { action: 'alert.unsubscribe', target: id, details: { channel: record.channel } }));
    return toSubscription(record);
  }

  private async require(actor: Actor, id: string): Promise<SubscriptionRecord> {
    const record = await this.subscriptions.findById(id);
    if (!record || actor.kind === 'anonymous' || (actor.kind === 'user' && record.ownerId !== actor.userId)) throw notFound('alert.not_found', `there is no alert subscription "${id}"`, { subscription: id });
    return record;
  }
}
