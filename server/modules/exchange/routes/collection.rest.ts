/**
 * REST handlers of collections: list the visible ones, add one to an API root or a community, and see or set
 * who may read or write it. Whether the caller may do so, and whether a principal exists, the services decide.
 */
import { invalid } from '../../../core/errors.ts';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentCollection, presentGrant, presentGrants } from '../presenters/collection-rest.presenter.ts';
import type { CollectionService } from '../services/collection.service.ts';
import type { CommunityApiRootService } from '../services/community-api-root.service.ts';
import { EXCHANGE_REST_ENDPOINTS as E } from './exchange-rest-endpoints.ts';

interface NewCollectionBody {
  [field: string]: string | undefined;
  title: string;
}

/** Registers the collection endpoints on `router`. */
export function collectionRestRoutes(router: RestRouter, collections: CollectionService, communityApiRoots: CommunityApiRootService): void {
  router.handle(E.listCollections, async ({ actor }) => ({ collections: (await collections.listAll(actor)).map(presentCollection) }));

  router.handle<NewCollectionBody>(E.addCollection, async ({ actor, body }) => {
    const { title, alias, description, community, default_tlp: defaultTlp } = body;
    if (community !== undefined && body.api_root !== undefined) {
      throw invalid('request.conflicting_fields', 'give "api_root" or "community", not both: a community’s collections are in its API root', { field: 'community', in: 'body' });
    }
    if (community !== undefined) return presentCollection((await communityApiRoots.createCollection(actor, community, { title, alias, description, defaultTlp })).collection);
    if (body.api_root === undefined) throw invalid('request.missing_field', 'the body needs "api_root" or "community": where the collection goes', { field: 'api_root', in: 'body' });
    return presentCollection(await collections.create(actor, { apiRoot: body.api_root, title, alias, description, defaultTlp }));
  });

  router.handle(E.listGrants, async ({ actor, params }) => presentGrants(params.id!, await collections.grants(actor, params.id!)));

  router.handle<{ read: boolean; write: boolean }>(E.setGrant, async ({ actor, params, body }) => {
    const grant = { principal: params.principal!, read: body.read, write: body.write };
    await collections.grant(actor, params.id!, grant.principal, grant);
    return presentGrant(grant);
  });
}
