/**
 * Dead letters looked after: the hub-wide list for holders of `alerts.manage` (platform administrators, the
 * operator), paged and filtered by owner and channel; and sending one back to the queue or discarding it, by
 * the subscription's owner (their own) or a holder of `alerts.manage` (any). A dead letter sent back is
 * pending again with no attempts, due now, and the worker is woken: when it is due the worker reads the
 * object again as the owner may read it then, so what they may no longer read (and anything RED) is dropped
 * as on every delivery. Both changes are audited (`alert.dead_letter_retry`, `alert.dead_letter_discard`).
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../../core/errors.ts';
import { can } from '../../../core/roles/roles.ts';
import type { DeadLetterRecord, DeadLetterRepository } from '../repositories/dead-letter.repository.ts';
import type { SubscriptionRepository } from '../repositories/subscription.repository.ts';
import { MANAGE_ALERTS } from './alert-roles.ts';
import { ALERT_CHANNELS } from './subscription.service.ts';

/** A dead letter with its owner's user name (null once the user is removed). */
export interface OwnedDeadLetter extends DeadLetterRecord {
  ownerName: string | null;
}

export interface DeadLetterPage {
  deadLetters: OwnedDeadLetter[];
  /** The cursor of the next page; null on the last. */
  next: string | null;
}

export interface DeadLetterQuery {
  /** Only this user's (a user name). */
  owner?: string | undefined;
  /** Only this channel's. */
  channel?: string | undefined;
  /** The `next` of the previous page. */
  cursor?: string | undefined;
  /** 1 to 200 (default 50). */
  limit?: number | undefined;
}

/** The users the service names: an id from a user name, a user name from an id. */
export interface DeadLetterUsers {
  idOf(name: string): Promise<string | undefined>;
  nameOf(id: string): Promise<string | undefined>;
}

export const DEAD_LETTER_LIMIT = { default: 50, max: 200 } as const;
const CURSOR = /^(\d{1,15})~([\w-]{1,100})$/;

/** Whether the actor looks after every owner's dead letters. */
export const mayManageAlerts = (actor: Actor) => can(actor, MANAGE_ALERTS);

function cursorOf(d: DeadLetterRecord): string {
  return `${d.deadAt}~${d.id}`;
}

function parseCursor(text: string | undefined): { deadAt: number; id: string } | undefined {
  if (text === undefined) return undefined;
  const match = CURSOR.exec(text);
  if (!match) throw invalid('alert.invalid_cursor', `"${text}" is not the next of a dead-letter page`, { field: 'cursor', cursor: text });
  return { deadAt: Number(match[1]), id: match[2]! };
}

export class DeadLetterService {
  private readonly deadLetters: DeadLetterRepository;
  private readonly subscriptions: SubscriptionRepository;
  private readonly users: DeadLetterUsers;
  private readonly audit: AuditLog;
  private readonly wake: () => void;
  private readonly clock: () => number;

  constructor(
    stores: { deadLetters: DeadLetterRepository; subscriptions: SubscriptionRepository },
    users: DeadLetterUsers,
    audit: AuditLog,
    wake: () => void,
    clock: () => number = Date.now,
  ) {
    this.deadLetters = stores.deadLetters;
    this.subscriptions = stores.subscriptions;
    this.users = users;
    this.audit = audit;
    this.wake = wake;
    this.clock = clock;
  }

