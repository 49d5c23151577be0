/**
 * The tamper-evident audit log: who did what, appended to a hash chain (see `audit-chain.ts`).
 *
 * Services get the `AuditLog` through their constructors and record an event either inside the transaction
 * of the change (`within`, handed to a repository write) or, where there is no change to join (sign-ins,
 * exports), in a transaction of its own (`record`).
 *
 * Each entry carries the organisation of the user who acted (`organisation_id`; null for `system`, anonymous
 * callers, failed sign-ins and users of no organisation). Who sees what: holders of `audit.read` everywhere
 * (platform administrators) and `system` see every entry; holders of it over their organisation
 * (`org-admin`) see their organisation's entries and their own; any other user sees only the entries where
 * they are the actor; anonymous callers see none.
 *
 * Limit: the chain proves the log was not changed by someone who cannot rewrite it whole. Someone with write
 * access to the database can recompute every hash and the head. `verify` therefore answers the head
 * (seq and hash) for an operator to record elsewhere, and checks an earlier record with `expectHead`.
 */
import { forbidden, invalid } from '../errors.ts';
import { isPrivileged, type Actor } from '../auth/actor.ts';
import { can } from '../roles/roles.ts';
import type { Queryable, TransactionHook } from '../db/database.ts';
import { canonicalJson } from '../../../shared/stix/index.ts';
import { ChainWalker, GENESIS_HASH, hashEntry, wasWrittenAs, type AuditEntry, type AuditProblem, type ChainHead } from './audit-chain.ts';
import type { AuditRepository, EntryFilter } from './audit.repository.ts';

/** What happened, as a service reports it. */
export interface AuditEvent {
  /** Stable code: `auth.sign_in`, `token.create`, `objects.add`… */
  action: string;
  target?: string | null;
  /** Small, flat facts (counts, ids). Never a password or a token. */
  details?: Record<string, string | number | boolean | null>;
}

/** The actor of an entry: an `Actor`, or a plain principal text (the attempted name of a failed sign-in). */
export type AuditPrincipal = Actor | string;

export interface VerifyResult {
  ok: boolean;
  /** Entries checked and found intact, from entry 1. */
  entries: number;
  /** The head as recorded in the store: write it down elsewhere to check against later (`expectHead`). */
  head: ChainHead;
  /** The first problem found (the walk stops there), or none. */
  problems: AuditProblem[];
}

export interface AuditLogOptions {
  now?: () => number;
}

const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const MAX_DETAILS = 4_096;
const MAX_ACTOR = 200;
const PAGE = 1_000;

/** The principal text of an actor: `user:<id>`, `system` or `anonymous` (as collection grants name them). */
export function principalOf(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : actor.kind;
}

/**
 * Parses an anchor `SEQ:HASH` (as printed by `thiqa audit verify`).
 * @throws DomainError `invalid` `audit.invalid_anchor`.
 */
export function parseAnchor(text: string): ChainHead {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw invalid('audit.invalid_anchor', `an expected head is SEQ:HASH (a number, ":" and 64 lower-case hex digits), got "${text}"`, { value: text });
  return { seq: Number(match[1]), hash: match[2]! };
}

/** Appending, reading and verifying the audit log. */
export class AuditLog {
  private readonly repository: AuditRepository;
  private readonly now: () => number;

  constructor(repository: AuditRepository, options: AuditLogOptions = {}) {
    this.repository = repository;
    this.now = options.now ?? Date.now;
  }

  /**
   * Appends an entry in a transaction of its own.
   * @throws DomainError `invalid` `audit.invalid_action` / `audit.details_too_large` (a programming error).
   */
  record(who: AuditPrincipal, event: AuditEvent): Promise<AuditEntry> {
    return this.repository.transaction((tx) => this.recordIn(tx, who, event));
  }

  /** Appends an entry inside the caller's transaction `tx`: it commits or rolls back with the change. */
  recordIn(tx: Queryable, who: AuditPrincipal, event: AuditEvent): Promise<AuditEntry> {
    if (!ACTION.test(event.action)) throw invalid('audit.invalid_action', `"${event.action}" is not an audit action code`, { action: event.action });
    const details = canonicalJson(event.details ?? {});
    if (details.length > MAX_DETAILS) throw invalid('audit.details_too_large', `audit details are limited to ${MAX_DETAILS} characters`, { action: event.action });
    const actor = (typeof who === 'string' ? who : principalOf(who)).slice(0, MAX_ACTOR);
    const organisationId = typeof who !== 'string' && who.kind === 'user' ? who.organisationId : null;
    return this.repository.append(tx, (head) => {
      const entry = {
        seq: head.seq + 1,
        at: this.now(),
        actor,
        action: event.action,
        target: event.target ?? null,
        details,
        organisationId,
        prevHash: head.hash,
      };
      return { ...entry, hash: hashEntry(entry) };
    });
  }

