/**
 * The Alerts module's REST answers as the UI reads them (subscriptions, in-app notifications, dead letters)
 * and their paths, built in one place so that every id is encoded the same way; the server's OpenAPI
 * document at /api/openapi.json is the reference.
 */
import type { TlpName } from './types.ts';

export type AlertChannel = 'in-app' | 'webhook' | 'email';
/** The TLP ceilings a subscription may have: RED is never notified. */
export const ALERT_TLP_CEILINGS = ['clear', 'green', 'amber', 'amber+strict'] as const satisfies readonly TlpName[];
export type AlertTlpCeiling = (typeof ALERT_TLP_CEILINGS)[number];

export interface AlertSubscription {
  id: string;
  owner: string;
  name: string;
  channel: AlertChannel;
  /** The webhook URL or e-mail address; empty in the app. */
  target: string;
  digest: boolean;
  communities: string[];
  collections: string[];
  types: string[];
  labels: string[];
  max_tlp: AlertTlpCeiling;
  watch: string[];
  created_at: string;
}

/** POST /alerts/subscriptions: a webhook's secret is in this answer only. */
export interface NewAlertSubscription {
  subscription: AlertSubscription;
  secret?: string;
}

/** The object an alert is about, as it was when it matched. */
export interface AlertSummary {
  id: string;
  type: string;
  name: string | null;
  tlp: TlpName;
  version: string;
  api_root: string;
  collection: string;
  link: string;
}

export interface AlertNotification {
  id: string;
  subscription: string;
  alert: AlertSummary;
  created_at: string;
  read_at: string | null;
}

export interface AlertDeadLetter {
  id: string;
  subscription: string;
  channel: AlertChannel;
  object: string;
  version: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  dead_at: string | null;
}

/** A dead letter as administrators list it, with its owner's and its subscription's names (never a secret). */
export interface AlertHubDeadLetter extends AlertDeadLetter {
  owner: string;
  owner_name: string | null;
  subscription_name: string | null;
  dead_at: string;
}

/** A page of the hub's dead letters; `next` is the cursor of the following page, null on the last. */
export interface AlertDeadLetterPage {
  dead_letters: AlertHubDeadLetter[];
  next: string | null;
}

/** What the administrators' list of dead letters is narrowed to. */
export interface DeadLetterFilter {
  owner: string;
  channel: AlertChannel | '';
}

/** The REST paths of the Alerts module. */
export const alertPaths = {
  subscriptions: '/alerts/subscriptions',
  subscription: (id: string) => `/alerts/subscriptions/${encodeURIComponent(id)}`,
  notifications: '/alerts/notifications',
  unread: '/alerts/notifications?unread=true',
  markRead: (id: string) => `/alerts/notifications/${encodeURIComponent(id)}/read`,
  markAllRead: '/alerts/notifications/read',
  deadLetters: '/alerts/dead-letters',
  retryDeadLetter: (id: string) => `/alerts/dead-letters/${encodeURIComponent(id)}/retry`,
  deadLetter: (id: string) => `/alerts/dead-letters/${encodeURIComponent(id)}`,
  /** A page of the hub's dead letters (administrators). */
  hubDeadLetters: (filter: DeadLetterFilter, cursor?: string) => {
    const query = new URLSearchParams();
    if (filter.owner.trim() !== '') query.set('owner', filter.owner.trim());
    if (filter.channel !== '') query.set('channel', filter.channel);
    if (cursor !== undefined) query.set('cursor', cursor);
    const text = query.toString();
    return `/alerts/dead-letters/all${text === '' ? '' : `?${text}`}`;
  },
} as const;

/** The UI addresses of the alert pages. */
export const alertPages = { notifications: '/alerts', subscriptions: '/alerts/subscriptions' } as const;
