/**
 * What a user reads of their alerts: in-app notifications (newest first, marked read one by one or all at once) and the
 * dead letters of their subscriptions (deliveries given up after every retry failed, with the last error).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { notFound, unauthenticated } from '../../../core/errors.ts';
import type { DeliveryRecord, DeliveryRepository } from '../repositories/delivery.repository.ts';
import type { AlertSummary } from './alert-channels.ts';

export interface Notification {
  id: string;
  subscriptionId: string;
  alert: AlertSummary;
  createdAt: number;
  readAt: number | null;
}

export interface DeadLetter {
  id: string;
  subscriptionId: string;
  channel: string;
  objectId: string;
  version: string;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  deadAt: number | null;
}

const LIST_LIMIT = 500;

function ownerOf(actor: Actor, what: string): string {
  if (actor.kind !== 'user') throw unauthenticated('auth.required', `${what} belong to a signed-in user`);
  return actor.userId;
}

function toNotification(d: DeliveryRecord): Notification {
  return { id: d.id, subscriptionId: d.subscriptionId, alert: JSON.parse(d.summary ?? '{}') as AlertSummary, createdAt: d.createdAt, readAt: d.readAt };
}

function toDeadLetter(d: DeliveryRecord): DeadLetter {
  return { id: d.id, subscriptionId: d.subscriptionId, channel: d.channel, objectId: d.objectId, version: d.version, attempts: d.attempts, lastError: d.lastError, createdAt: d.createdAt, deadAt: d.doneAt };
}

export class AlertInboxService {
  private readonly deliveries: DeliveryRepository;
  private readonly clock: () => number;

  constructor(deliveries: DeliveryRepository, clock: () => number = Date.now) {
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** The caller's in-app notifications, newest first (the latest 500); only unread ones with `unread`. */
  async notifications(actor: Actor, unread = false): Promise<Notification[]> {
    const list = (await this.deliveries.listOf(ownerOf(actor, 'notifications'), 'delivered', LIST_LIMIT, 'in-app')).map(toNotification);
    return unread ? list.filter((n) => n.readAt === null) : list;
  }

  /** Marks one of the caller's notifications read (again: nothing changes). @throws `alert.notification_not_found` (404). */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.deliveries.markRead(ownerOf(actor, 'notifications'), id, this.clock()))) throw notFound('alert.notification_not_found', `there is no notification "${id}"`, { notification: id });
  }

  /** Marks every unread notification of the caller read at once; how many were. */
  markAllRead(actor: Actor): Promise<number> {
    return this.deliveries.markAllRead(ownerOf(actor, 'notifications'), this.clock());
  }

  /** The dead letters of the caller's subscriptions, newest first (the latest 500). */
  async deadLetters(actor: Actor): Promise<DeadLetter[]> {
    return (await this.deliveries.listOf(ownerOf(actor, 'dead letters'), 'dead', LIST_LIMIT)).map(toDeadLetter);
  }
}
