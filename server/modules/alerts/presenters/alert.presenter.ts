/** REST JSON of alert subscriptions (the webhook secret only in the answer that makes one), notifications and dead letters (the owner's, and the hub's pages for administrators). */
import { objectSchema, ref, listOf, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { tlpName } from '../../../../shared/stix/sharing.ts';
import type { DeadLetter, Notification } from '../services/alert-inbox.service.ts';
import type { DeadLetterPage, OwnedDeadLetter } from '../services/dead-letter.service.ts';
import { ALERT_CHANNELS, type Subscription } from '../services/subscription.service.ts';

const time = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentSubscription(s: Subscription) {
  return {
    id: s.id,
    owner: s.ownerId,
    name: s.name,
    channel: s.channel,
    target: s.target,
    digest: s.digest,
    communities: s.filters.communities,
    collections: s.filters.collections,
    types: s.filters.types,
    labels: s.filters.labels,
    max_tlp: tlpName(s.filters.maxTlp),
    watch: s.filters.watch,
    major_incidents: s.filters.majorIncidents === true,
    created_at: time(s.createdAt),
  };
}

export function presentNewSubscription(created: { subscription: Subscription; secret: string | undefined }) {
  return { subscription: presentSubscription(created.subscription), ...(created.secret === undefined ? {} : { secret: created.secret }) };
}

export function presentNotification(n: Notification) {
  return { id: n.id, subscription: n.subscriptionId, alert: n.alert, created_at: time(n.createdAt), read_at: time(n.readAt) };
}

export function presentDeadLetter(d: DeadLetter) {
  return { id: d.id, subscription: d.subscriptionId, channel: d.channel, object: d.objectId, version: d.version, attempts: d.attempts, last_error: d.lastError, created_at: time(d.createdAt), dead_at: time(d.deadAt) };
}

/** A dead letter as administrators list it: whose, which subscription (its name, never its secret). */
export function presentOwnedDeadLetter(d: OwnedDeadLetter) {
  return {
    id: d.id,
    owner: d.ownerId,
    owner_name: d.ownerName,
    subscription: d.subscriptionId,
    subscription_name: d.subscriptionName,
    channel: d.channel,
    object: d.objectId,
    version: d.version,
    attempts: d.attempts,
    last_error: d.lastError,
    created_at: time(d.createdAt),
    dead_at: time(d.deadAt),
  };
}

export function presentDeadLetterPage(page: DeadLetterPage) {
  return { dead_letters: page.deadLetters.map(presentOwnedDeadLetter), next: page.next };
}

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const date = { type: 'string', format: 'date-time' } as const;

export const ALERT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  AlertSubscription: objectSchema({
    id: text,
    owner: { type: 'string', description: 'user id' },
    name: text,
    channel: { type: 'string', enum: ALERT_CHANNELS },
    target: { type: 'string', description: 'the webhook URL or e-mail address; empty in the app' },
    digest: { type: 'boolean', description: 'true: one message a day (00:00 UTC) instead of one per object' },
    communities: texts,
    collections: texts,
    types: texts,
    labels: texts,
    max_tlp: { type: 'string', enum: ['clear', 'green', 'amber', 'amber+strict'] },
    watch: texts,
    major_incidents: { type: 'boolean', description: 'true: only incidents marked major' },
    created_at: date,
  }),
  NewAlertSubscription: objectSchema({ subscription: ref('AlertSubscription'), secret: { type: 'string', description: 'webhooks: the signing secret, in this answer only' } }),
  AlertSubscriptionList: objectSchema({ subscriptions: listOf('AlertSubscription') }),
  AlertSummary: objectSchema({
    id: text,
    type: text,
    name: { type: ['string', 'null'] },
    tlp: text,
    version: { type: 'string', description: 'the version’s modified (or created) timestamp' },
    api_root: text,
    collection: text,
    link: { type: 'string', description: 'the object’s TAXII URL' },
  }),
  AlertNotification: objectSchema({ id: text, subscription: text, alert: ref('AlertSummary'), created_at: date, read_at: { type: ['string', 'null'], format: 'date-time' } }),
  AlertNotificationList: objectSchema({ notifications: listOf('AlertNotification') }),
  AlertDeadLetter: objectSchema({
    id: text,
    subscription: text,
    channel: text,
    object: text,
    version: text,
    attempts: { type: 'integer' },
    last_error: { type: ['string', 'null'] },
    created_at: date,
    dead_at: { type: ['string', 'null'], format: 'date-time' },
  }),
  AlertDeadLetterList: objectSchema({ dead_letters: listOf('AlertDeadLetter') }),
  AlertHubDeadLetter: objectSchema({
    id: text,
    owner: { type: 'string', description: 'user id' },
    owner_name: { type: ['string', 'null'], description: 'user name; null once the user is removed' },
    subscription: text,
    subscription_name: { type: ['string', 'null'], description: 'null once the subscription is removed' },
    channel: { type: 'string', enum: ALERT_CHANNELS },
    object: { type: 'string', description: 'STIX id' },
    version: text,
    attempts: { type: 'integer' },
    last_error: { type: ['string', 'null'] },
    created_at: date,
    dead_at: date,
  }),
  AlertDeadLetterPage: objectSchema({ dead_letters: listOf('AlertHubDeadLetter'), next: { type: ['string', 'null'], description: 'the cursor of the next page; null on the last' } }),
  AlertMarkedRead: objectSchema({ id: text, read: { type: 'boolean', const: true } }),
  AlertMarkedAllRead: objectSchema({ read: { type: 'integer', description: 'how many notifications were unread and are now read' } }),
};
