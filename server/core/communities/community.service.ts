/**
 * Sharing communities ("National CIRT of X and its constituents", "Arab regional CIRTs", "Global"): groups of
 * organisations. A collection granted to `community:<id>` is shared with every user of every member.
 *
 * Platform administrators and the operator (`system`) make communities and change their members; any
 * signed-in caller may list and find them. Every change is recorded in the audit log (`community.add`,
 * `community.join`, `community.leave`) in the same transaction as the change. A community comes with a TAXII
 * API root named by its slug; the API roots live in the Exchange module, so that module creates both in one
 * transaction (`prepareAdd` hands it the community's half).
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit.service.ts';
import { isPrivileged, type Actor } from '../auth/actor.ts';
import type { TransactionHook } from '../db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { communitySlug } from './community-slug.ts';
import type { CommunityRecord, CommunityRepository, MembershipRecord } from './community.repository.ts';

/** A community as services and presenters see it. */
export interface Community {
  id: string;
  name: string;
  /** The URL segment of its TAXII API root. */
  slug: string;
  description: string | null;
  createdAt: number;
}

/** A community with its number of member organisations. */
export interface CommunitySummary extends Community {
  members: number;
}

/** What `prepareAdd` takes; a blank description counts as absent. */
export interface NewCommunity {
  name: string;
  description?: string | undefined;
}

/** A community ready to be stored: `within` stores it (and its audit entry) in the caller's transaction. */
export interface PreparedCommunity {
  community: Community;
  within: TransactionHook;
}

export interface CommunityServiceOptions {
  now?: () => number;
}

const NAME = /^[^\p{Cc}]{1,200}$/u;
const DESCRIPTION = /^[^\p{Cc}]{1,1000}$/u;

const exists = (name: string) => conflict('community.exists', `a community named "${name}" already exists`, { name });

/** Communities and their member organisations. */
export class CommunityService {
  private readonly communities: CommunityRepository;
  private readonly organisations: OrganisationService;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(communities: CommunityRepository, organisations: OrganisationService, audit: AuditLog, options: CommunityServiceOptions = {}) {
    this.communities = communities;
    this.organisations = organisations;
    this.audit = audit;
    this.now = options.now ?? Date.now;
  }

  /**
   * Checks a new community and derives its slug, storing nothing: the hook answered stores it, with its
   * `community.add` audit entry, inside the transaction that creates its API root. `reservedSlugs` are URL
   * segments the server keeps for itself.
   * @throws DomainError `forbidden` `community.forbidden`; `invalid` `community.invalid_name`,
   *   `community.invalid_description`; `conflict` `community.exists` (now, or when the hook runs).
   */
  async prepareAdd(actor: Actor, input: NewCommunity, reservedSlugs: ReadonlySet<string>): Promise<PreparedCommunity> {
    if (!isPrivileged(actor)) throw forbidden('community.forbidden', 'only administrators add communities');
    const name = input.name.trim().normalize('NFC');
    if (!NAME.test(name)) throw invalid('community.invalid_name', 'a community name is 1 to 200 characters, no control characters', { name: input.name, field: 'name' });
    const description = input.description?.trim() || null;
    if (description !== null && !DESCRIPTION.test(description)) {
      throw invalid('community.invalid_description', 'a description is 1 to 1000 characters, no control characters', { field: 'description' });
    }
    if (await this.communities.findByIdOrName(name)) throw exists(name);
    const record: CommunityRecord = { id: randomUUID(), name, slug: communitySlug(name, reservedSlugs), description, createdAt: this.now() };
    const audited = this.audit.within(actor, { action: 'community.add', target: record.id, details: { name, slug: record.slug } });
    const within: TransactionHook = async (tx) => {
      // A race lost since the check above: throwing rolls the API root back with it.
      if (!(await this.communities.insertIn(tx, record))) throw exists(name);
      await audited(tx, undefined);
    };
    return { community: { ...record }, within };
  }

