/** Storage of alert subscriptions: the only SQL on `alert_subscriptions`. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

/** A subscription as stored; `filters` is JSON. */
export interface SubscriptionRecord {
  id: string;
  ownerId: string;
  name: string;
  filters: string;
  channel: string;
  target: string;
  secret: string;
  digest: boolean;
  createdAt: number;
}

interface SubscriptionRow {
  id: string;
  owner_id: string;
  name: string;
  filters: string;
  channel: string;
  target: string;
  secret: string;
  digest: number;
  created_at: number;
}

const COLUMNS = 'id, owner_id, name, filters, channel, target, secret, digest, created_at';

function toRecord(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    filters: row.filters,
    channel: row.channel,
    target: row.target,
    secret: row.secret,
    digest: Number(row.digest) === 1,
    createdAt: Number(row.created_at),
  };
}

export class SubscriptionRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Stores a new subscription; `within` runs in the same transaction. */
  async insert(s: SubscriptionRecord, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO alert_subscriptions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [s.id, s.ownerId, s.name, s.filters, s.channel, s.target, s.secret, s.digest ? 1 : 0, s.createdAt]);
      await within?.(tx, undefined);
    });
  }

  async findById(id: string): Promise<SubscriptionRecord | undefined> {
    const row = await this.db.get<SubscriptionRow>(`SELECT ${COLUMNS} FROM alert_subscriptions WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  /** Every subscription, or one owner's; oldest first. */
  async list(ownerId?: string): Promise<SubscriptionRecord[]> {
    const rows = ownerId === undefined
      ? await this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM alert_subscriptions ORDER BY created_at, id`)
      : await this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM alert_subscriptions WHERE owner_id = ? ORDER BY created_at, id`, [ownerId]);
    return rows.map(toRecord);
  }

  /** Removes a subscription and what is still queued for it (its delivered and dead rows stay for the record). */
  async remove(id: string, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = (await tx.run('DELETE FROM alert_subscriptions WHERE id = ?', [id])) > 0;
      if (removed) {
        await tx.run("DELETE FROM alert_deliveries WHERE subscription_id = ? AND state = 'pending'", [id]);
        await within?.(tx, undefined);
      }
      return removed;
    });
  }
}
