/**
 * Storage of alert deliveries: the only SQL on `alert_deliveries`. The queue survives a restart: a worker
 * claims what is due from here (so that a delivery goes to one worker, whichever process runs it, until the
 * claim runs out), and records each outcome here.
 */
import type { Database } from '../../../core/db/database.ts';

export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** A delivery as stored; `summary` is JSON once delivered. */
export interface DeliveryRecord {
  id: string;
  subscriptionId: string;
  ownerId: string;
  channel: string;
  apiRoot: string;
  collectionId: string;
  objectId: string;
  version: string;
  state: DeliveryState;
  attempts: number;
  nextAt: number;
  lastError: string | null;
  summary: string | null;
  createdAt: number;
  doneAt: number | null;
  readAt: number | null;
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  owner_id: string;
  channel: string;
  api_root: string;
  collection_id: string;
  object_id: string;
  version: string;
  state: string;
  attempts: number;
  next_at: number;
  last_error: string | null;
  summary: string | null;
  created_at: number;
  done_at: number | null;
  read_at: number | null;
}

const COLUMNS = 'id, subscription_id, owner_id, channel, api_root, collection_id, object_id, version, state, attempts, next_at, last_error, summary, created_at, done_at, read_at';

const optional = (value: number | null) => (value === null ? null : Number(value));

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    ownerId: row.owner_id,
    channel: row.channel,
    apiRoot: row.api_root,
    collectionId: row.collection_id,
    objectId: row.object_id,
    version: row.version,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    nextAt: Number(row.next_at),
    lastError: row.last_error,
    summary: row.summary,
    createdAt: Number(row.created_at),
    doneAt: optional(row.done_at),
    readAt: optional(row.read_at),
  };
}

export class DeliveryRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Queues deliveries; a version already queued for a subscription is not queued again. Answers how many were. */
  async enqueue(deliveries: readonly DeliveryRecord[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let queued = 0;
      for (const d of deliveries) {
        queued += await tx.run(
          `INSERT INTO alert_deliveries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, object_id, version) DO NOTHING`,
          [d.id, d.subscriptionId, d.ownerId, d.channel, d.apiRoot, d.collectionId, d.objectId, d.version, d.state, d.attempts, d.nextAt, d.lastError, d.summary, d.createdAt, d.doneAt, d.readAt],
        );
      }
      return queued;
    });
  }

  /**
   * Claims pending deliveries due at `now` that no worker holds, until `until`: the earliest first, at most
   * `limit`. A delivery another worker claimed is not given again before its claim runs out (one statement:
   * SQLite runs one writer at a time; PostgreSQL skips the rows another claim is locking).
   */
  async claimDue(now: number, limit: number, until: number): Promise<DeliveryRecord[]> {
    const lock = this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.db.transaction((tx) =>
      tx.all<DeliveryRow>(
        `UPDATE alert_deliveries SET claimed_until = ? WHERE id IN (SELECT id FROM alert_deliveries WHERE state = 'pending' AND next_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_at, id LIMIT ?${lock}) RETURNING ${COLUMNS}`,
        [until, now, now, limit],
      ),
    );
    return rows.map(toRecord).sort((a, b) => a.nextAt - b.nextAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Every pending delivery of a subscription (a digest goes out whole). */
  async pendingOf(subscriptionId: string): Promise<DeliveryRecord[]> {
    const rows = await this.db.all<DeliveryRow>(`SELECT ${COLUMNS} FROM alert_deliveries WHERE state = 'pending' AND subscription_id = ? ORDER BY created_at, id`, [subscriptionId]);
    return rows.map(toRecord);
  }

  /** When the next pending delivery is due, if any: for one another worker holds, when its claim runs out. */
  async nextDue(): Promise<number | undefined> {
    const row = await this.db.get<{ next_at: number | null }>(
      "SELECT MIN(CASE WHEN claimed_until > next_at THEN claimed_until ELSE next_at END) AS next_at FROM alert_deliveries WHERE state = 'pending'",
    );
    return row?.next_at === null || row === undefined ? undefined : Number(row.next_at);
  }

  /** Records deliveries made, each with the summary it carried. */
  async delivered(done: readonly { id: string; summary: string }[], at: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const d of done) await tx.run("UPDATE alert_deliveries SET state = 'delivered', summary = ?, done_at = ?, last_error = NULL WHERE id = ?", [d.summary, at, d.id]);
    });
  }

  /** Records a failed attempt: due again at `nextAt`, or dead (`nextAt` undefined). */
  async failed(ids: readonly string[], attempts: number, error: string, at: number, nextAt: number | undefined): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const id of ids) {
        if (nextAt === undefined) await tx.run("UPDATE alert_deliveries SET state = 'dead', attempts = ?, last_error = ?, done_at = ?, claimed_until = NULL WHERE id = ?", [attempts, error, at, id]);
        else await tx.run('UPDATE alert_deliveries SET attempts = ?, last_error = ?, next_at = ?, claimed_until = NULL WHERE id = ?', [attempts, error, nextAt, id]);
      }
    });
  }

  /** Drops deliveries that must not go out (the owner may no longer read the object, or it is RED now). */
  async drop(ids: readonly string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const id of ids) await tx.run('DELETE FROM alert_deliveries WHERE id = ?', [id]);
    });
  }

  /** One owner's deliveries in a state (and channel), newest first, at most `limit`. */
  async listOf(ownerId: string, state: DeliveryState, limit: number, channel?: string): Promise<DeliveryRecord[]> {
    const rows = channel === undefined
      ? await this.db.all<DeliveryRow>(`SELECT ${COLUMNS} FROM alert_deliveries WHERE owner_id = ? AND state = ? ORDER BY created_at DESC, id LIMIT ?`, [ownerId, state, limit])
      : await this.db.all<DeliveryRow>(`SELECT ${COLUMNS} FROM alert_deliveries WHERE owner_id = ? AND state = ? AND channel = ? ORDER BY created_at DESC, id LIMIT ?`, [ownerId, state, channel, limit]);
    return rows.map(toRecord);
  }

  /** Marks one owner's in-app notification read; false when there is none of that id. */
  async markRead(ownerId: string, id: string, at: number): Promise<boolean> {
    const changed = await this.db.run("UPDATE alert_deliveries SET read_at = COALESCE(read_at, ?) WHERE id = ? AND owner_id = ? AND channel = 'in-app' AND state = 'delivered'", [at, id, ownerId]);
    return changed > 0;
  }

  /** Marks every unread in-app notification of one owner read; how many were. */
  markAllRead(ownerId: string, at: number): Promise<number> {
    return this.db.run("UPDATE alert_deliveries SET read_at = ? WHERE owner_id = ? AND channel = 'in-app' AND state = 'delivered' AND read_at IS NULL", [at, ownerId]);
  }
}