  /**
   * Makes an organisation a member. Answers whether that changed anything (false: it already was one).
   * @throws DomainError `forbidden` `community.forbidden`; `not_found` `community.not_found`,
   *   `organisation.not_found`.
   */
  async join(actor: Actor, community: string, organisation: string): Promise<{ community: Community; organisationId: string; changed: boolean }> {
    const { found, organisationId } = await this.resolveChange(actor, community, organisation);
    const audited = this.audit.within(actor, { action: 'community.join', target: found.id, details: { organisation: organisationId } });
    const changed = await this.communities.addMember({ communityId: found.id, organisationId, joinedAt: this.now() }, audited);
    return { community: found, organisationId, changed };
  }

  /**
   * Ends an organisation's membership. Answers whether that changed anything (false: it was no member).
   * @throws DomainError as `join`.
   */
  async leave(actor: Actor, community: string, organisation: string): Promise<{ community: Community; organisationId: string; changed: boolean }> {
    const { found, organisationId } = await this.resolveChange(actor, community, organisation);
    const audited = this.audit.within(actor, { action: 'community.leave', target: found.id, details: { organisation: organisationId } });
    const changed = await this.communities.removeMember(found.id, organisationId, audited);
    return { community: found, organisationId, changed };
  }

  /**
   * Every community with its member count, by name.
   * @throws DomainError `forbidden` `community.forbidden` (anonymous).
   */
  async list(actor: Actor): Promise<CommunitySummary[]> {
    requireSignedIn(actor);
    return this.communities.listWithCounts();
  }

  /**
   * The community with that id, or else that name (any case).
   * @throws DomainError `not_found` `community.not_found`; `forbidden` `community.forbidden` (anonymous).
   */
  async find(actor: Actor, idOrName: string): Promise<Community> {
    requireSignedIn(actor);
    const found = await this.communities.findByIdOrName(idOrName);
    if (!found) throw notFound('community.not_found', `no community "${idOrName}"`, { community: idOrName });
    return found;
  }

  /**
   * A community with its member organisations, in the order they joined.
   * @throws DomainError as `find`.
   */
  async findWithMembers(actor: Actor, idOrName: string): Promise<{ community: Community; members: MembershipRecord[] }> {
    const community = await this.find(actor, idOrName);
    return { community, members: await this.communities.members(community.id) };
  }

  /**
   * The member organisations of a community, in the order they joined.
   * @throws DomainError as `find`.
   */
  async membersOf(actor: Actor, idOrName: string): Promise<MembershipRecord[]> {
    return this.communities.members((await this.find(actor, idOrName)).id);
  }

  /**
   * Ids of the communities an organisation belongs to, read afresh on every call so that a membership change
   * holds from the next request. For access checks: no actor, no audit.
   */
  async communityIdsOfOrganisation(organisationId: string): Promise<string[]> {
    return (await this.communities.communitiesOf(organisationId)).map((c) => c.id);
  }

  /** Ids and slugs (their API roots' names) of an organisation's communities, read afresh like `communityIdsOfOrganisation`. */
  communitiesOfOrganisation(organisationId: string): Promise<{ id: string; slug: string }[]> {
    return this.communities.communitiesOf(organisationId);
  }

  /** The community whose API root is named `slug`, if any. For access checks: no actor. */
  bySlug(slug: string): Promise<Community | undefined> {
    return this.communities.findBySlug(slug);
  }

  private async resolveChange(actor: Actor, community: string, organisation: string): Promise<{ found: Community; organisationId: string }> {
    if (!isPrivileged(actor)) throw forbidden('community.forbidden', 'only administrators change who belongs to a community');
    const found = await this.find(actor, community);
    const organisationId = (await this.organisations.find(actor, organisation)).id;
    return { found, organisationId };
  }
}

function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw forbidden('community.forbidden', 'sign in to see communities');
}
