/**
 * Principals: who a collection grant names, and who the caller is. A grant's principal is `user:<id>`,
 * `org:<id>`, `community:<id>` (each naming an existing user, organisation or community by id) or
 * `authenticated` (every signed-in user). The caller is described with its organisation and the communities
 * that organisation belongs to, read afresh so that a membership change shows at once.
 */
import type { Actor } from '../auth/actor.ts';
import type { User, UserService } from '../auth/user.service.ts';
import type { Community, CommunityService } from '../communities/community.service.ts';
import { invalid, isDomainError, notFound, unauthenticated } from '../errors.ts';
import type { Organisation, OrganisationService } from '../organisations/organisation.service.ts';

/** The signed-in caller, as it is stored now. */
export interface Caller {
  user: User;
  organisation: Organisation | null;
  /** The communities of the caller's organisation, by name. */
  communities: Community[];
}

/** Checking grant principals and describing the caller. */
export class PrincipalService {
  private readonly users: UserService;
  private readonly organisations: OrganisationService;
  private readonly communities: CommunityService;

  constructor(users: UserService, organisations: OrganisationService, communities: CommunityService) {
    this.users = users;
    this.organisations = organisations;
    this.communities = communities;
  }

  /**
   * Checks that a principal is of a known kind and names something that exists (by id, not by name).
   * `actor` is the one asking to grant (its right to do so is checked by the caller).
   * @throws DomainError `invalid` `principal.invalid_kind`; `not_found` `principal.not_found`.
   */
  async check(actor: Actor, principal: string): Promise<void> {
    if (principal === 'authenticated' || principal === 'anonymous') return;
    const [kind, id] = splitPrincipal(principal);
    if (kind === undefined || id === '') {
      const allowed = 'user:<id>, org:<id>, community:<id>, authenticated, anonymous';
      throw invalid('principal.invalid_kind', `"${principal}" is not a principal: a grant names ${allowed}`, { principal, allowed, field: 'principal' });
    }
    if (!(await this.exists(actor, kind, id))) {
      throw notFound('principal.not_found', `there is no ${kind === 'org' ? 'organisation' : kind} with id "${id}"`, { principal, field: 'principal' });
    }
  }

  /**
   * The signed-in user making the request, with its organisation and that organisation's communities.
   * @throws DomainError `unauthenticated` `auth.required` for anyone but a user (anonymous, the operator).
   */
  async describe(actor: Actor): Promise<Caller> {
    const user = actor.kind === 'user' ? await this.users.findById(actor.userId) : undefined;
    if (actor.kind !== 'user' || !user) throw unauthenticated('auth.required', 'only a signed-in user has a profile');
    if (user.organisationId === null) return { user, organisation: null, communities: [] };
    const organisation = await this.organisations.find(actor, user.organisationId);
    const ids = new Set(await this.communities.communityIdsOfOrganisation(organisation.id));
    const communities = (await this.communities.list(actor)).filter((community) => ids.has(community.id));
    return { user, organisation, communities };
  }

  private async exists(actor: Actor, kind: 'user' | 'org' | 'community', id: string): Promise<boolean> {
    if (kind === 'user') return (await this.users.findById(id)) !== undefined;
    try {
      // Both finders also take a name: only the very id names the principal.
      const found = kind === 'org' ? await this.organisations.find(actor, id) : await this.communities.find(actor, id);
      return found.id === id;
    } catch (error) {
      if (isDomainError(error) && error.kind === 'not_found') return false;
      throw error;
    }
  }
}

function splitPrincipal(principal: string): [kind: 'user' | 'org' | 'community' | undefined, id: string] {
  const colon = principal.indexOf(':');
  const kind = colon < 0 ? undefined : principal.slice(0, colon);
  const known = kind === 'user' || kind === 'org' || kind === 'community' ? kind : undefined;
  return [known, principal.slice(colon + 1)];
}
