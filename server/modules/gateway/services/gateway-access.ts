/**
 * Who may see and do what in the Gateway, stated once.
 * - Anyone, anonymous callers too, reads published records, their accepted revisions, the search and its
 *   facets, and exports. A record merged into another stays readable if it was ever published.
 * - Any user who belongs to an organisation, of any type, proposes records and corrections; so do platform
 *   administrators and the local operator (the CLI), who may belong to none.
 * - A record not yet published (or rejected) is seen by its proposer and the moderators only; a reader who
 *   may not see it gets a 404, as if it did not exist. Its new revisions come from its proposer.
 * - Moderators (`gateway.moderate`) see every revision with its proposer, note and comment, and decide on
 *   them, never on their own (four eyes; the operator excepted); the proposer of a revision sees it whole
 *   too. Others see the accepted revisions of a published record, without who proposed or moderated them.
 */
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { can } from '../../../core/roles/roles.ts';
import type { StoredRecord, StoredRevision } from '../repositories/record.repository.ts';

/** What access to a record depends on. */
type Visible = Pick<StoredRecord, 'status' | 'publishedAt' | 'proposedBy'>;

export const mayModerate = (actor: Actor) => can(actor, 'gateway.moderate');

export const mayPropose = (actor: Actor) => (actor.kind === 'user' && actor.organisationId !== null) || isPrivileged(actor);

/** The user id an actor writes under: the user's, or `system` for the operator. */
export const authorOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : actor.kind);

const isAuthor = (actor: Actor, id: string) => actor.kind !== 'anonymous' && authorOf(actor) === id;

/** Public: published, or merged after being published. */
export const isPublic = (record: Visible) => record.status === 'published' || (record.status === 'merged' && record.publishedAt !== null);

/** The record's proposer and the moderators. */
export const isInsider = (actor: Actor, record: Visible) => mayModerate(actor) || isAuthor(actor, record.proposedBy);

export const maySeeRecord = (actor: Actor, record: Visible) => isPublic(record) || isInsider(actor, record);

/** Whether the actor sees the revision at all, and whether whole (proposer, note, moderator, comment). */
export function revisionAccess(actor: Actor, record: StoredRecord, revision: StoredRevision): 'whole' | 'public' | 'none' {
  if (mayModerate(actor) || isAuthor(actor, revision.proposedBy)) return 'whole';
  if (isAuthor(actor, record.proposedBy) && !isPublic(record)) return 'whole';
  return revision.state === 'accepted' && isPublic(record) ? 'public' : 'none';
}

/** Moderators decide on revisions others proposed; the operator on any. */
export const mayDecide = (actor: Actor, revision: StoredRevision) => mayModerate(actor) && (actor.kind === 'system' || !isAuthor(actor, revision.proposedBy));

/** A record's new revision: anyone who may propose, for a published record; its proposer, for one not yet published. */
export const mayRevise = (actor: Actor, record: StoredRecord) => mayPropose(actor) && (record.status === 'published' || isAuthor(actor, record.proposedBy) || isPrivileged(actor));