  /**
   * A page of the hub's dead letters, the latest given up first.
   * @throws DomainError `unauthenticated` `auth.required`; `forbidden` `alert.dead_letters_forbidden` (no
   *   `alerts.manage`); `invalid` `alert.invalid_channel`, `alert.unknown_owner`, `alert.invalid_cursor`,
   *   `alert.invalid_limit`.
   */
  async list(actor: Actor, query: DeadLetterQuery = {}): Promise<DeadLetterPage> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'the dead letters of the hub need credentials');
    if (!mayManageAlerts(actor)) throw forbidden('alert.dead_letters_forbidden', 'only platform administrators list the dead letters of every subscription; GET /alerts/dead-letters lists your own', {});
    const limit = query.limit ?? DEAD_LETTER_LIMIT.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > DEAD_LETTER_LIMIT.max) throw invalid('alert.invalid_limit', `limit is a whole number from 1 to ${DEAD_LETTER_LIMIT.max}`, { field: 'limit', min: 1, max: DEAD_LETTER_LIMIT.max });
    if (query.channel !== undefined && !(ALERT_CHANNELS as readonly string[]).includes(query.channel)) {
      throw invalid('alert.invalid_channel', `"${query.channel}" is not an alert channel`, { field: 'channel', channel: query.channel, channels: ALERT_CHANNELS.join(', ') });
    }
    const ownerId = query.owner === undefined ? undefined : await this.users.idOf(query.owner);
    if (query.owner !== undefined && ownerId === undefined) throw invalid('alert.unknown_owner', `there is no user "${query.owner}" to list the dead letters of`, { field: 'owner', owner: query.owner });
    const page = await this.deadLetters.page({ ownerId, channel: query.channel, after: parseCursor(query.cursor), limit });
    const last = page.at(-1);
    return { deadLetters: await this.withOwners(page), next: page.length === limit && last ? cursorOf(last) : null };
  }

  /**
   * Sends a dead letter back to the queue (no attempts, due now) and wakes the worker; answers it as it was.
   * @throws DomainError `not_found` `alert.dead_letter_not_found`; `forbidden` `alert.dead_letter_forbidden`
   *   (another user's, without `alerts.manage`); `conflict` `alert.subscription_removed` (nothing to send it by).
   */
  async retry(actor: Actor, id: string): Promise<OwnedDeadLetter> {
    const letter = await this.require(actor, id);
    if (letter.subscriptionName === null || !(await this.subscriptions.findById(letter.subscriptionId))) {
      throw conflict('alert.subscription_removed', `the subscription of dead letter "${id}" was removed: there is nothing to send it by; discard it`, { dead_letter: id, subscription: letter.subscriptionId });
    }
    const done = await this.deadLetters.requeue(id, this.clock(), this.audit.within(actor, { action: 'alert.dead_letter_retry', target: id, details: this.detailsOf(letter) }));
    if (!done) throw this.gone(id);
    this.wake();
    return (await this.withOwners([letter]))[0]!;
  }

  /**
   * Discards a dead letter for good; answers it as it was.
   * @throws DomainError `not_found` `alert.dead_letter_not_found`; `forbidden` `alert.dead_letter_forbidden`.
   */
  async discard(actor: Actor, id: string): Promise<OwnedDeadLetter> {
    const letter = await this.require(actor, id);
    const done = await this.deadLetters.discard(id, this.audit.within(actor, { action: 'alert.dead_letter_discard', target: id, details: this.detailsOf(letter) }));
    if (!done) throw this.gone(id);
    return (await this.withOwners([letter]))[0]!;
  }

  private async require(actor: Actor, id: string): Promise<DeadLetterRecord> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'dead letters belong to a signed-in user');
    const letter = await this.deadLetters.find(id);
    if (!letter) throw this.gone(id);
    const own = actor.kind === 'user' && actor.userId === letter.ownerId;
    if (!own && !mayManageAlerts(actor)) throw forbidden('alert.dead_letter_forbidden', `dead letter "${id}" is another user's: only its owner or a platform administrator may retry or discard it`, { dead_letter: id });
    return letter;
  }

  private gone(id: string) {
    return notFound('alert.dead_letter_not_found', `there is no dead letter "${id}" (it may have been retried or discarded)`, { dead_letter: id });
  }

  private detailsOf(letter: DeadLetterRecord) {
    return { owner: letter.ownerId, subscription: letter.subscriptionId, channel: letter.channel, object: letter.objectId, attempts: letter.attempts };
  }

  private async withOwners(letters: readonly DeadLetterRecord[]): Promise<OwnedDeadLetter[]> {
    const names = new Map<string, string | null>();
    for (const ownerId of new Set(letters.map((d) => d.ownerId))) names.set(ownerId, (await this.users.nameOf(ownerId)) ?? null);
    return letters.map((d) => ({ ...d, ownerName: names.get(d.ownerId) ?? null }));
  }
}
