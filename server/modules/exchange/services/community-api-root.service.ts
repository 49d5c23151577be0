/**
 * Communities as the Exchange module serves them: each community has a TAXII API root named by its slug, so
 * its sharing rules hold for plain TAXII clients too, and its collections are granted to `community:<id>`.
 * The community lives in the core and the API root here; the two are created in one transaction (the
 * community's insert runs inside the API root's), so a failure leaves neither.
 */
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import type { Community, CommunityService, NewCommunity } from '../../../core/communities/community.service.ts';
import { conflict, isDomainError } from '../../../core/errors.ts';
import { RESERVED_API_ROOT_NAMES, type ApiRoot, type ApiRootService } from './api-root.service.ts';
import type { Collection, CollectionService } from './collection.service.ts';

/** What a community's collection takes: a collection without API root or grants (both follow from it). */
export interface NewCommunityCollection {
  title: string;
  description?: string | undefined;
  alias?: string | undefined;
  /** TLP level for objects that arrive unmarked (`green` when absent). */
  defaultTlp?: string | undefined;
}

export interface CommunityApiRootOptions {
  /** `max_content_length` of each community's API root, bytes. */
  maxContentLength: number;
}

/** Adding communities with their API roots, and collections shared with a community. */
export class CommunityApiRootService {
  private readonly communities: CommunityService;
  private readonly apiRoots: ApiRootService;
  private readonly collections: CollectionService;
  private readonly maxContentLength: number;

  constructor(communities: CommunityService, apiRoots: ApiRootService, collections: CollectionService, options: CommunityApiRootOptions) {
    this.communities = communities;
    this.apiRoots = apiRoots;
    this.collections = collections;
    this.maxContentLength = options.maxContentLength;
  }

  /**
   * Adds a community and its API root (named by the slug, titled by the community's name), both or neither.
   * @throws DomainError as `CommunityService.prepareAdd`; `conflict` `community.api_root_exists` when an API
   *   root of that name exists already (rename the community, or choose another name).
   */
  async add(actor: Actor, input: NewCommunity): Promise<{ community: Community; apiRoot: ApiRoot }> {
    const prepared = await this.communities.prepareAdd(actor, input, RESERVED_API_ROOT_NAMES);
    const { slug, name } = prepared.community;
    const taken = () => conflict('community.api_root_exists', `an API root named "${slug}" already exists`, { apiRoot: slug, name });
    if ((await this.apiRoots.list(actor)).some((root) => root.name === slug)) throw taken();
    try {
      const apiRoot = await this.apiRoots.create(
        actor,
        { name: slug, title: name, description: prepared.community.description ?? undefined, maxContentLength: this.maxContentLength },
        prepared.within,
      );
      return { community: prepared.community, apiRoot };
    } catch (error) {
      // Created by someone else between the check and the insert.
      if (isDomainError(error) && error.code === 'api_root.exists') throw taken();
      throw error;
    }
  }

  /**
   * The API roots discovery shows the actor: every root outside communities, the roots of its organisation's
   * communities, and any other root holding a collection it reaches (by a grant, or named as a recipient).
   * Discovery shows a caller the roots it can use, not every community of the hub (those are listed by the
   * REST API). Administrators see every root.
   */
  async discoverable(actor: Actor): Promise<ApiRoot[]> {
    const roots = await this.apiRoots.list(actor);
    if (isPrivileged(actor)) return roots;
    const communityRoots = new Set((await this.communities.list(actor)).map((c) => c.slug));
    const mine = new Set(actor.kind === 'user' && actor.organisationId !== null ? (await this.communities.communitiesOfOrganisation(actor.organisationId)).map((c) => c.slug) : []);
    const reached = new Set((await this.collections.listAll(actor)).map((c) => c.apiRoot));
    return roots.filter((root) => !communityRoots.has(root.name) || mine.has(root.name) || reached.has(root.name));
  }

  /**
   * Creates a collection in a community's API root, readable and writable by every member, in one transaction.
   * @throws DomainError `not_found` `community.not_found`; as `CollectionService.create`.
   */
  async createCollection(actor: Actor, community: string, input: NewCommunityCollection): Promise<{ community: Community; collection: Collection }> {
    const found = await this.communities.find(actor, community);
    const collection = await this.collections.create(actor, {
      ...input,
      apiRoot: found.slug,
      grants: [{ principal: `community:${found.id}`, read: true, write: true }],
    });
    return { community: found, collection };
  }
}