  /**
   * A hook for a repository write: appends the event inside that write's transaction once it has succeeded.
   * `event` may depend on the write's result; answering undefined records nothing.
   */
  within<R = void>(who: AuditPrincipal, event: AuditEvent | ((result: R) => AuditEvent | undefined)): TransactionHook<R> {
    return async (tx, result) => {
      const resolved = typeof event === 'function' ? event(result) : event;
      if (resolved) await this.recordIn(tx, who, resolved);
    };
  }

  /**
   * A page of the entries the actor may see, oldest first, after seq `after`.
   * @throws DomainError `forbidden` `audit.forbidden` (anonymous); `invalid` `audit.invalid_limit` (1–1000).
   */
  async list(actor: Actor, page: { after?: number; limit: number }): Promise<AuditEntry[]> {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > PAGE) {
      throw invalid('audit.invalid_limit', `limit must be a whole number from 1 to ${PAGE}`, { limit: page.limit });
    }
    return this.repository.page(page.after ?? 0, page.limit, this.visibleTo(actor));
  }

  /**
   * Every entry the actor may see, oldest first, streamed page by page; with `organisationId`, only the
   * entries of that organisation (whose users acted). The export itself is recorded (`audit.export`, with the
   * count and the organisation) once the last entry has been handed out.
   * @throws DomainError `forbidden` `audit.forbidden` (anonymous); `forbidden` `audit.organisation_forbidden`
   *   (an organisation whose entries the actor may not read).
   */
  async *export(actor: Actor, options: { organisationId?: string } = {}): AsyncGenerator<AuditEntry> {
    const filter = options.organisationId === undefined ? this.visibleTo(actor) : this.organisationFilter(actor, options.organisationId);
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = await this.repository.page(after, PAGE, filter);
      count += rows.length;
      yield* rows;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    const details: Record<string, string | number> = { entries: count };
    if (options.organisationId !== undefined) details.organisation = options.organisationId;
    await this.record(actor, { action: 'audit.export', details });
  }

  /**
   * Walks the whole chain in seq order, a page at a time, and answers the first place it breaks.
   * @throws DomainError `forbidden` `audit.verify_forbidden` unless the actor is privileged.
   */
  async verify(actor: Actor, options: { expectHead?: ChainHead; pageSize?: number } = {}): Promise<VerifyResult> {
    if (!isPrivileged(actor)) throw forbidden('audit.verify_forbidden', 'only administrators verify the audit log');
    const pageSize = options.pageSize ?? PAGE;
    const walker = new ChainWalker(options.expectHead);
    const stored = await this.repository.head();
    let after = 0;
    for (;;) {
      const rows = await this.repository.page(after, pageSize);
      for (const entry of rows) {
        const problem = walker.next(entry);
        if (problem) return this.result(walker, stored, await this.refine(problem, entry));
      }
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.seq;
    }
    if (!stored) {
      return this.result(walker, stored, { seq: walker.reached.seq, kind: 'head_mismatch', message: 'the head record of the log is missing' });
    }
    return this.result(walker, stored, walker.end(stored));
  }

  private result(walker: ChainWalker, stored: ChainHead | undefined, problem: AuditProblem | undefined): VerifyResult {
    return { ok: problem === undefined, entries: walker.entries, head: stored ?? walker.reached, problems: problem ? [problem] : [] };
  }

  /** An entry that fails its hash but is intact under the seq it was written with has been moved. */
  private async refine(problem: AuditProblem, entry: AuditEntry): Promise<AuditProblem> {
    if (problem.kind !== 'hash_mismatch') return problem;
    const before = entry.prevHash === GENESIS_HASH ? 0 : await this.repository.seqOfHash(entry.prevHash);
    if (before === undefined || !wasWrittenAs(entry, before + 1)) return problem;
    return { seq: entry.seq, kind: 'reordered', message: `entry ${entry.seq} is intact but was written as entry ${before + 1}: entries were reordered` };
  }

  /** What the actor may see: everything (no filter), its organisation's entries and its own, or its own. */
  private visibleTo(actor: Actor): EntryFilter | undefined {
    if (actor.kind === 'anonymous') throw forbidden('audit.forbidden', 'sign in to see audit entries');
    if (can(actor, 'audit.read')) return undefined;
    const own = principalOf(actor);
    if (actor.kind === 'user' && actor.organisationId !== null && can(actor, 'audit.read', { organisationId: actor.organisationId })) {
      return { actor: own, organisationId: actor.organisationId };
    }
    return { actor: own };
  }

  private organisationFilter(actor: Actor, organisationId: string): EntryFilter {
    if (actor.kind === 'anonymous') throw forbidden('audit.forbidden', 'sign in to see audit entries');
    if (!can(actor, 'audit.read', { organisationId })) {
      throw forbidden('audit.organisation_forbidden', `you may not read the audit entries of organisation ${organisationId}`, { organisation: organisationId });
    }
    return { organisationId };
  }
}
