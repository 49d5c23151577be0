/**
 * The Alerts module's REST endpoints as data: each signed-in user makes, lists and removes their own alert
 * subscriptions, reads their in-app notifications (and marks them read), and sees their dead letters, retries
 * or discards them; platform administrators (`alerts.manage`) list every owner's dead letters and retry or
 * discard any.
 * Webhook deliveries carry `X-Thiqa-Signature: sha256=<hex>`: HMAC-SHA256 of the raw request body keyed with
 * the subscription's secret; a receiver recomputes it over the bytes it received and compares in constant time.
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { ALERT_SCHEMAS } from '../presenters/alert.presenter.ts';
import { DEAD_LETTER_LIMIT } from '../services/dead-letter.service.ts';

const tag = 'alerts';
const list = (description: string) => ({ type: 'string-list', description }) as const;

export const ALERT_REST_ENDPOINTS = {
  createAlertSubscription: {
    method: 'post',
    path: '/alerts/subscriptions',
    tag,
    summary: 'Subscribe the caller to alerts on what they may read (never RED), by webhook, e-mail or in the app',
    body: {
      fields: {
        channel: { type: 'string', description: 'webhook, email or in-app' },
        name: { type: 'string', description: 'what it is for, 1 to 100 characters' },
        url: { type: 'string', description: 'webhook: the http(s) URL the alerts are POSTed to (JSON, signed: X-Thiqa-Signature: sha256=HMAC-SHA256(secret, body))' },
        secret: { type: 'string', description: 'webhook: the signing secret, 16 to 200 characters (default: 32 random bytes, hex, answered once)' },
        email: { type: 'string', description: 'email: the address' },
        digest: { type: 'boolean', description: 'true: one message a day at 00:00 UTC instead of one per object' },
        communities: list('community ids: objects of their API roots'),
        collections: list('collection ids or aliases the caller may read'),
        types: list('STIX types'),
        labels: list('any of these labels'),
        max_tlp: { type: 'string', description: 'TLP ceiling: clear, green, amber or amber+strict (the default); RED is never notified' },
        watch: list('observable values (at most 10,000): an SCO’s value or a constant an indicator’s pattern compares for equality'),
        major_incidents: { type: 'boolean', description: 'true: only incidents marked major (incident_types holds “major” in the Incident Core Extension), each version from the one that marks it on' },
      },
      required: ['channel'],
    },
    success: { status: 201, description: 'the subscription, and a webhook’s secret in this answer only', schema: ref('NewAlertSubscription') },
    errors: { 400: 'a channel, URL, address, secret, TLP ceiling, type or name is not usable', 404: 'a collection named is unknown or not readable by the caller' },
  },
  listAlertSubscriptions: {
    method: 'get',
    path: '/alerts/subscriptions',
    tag,
    summary: 'The caller’s alert subscriptions, oldest first',
    success: { status: 200, description: 'the subscriptions', schema: ref('AlertSubscriptionList') },
    errors: {},
  },
  getAlertSubscription: {
    method: 'get',
    path: '/alerts/subscriptions/{id}',
    tag,
    summary: 'One of the caller’s alert subscriptions',
    parameters: { id: 'subscription id' },
    success: { status: 200, description: 'the subscription', schema: ref('AlertSubscription') },
    errors: { 404: 'no such subscription, or not the caller’s (alert.not_found)' },
  },
  removeAlertSubscription: {
    method: 'delete',
    path: '/alerts/subscriptions/{id}',
    tag,
    summary: 'Remove one of the caller’s alert subscriptions, and what is still queued for it',
    parameters: { id: 'subscription id' },
    success: { status: 200, description: 'the subscription as it was', schema: ref('AlertSubscription') },
    errors: { 404: 'no such subscription, or not the caller’s (alert.not_found)' },
  },
  listAlertNotifications: {
    method: 'get',
    path: '/alerts/notifications',
    tag,
    summary: 'The caller’s in-app notifications, newest first (the latest 500)',
    query: [{ name: 'unread', type: 'string', description: 'true: unread ones only' }],
    success: { status: 200, description: 'the notifications', schema: ref('AlertNotificationList') },
    errors: {},
  },
  markAlertNotificationRead: {
    method: 'post',
    path: '/alerts/notifications/{id}/read',
    tag,
    summary: 'Mark one of the caller’s notifications read (again: nothing changes)',
    parameters: { id: 'notification id' },
    success: { status: 200, description: 'done', schema: ref('AlertMarkedRead') },
    errors: { 404: 'no such notification, or not the caller’s (alert.notification_not_found)' },
  },
  markAllAlertNotificationsRead: {
    method: 'post',
    path: '/alerts/notifications/read',
    tag,
    summary: 'Mark every unread notification of the caller read at once',
    success: { status: 200, description: 'how many were unread', schema: ref('AlertMarkedAllRead') },
    errors: {},
  },
  listAlertDeadLetters: {
    method: 'get',
    path: '/alerts/dead-letters',
    tag,
    summary: 'Deliveries of the caller’s subscriptions given up after every retry failed, with the last error, newest first',
    success: { status: 200, description: 'the dead letters', schema: ref('AlertDeadLetterList') },
    errors: {},
  },
  listHubAlertDeadLetters: {
    method: 'get',
    path: '/alerts/dead-letters/all',
    tag,
    summary: 'The dead letters of every subscription of the hub, the latest given up first, a page at a time (platform administrators)',
    query: [
      { name: 'owner', type: 'string', description: 'only those of this user (a user name)' },
      { name: 'channel', type: 'string', description: 'only those of this channel: webhook, email or in-app' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: DEAD_LETTER_LIMIT.max, description: `page size (default ${DEAD_LETTER_LIMIT.default})` },
      { name: 'cursor', type: 'string', description: 'the next of the previous page' },
    ],
    success: { status: 200, description: 'a page of dead letters: owner, subscription, channel, object, attempts, last error, when (never a secret)', schema: ref('AlertDeadLetterPage') },
    errors: { 400: 'an unknown owner or channel, a limit out of range or a cursor that is not a page’s next', 403: 'the caller is not a platform administrator (alert.dead_letters_forbidden)' },
  },
  retryAlertDeadLetter: {
    method: 'post',
    path: '/alerts/dead-letters/{id}/retry',
    tag,
    summary: 'Send a dead letter back to the queue: no attempts, due now; it is still read as its owner may read it when it goes out, never RED (recorded as alert.dead_letter_retry)',
    parameters: { id: 'dead letter id' },
    success: { status: 200, description: 'the dead letter as it was', schema: ref('AlertHubDeadLetter') },
    errors: {
      403: 'another user’s, and the caller is not a platform administrator (alert.dead_letter_forbidden)',
      404: 'no such dead letter: unknown, or already retried or discarded (alert.dead_letter_not_found)',
      409: 'its subscription was removed (alert.subscription_removed)',
    },
  },
  discardAlertDeadLetter: {
    method: 'delete',
    path: '/alerts/dead-letters/{id}',
    tag,
    summary: 'Discard a dead letter for good (recorded as alert.dead_letter_discard)',
    parameters: { id: 'dead letter id' },
    success: { status: 200, description: 'the dead letter as it was', schema: ref('AlertHubDeadLetter') },
    errors: {
      403: 'another user’s, and the caller is not a platform administrator (alert.dead_letter_forbidden)',
      404: 'no such dead letter: unknown, or already retried or discarded (alert.dead_letter_not_found)',
    },
  },
} as const satisfies Record<string, RestEndpoint>;

export const ALERT_REST_API: RestApiPart = { endpoints: ALERT_REST_ENDPOINTS, schemas: ALERT_SCHEMAS };
