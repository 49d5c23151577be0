/**
 * The Alerts module's tables. `alert_subscriptions`: one row per subscription: its owner (a user id), name,
 * filters (JSON, see `SubscriptionFilters`), channel (`webhook`, `email`, `in-app`) and its target (URL or
 * address), the webhook's signing secret, whether it is delivered as a daily digest, when it was made.
 * `alert_deliveries`: the durable queue: one row per object version matched for a subscription (once:
 * unique), its state (`pending`, `delivered`, `dead`), attempts, when it is next due, the last error, the
 * summary that was delivered, and for in-app notifications when the owner read it. `alerts-0002` indexes the
 * dead letters by when they were given up. `claimed_until` (alerts-0003): until when a worker has taken a
 * pending delivery, so that workers of several processes on one store never send it twice.
 */
import type { Migration } from '../../../core/db/migrate.ts';

const tables = [
  `CREATE TABLE alert_subscriptions (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    filters TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    secret TEXT NOT NULL,
    digest INTEGER NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  'CREATE INDEX alert_subscriptions_owner ON alert_subscriptions (owner_id, created_at)',
  `CREATE TABLE alert_deliveries (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    api_root TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    object_id TEXT NOT NULL,
    version TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_at BIGINT NOT NULL,
    last_error TEXT,
    summary TEXT,
    created_at BIGINT NOT NULL,
    done_at BIGINT,
    read_at BIGINT,
    UNIQUE (subscription_id, object_id, version)
  )`,
  'CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_at)',
  'CREATE INDEX alert_deliveries_owner ON alert_deliveries (owner_id, state, created_at)',
];

// The hub-wide dead-letter list reads the latest given up first.
const deadLetters = ['CREATE INDEX alert_deliveries_dead ON alert_deliveries (state, done_at, id)'];

export const alertMigrations: Migration[] = [
  { id: 'alerts-0001-subscriptions-deliveries', up: tables },
  { id: 'alerts-0002-dead-letters', up: deadLetters },
  { id: 'alerts-0003-delivery-claims', up: ['ALTER TABLE alert_deliveries ADD COLUMN claimed_until BIGINT'] },
];
