/**
 * The visibility rule: who may see which version of an object, and which of its properties. Every read path
 * (TAXII objects, object, versions, manifest; exports; counts) asks this module for the reader's scope and
 * the repository applies it in the same query that reads the page, so no path can forget it.
 *
 * TLP 2.0, as Thiqa enforces it, for a reader of a collection:
 * - CLEAR: anyone who may read the collection, anonymous callers included where a collection is public;
 * - GREEN: signed-in readers of the collection (its community, or whoever a grant names);
 * - AMBER: readers who belong to the community whose API root holds the collection, the originating
 *   organisation, and the organisations it names (`x_thiqa_recipient_refs`); only in community collections;
 * - AMBER+STRICT: the originating organisation and the organisations it names, nothing passed on;
 * - RED: the user who stored it and the users it names (`x_thiqa_recipient_users`); never exported.
 * The most restrictive TLP marking wins; an unmarked object takes its collection's default (GREEN unless set),
 * as it was when the object arrived. A granular TLP marking more restrictive than the object's hides that
 * top-level property from readers below it; on a property the object cannot be valid without, it restricts
 * the whole object instead. `first`/`last` name the collection's versions: a reader who may not see an
 * object's latest version is not shown an older one as its latest.
 * Platform administrators read every collection at GREEN (plus what their organisation and name earn them);
 * the local operator (`system`) reads everything but exports nothing RED, and pushes to another server
 * nothing AMBER+STRICT or RED.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { TLP_AMBER, TLP_AMBER_STRICT, TLP_CLEAR, TLP_GREEN, TLP_RED, essentialProperties, redactObject, type SharingFacts, type SharingRule } from '../../../../shared/stix/sharing.ts';
import type { ReadScope, VersionAudience } from '../repositories/object.repository.ts';
import type { Collection } from './collection.service.ts';

/** `export` leaves out RED; `push` (objects sent to another TAXII server) leaves out AMBER+STRICT and RED. */
export type ReadPurpose = 'read' | 'export' | 'push';

/** The reader's scope in a collection it may read (see `ReadScope` for what the repository does with it). */
export function readScope(actor: Actor, collection: Collection, purpose: ReadPurpose = 'read'): ReadScope {
  const cap = purpose === 'export' ? TLP_AMBER_STRICT : purpose === 'push' ? TLP_AMBER : TLP_RED;
  if (actor.kind === 'system') return { base: TLP_RED, userId: null, orgId: null, cap };
  if (actor.kind === 'anonymous') return { base: collection.access.granted ? TLP_CLEAR : -1, userId: null, orgId: null, cap };
  const { granted, member } = collection.access;
  const base = !granted ? -1 : member && collection.access.community !== null ? TLP_AMBER : TLP_GREEN;
  return { base, userId: actor.userId, orgId: actor.organisationId, cap };
}

/** A problem with an object's sharing, reported like a validation error (rule code, JSON path, message). */
export interface SharingProblem {
  rule: SharingRule;
  path: string;
  message: string;
}

/** Recipients named by an object, resolved: organisation ids by identity id, user ids by user name. */
export interface ResolvedRecipients {
  organisations: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

/**
 * The audience of a version about to be stored by `actor` in `collection`, or the problems that stop it.
 * Nothing is widened by the server: the level is the object's (or the collection's default), raised by
 * granular markings on properties the object cannot be served without.
 */
export function audienceOf(
  facts: SharingFacts,
  type: string,
  actor: Actor,
  collection: Collection,
  recipients: ResolvedRecipients,
): { audience: VersionAudience } | { problems: SharingProblem[] } {
  const problems: SharingProblem[] = facts.problems.map(([property, reason]) => ({ rule: 'recipient-invalid', path: `$.${property}`, message: `${property} ${reason}` }));
  const essential = essentialProperties(type);
  let tlp = facts.level ?? collection.defaultTlp;
  for (const [property, level] of facts.fieldLevels) if (essential.has(property)) tlp = Math.max(tlp, level);
  const redactions = [...facts.fieldLevels].filter(([property, level]) => !essential.has(property) && level > tlp);

  const principals: string[] = [];
  facts.recipientRefs.forEach((ref, i) => {
    const organisation = recipients.organisations.get(ref);
    if (organisation === undefined) {
      problems.push({ rule: 'recipient-unknown', path: `$.x_thiqa_recipient_refs[${i}]`, message: `${ref} is not the identity of an organisation of this hub` });
    } else principals.push(`org:${organisation}`);
  });
  facts.recipientUsers.forEach((name, i) => {
    const user = recipients.users.get(name.toLowerCase());
    if (user === undefined) problems.push({ rule: 'recipient-unknown', path: `$.x_thiqa_recipient_users[${i}]`, message: `there is no user "${name}" on this hub` });
    else principals.push(`user:${user}`);
  });

  const levels = [tlp, ...redactions.map(([, level]) => level)];
  if (levels.includes(TLP_AMBER) && collection.access.community === null) {
    problems.push({
      rule: 'tlp-amber-outside-community',
      path: '$',
      message: 'TLP:AMBER is shared with a community: add the object to a collection of a community, or mark it AMBER+STRICT with named recipients',
    });
  }
  if (levels.includes(TLP_RED) && facts.recipientUsers.length === 0) {
    problems.push({ rule: 'tlp-red-without-recipients', path: '$', message: 'TLP:RED is for named people only: list their user names in x_thiqa_recipient_users' });
  }
  if (problems.length) return { problems };
  const user = actor.kind === 'user' ? actor : undefined;
  return {
    audience: {
      tlp,
      originUser: user?.userId ?? null,
      originOrg: user?.organisationId ?? null,
      recipients: [...new Set(principals)],
      redactions: redactions.length ? JSON.stringify(redactions) : null,
    },
  };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const NONE: ReadonlySet<string> = new Set();

/** The top-level properties of a version withheld from a reader (see `bodyFor`); none for most versions. */
export function withheldProperties(redactions: string | null | undefined, clearance: number | undefined, cap: number): ReadonlySet<string> {
  if (!redactions) return NONE;
  const reach = Math.min(clearance ?? TLP_RED, cap);
  return new Set((JSON.parse(redactions) as [string, number][]).filter(([, level]) => level > reach).map(([property]) => property));
}

/**
 * The body a reader is given: as stored, or without the properties its clearance does not reach. `clearance`
 * is the repository's answer for the row, `cap` the scope's.
 */
export function bodyFor(body: Uint8Array, redactions: string | null | undefined, clearance: number | undefined, cap: number): Uint8Array {
  const hidden = withheldProperties(redactions, clearance, cap);
  if (hidden.size === 0) return body;
  return encoder.encode(JSON.stringify(redactObject(JSON.parse(decoder.decode(body)) as Record<string, unknown>, hidden)));
}

