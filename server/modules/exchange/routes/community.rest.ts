/**
 * REST handlers of communities: list, add (with the TAXII API root named by its slug), get with members,
 * join and leave. In this module because adding a community creates its API root.
 */
import type { CommunityService } from '../../../core/communities/community.service.ts';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentCommunity, presentCommunityWithMembers, presentMembership } from '../../../core/admin/presenters/community.presenter.ts';
import type { CommunityApiRootService } from '../services/community-api-root.service.ts';
import { EXCHANGE_REST_ENDPOINTS as E } from './exchange-rest-endpoints.ts';

/** Registers the community endpoints on `router`. */
export function communityRestRoutes(router: RestRouter, communities: CommunityService, communityApiRoots: CommunityApiRootService): void {
  router.handle(E.listCommunities, async ({ actor }) => ({ communities: (await communities.list(actor)).map(presentCommunity) }));

  router.handle<{ name: string; description?: string }>(E.addCommunity, async ({ actor, body }) => {
    const { community } = await communityApiRoots.add(actor, { name: body.name, description: body.description });
    return presentCommunity(community);
  });

  router.handle(E.getCommunity, async ({ actor, params }) => presentCommunityWithMembers(await communities.findWithMembers(actor, params.id!)));

  router.handle(E.joinCommunity, async ({ actor, params }) => presentMembership(await communities.join(actor, params.id!, params.org!), true));

  router.handle(E.leaveCommunity, async ({ actor, params }) => presentMembership(await communities.leave(actor, params.id!, params.org!), false));
}
