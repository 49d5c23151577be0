/**
 * The TAXII 2.1 API: discovery, API roots, collections, objects, object, versions, manifest and status.
 * Each handler checks its input, calls one service method and presents the result.
 */
import { Hono } from 'hono';
import { DomainError, unauthenticated } from '../../../core/errors.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { ApiRootService } from '../services/api-root.service.ts';
import type { CollectionService } from '../services/collection.service.ts';
import type { ObjectService } from '../services/object.service.ts';
import type { CommunityApiRootService } from '../services/community-api-root.service.ts';
import * as present from '../presenters/taxii.presenter.ts';
import { parseDecision, PERSONAL_DATA_HEADER } from '../services/personal-data-guard.ts';
import { TAXII_ENDPOINTS } from './taxii-endpoints.ts';
import { checkAccept, parseFilter, readJsonBody, taxiiError, TAXII_MEDIA_TYPE } from './taxii-http.ts';

export interface TaxiiDeps {
  apiRoots: ApiRootService;
  collections: CollectionService;
  objects: ObjectService;
  /** Which API roots discovery lists for a caller (community roots only to those concerned). */
  communityApiRoots: CommunityApiRootService;
  discovery: { title: string; description: string; contact?: string | undefined };
  /** Base URL for discovery links; the request's origin when unset. */
  publicUrl?: string | undefined;
}

export type TaxiiEnv = { Variables: { actor: Actor } };

const E = TAXII_ENDPOINTS;

function taxii(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const payload = body instanceof Uint8Array ? body : JSON.stringify(body);
  return new Response(payload, { status, headers: { 'content-type': TAXII_MEDIA_TYPE, ...headers } });
}

export function taxiiRoutes(deps: TaxiiDeps): Hono<TaxiiEnv> {
  const { apiRoots, collections, objects } = deps;
  const app = new Hono<TaxiiEnv>({ strict: false });

  app.onError((error, c) => taxiiError(error, c));
  app.use('*', async (c, next) => {
    checkAccept(c);
    // Anonymous callers may read public collections (the services decide which); they never write.
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (c.var.actor.kind === 'anonymous' && !reading) throw unauthenticated('auth.required', 'this TAXII server needs credentials: HTTP Basic or a Bearer token');
    await next();
  });

  app.get(E.discovery.path, async (c) => {
    const base = deps.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
    parseFilter(c, E.discovery.filters);
    return taxii(present.presentDiscovery(deps.discovery, await deps.communityApiRoots.discoverable(c.var.actor), base));
  });

  app.get(E.apiRoot.path, async (c) => {
    parseFilter(c, E.apiRoot.filters);
    return taxii(present.presentApiRoot(await apiRoots.get(c.var.actor, c.req.param('root'))));
  });

  app.get(E.status.path, async (c) => {
    parseFilter(c, E.status.filters);
    return taxii(present.presentStatus(await objects.status(c.var.actor, c.req.param('root'), c.req.param('status'))));
  });

  app.get(E.collections.path, async (c) => {
    parseFilter(c, E.collections.filters);
    const list = await collections.list(c.var.actor, c.req.param('root'));
    return taxii(list.length ? { collections: list.map(present.presentCollection) } : {});
  });

  app.get(E.collection.path, async (c) => {
    parseFilter(c, E.collection.filters);
    return taxii(present.presentCollection(await collections.get(c.var.actor, c.req.param('root'), c.req.param('collection'))));
  });

  app.get(E.objects.path, async (c) => {
    const page = await objects.list(c.var.actor, c.req.param('root'), c.req.param('collection'), parseFilter(c, E.objects.filters));
    return taxii(present.envelopeBytes(page), 200, present.dateAddedHeaders(page));
  });

  app.post(E.addObjects.path, async (c) => {
    parseFilter(c, E.addObjects.filters);
    const root = await apiRoots.get(c.var.actor, c.req.param('root'));
    await collections.requireWrite(c.var.actor, root.name, c.req.param('collection'));
    const personalData = parseDecision(c.req.header(PERSONAL_DATA_HEADER), PERSONAL_DATA_HEADER, 'header', 'reject');
    const content = await readJsonBody(c, root.maxContentLength);
    return taxii(present.presentStatus(await objects.add(c.var.actor, root.name, c.req.param('collection'), content, personalData)), 202);
  });

  app.get(E.object.path, async (c) => {
    const { root, collection, object } = c.req.param();
    const page = await objects.getObject(c.var.actor, root, collection, object, parseFilter(c, E.object.filters));
    return taxii(present.envelopeBytes(page), 200, present.dateAddedHeaders(page));
  });

  app.delete(E.deleteObject.path, async (c) => {
    const { root, collection, object } = c.req.param();
    await objects.delete(c.var.actor, root, collection, object, parseFilter(c, E.deleteObject.filters));
    return new Response(null, { status: 200 });
  });

  app.get(E.versions.path, async (c) => {
    const { root, collection, object } = c.req.param();
    const page = await objects.versions(c.var.actor, root, collection, object, parseFilter(c, E.versions.filters));
    return taxii(present.presentVersions(page), 200, present.dateAddedHeaders(page));
  });

  app.get(E.manifest.path, async (c) => {
    const page = await objects.manifest(c.var.actor, c.req.param('root'), c.req.param('collection'), parseFilter(c, E.manifest.filters));
    return taxii(present.presentManifest(page), 200, present.dateAddedHeaders(page));
  });

  // A known path with a method it does not take: 405 with the methods it does take.
  const methodsByPath = new Map<string, string[]>();
  for (const endpoint of Object.values(E)) methodsByPath.set(endpoint.path, [...(methodsByPath.get(endpoint.path) ?? []), endpoint.method.toUpperCase()]);
  for (const [path, methods] of methodsByPath) {
    app.all(path, (c) => {
      const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      const error = new DomainError('method_not_allowed', 'request.method_not_allowed', `${c.req.method} is not allowed here; this endpoint takes ${allow.join(', ')}`, {
        method: c.req.method,
      });
      return taxiiError(error, c, { allow: allow.join(', ') });
    });
  }
  return app;
}
