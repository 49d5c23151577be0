/**
 * Storage of dead letters: the only SQL on the `dead` rows of `alert_deliveries` once the worker gave them
 * up. A page of them hub-wide (with the subscription's name, never its secret), one of them, sending one
 * back to the queue and discarding one; each change runs its audit hook in the same transaction.
 */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

/** A dead letter as stored, with the name of its subscription (null once the subscription was removed). */
export interface DeadLetterRecord {
  id: string;
  subscriptionId: string;
  subscriptionName: string | null;
  ownerId: string;
  channel: string;
  objectId: string;
  version: string;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  deadAt: number;
}

/** Which dead letters a page holds: an owner, a channel, those after a position of the previous page. */
export interface DeadLetterFilter {
  ownerId?: string | undefined;
  channel?: string | undefined;
  /** The last entry of the previous page (newest first: `deadAt` then `id`, both descending). */
  after?: { deadAt: number; id: string } | undefined;
  limit: number;
}

interface DeadLetterRow {
  id: string;
  subscription_id: string;
  subscription_name: string | null;
  owner_id: string;
  channel: string;
  object_id: string;
  version: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  done_at: number;
}

// The subscription's name only: never its secret or target.
const SELECT = `SELECT d.id, d.subscription_id, s.name AS subscription_name, d.owner_id, d.channel, d.object_id, d.version, d.attempts, d.last_error, d.created_at, d.done_at
  FROM alert_deliveries d LEFT JOIN alert_subscriptions s ON s.id = d.subscription_id`;

function toRecord(row: DeadLetterRow): DeadLetterRecord {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    subscriptionName: row.subscription_name,
    ownerId: row.owner_id,
    channel: row.channel,
    objectId: row.object_id,
    version: row.version,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    deadAt: Number(row.done_at),
  };
}

export class DeadLetterRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** A page of dead letters, the latest given up first. */
  async page(filter: DeadLetterFilter): Promise<DeadLetterRecord[]> {
    const where = ["d.state = 'dead'"];
    const params: (string | number)[] = [];
    if (filter.ownerId !== undefined) {
      where.push('d.owner_id = ?');
      params.push(filter.ownerId);
    }
    if (filter.channel !== undefined) {
      where.push('d.channel = ?');
      params.push(filter.channel);
    }
    if (filter.after !== undefined) {
      where.push('(d.done_at < ? OR (d.done_at = ? AND d.id < ?))');
      params.push(filter.after.deadAt, filter.after.deadAt, filter.after.id);
    }
    const rows = await this.db.all<DeadLetterRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.done_at DESC, d.id DESC LIMIT ?`, [...params, filter.limit]);
    return rows.map(toRecord);
  }

  /** One dead letter, or undefined when there is none of that id (or the delivery is not dead). */
  async find(id: string): Promise<DeadLetterRecord | undefined> {
    const row = await this.db.get<DeadLetterRow>(`${SELECT} WHERE d.id = ? AND d.state = 'dead'`, [id]);
    return row && toRecord(row);
  }

  /**
   * Sends a dead letter back to the queue: pending, no attempts, due at `at`. False when it is no longer
   * dead (retried or discarded meanwhile); `within` runs in the same transaction when it was.
   */
  async requeue(id: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = (await tx.run("UPDATE alert_deliveries SET state = 'pending', attempts = 0, next_at = ?, done_at = NULL WHERE id = ? AND state = 'dead'", [at, id])) > 0;
      if (changed) await within?.(tx, undefined);
      return changed;
    });
  }

  /** Removes a dead letter for good. False when it is no longer dead; `within` runs in the same transaction when it was. */
  async discard(id: string, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = (await tx.run("DELETE FROM alert_deliveries WHERE id = ? AND state = 'dead'", [id])) > 0;
      if (changed) await within?.(tx, undefined);
      return changed;
    });
  }
}
