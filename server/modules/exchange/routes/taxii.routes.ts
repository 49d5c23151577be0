/**
 * The TAXII 2.1 API: discovery, API roots, collections, objects, object, versions, manifest and status.
 * Each handler checks its input, calls one service method and presents the result.
 */
import { Hono } from 'hono';
import { unauthenticated } from '../../../core/errors.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { ApiRootService } from '../services/api-root.service.ts';
import type { CollectionService } from '../services/collection.service.ts';
import type { ObjectService } from '../services/object.service.ts';
import * as present from '../presenters/taxii.presenter.ts';
import { checkAccept, parseFilter, readJsonBody, taxiiError, TAXII_MEDIA_TYPE } from './taxii-http.ts';

export interface TaxiiDeps {
  apiRoots: ApiRootService;
  collections: CollectionService;
  objects: ObjectService;
  discovery: { title: string; description: string; contact?: string | undefined };
  /** Base URL for discovery links; the request's origin when unset. */
  publicUrl?: string | undefined;
}

export type TaxiiEnv = { Variables: { actor: Actor } };

const PAGE = ['added_after', 'limit', 'next'];
const OBJECTS_FILTERS = [...PAGE, 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]'];
const OBJECT_FILTERS = [...PAGE, 'match[version]', 'match[spec_version]'];
const VERSIONS_FILTERS = [...PAGE, 'match[spec_version]'];
const DELETE_FILTERS = ['match[version]', 'match[spec_version]'];

function taxii(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': TAXII_MEDIA_TYPE, ...headers } });
}

export function taxiiRoutes(deps: TaxiiDeps): Hono<TaxiiEnv> {
  const { apiRoots, collections, objects } = deps;
  const app = new Hono<TaxiiEnv>({ strict: false });

  app.onError(taxiiError);
  app.use('*', async (c, next) => {
    checkAccept(c);
    if (c.var.actor.kind === 'anonymous') throw unauthenticated('auth.required', 'this TAXII server needs credentials: HTTP Basic or a Bearer token');
    await next();
  });

  app.get('/taxii2', async (c) => {
    const base = deps.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
    parseFilter(c, []);
    return taxii(present.presentDiscovery(deps.discovery, await apiRoots.list(c.var.actor), base));
  });

  app.get('/:root', async (c) => {
    parseFilter(c, []);
    return taxii(present.presentApiRoot(await apiRoots.get(c.var.actor, c.req.param('root'))));
  });

  app.get('/:root/status/:status', async (c) => {
    parseFilter(c, []);
    return taxii(present.presentStatus(await objects.status(c.var.actor, c.req.param('root'), c.req.param('status'))));
  });

  app.get('/:root/collections', async (c) => {
    parseFilter(c, []);
    const list = await collections.list(c.var.actor, c.req.param('root'));
    return taxii(list.length ? { collections: list.map(present.presentCollection) } : {});
  });

  app.get('/:root/collections/:collection', async (c) => {
    parseFilter(c, []);
    return taxii(present.presentCollection(await collections.get(c.var.actor, c.req.param('root'), c.req.param('collection'))));
  });

  app.get('/:root/collections/:collection/objects', async (c) => {
    const page = await objects.list(c.var.actor, c.req.param('root'), c.req.param('collection'), parseFilter(c, OBJECTS_FILTERS));
    return taxii(present.envelopeJson(page), 200, present.dateAddedHeaders(page));
  });

  app.post('/:root/collections/:collection/objects', async (c) => {
    parseFilter(c, []);
    const root = await apiRoots.get(c.var.actor, c.req.param('root'));
    await collections.requireWrite(c.var.actor, root.name, c.req.param('collection'));
    const content = await readJsonBody(c, root.maxContentLength);
    return taxii(present.presentStatus(await objects.add(c.var.actor, root.name, c.req.param('collection'), content)), 202);
  });

  app.get('/:root/collections/:collection/objects/:object', async (c) => {
    const { root, collection, object } = c.req.param();
    const page = await objects.getObject(c.var.actor, root, collection, object, parseFilter(c, OBJECT_FILTERS));
    return taxii(present.envelopeJson(page), 200, present.dateAddedHeaders(page));
  });

  app.delete('/:root/collections/:collection/objects/:object', async (c) => {
    const { root, collection, object } = c.req.param();
    await objects.delete(c.var.actor, root, collection, object, parseFilter(c, DELETE_FILTERS));
    return new Response(null, { status: 200 });
  });

  app.get('/:root/collections/:collection/objects/:object/versions', async (c) => {
    const { root, collection, object } = c.req.param();
    const page = await objects.versions(c.var.actor, root, collection, object, parseFilter(c, VERSIONS_FILTERS));
    return taxii(present.presentVersions(page), 200, present.dateAddedHeaders(page));
  });

  app.get('/:root/collections/:collection/manifest', async (c) => {
    const page = await objects.manifest(c.var.actor, c.req.param('root'), c.req.param('collection'), parseFilter(c, OBJECTS_FILTERS));
    return taxii(present.presentManifest(page), 200, present.dateAddedHeaders(page));
  });

  return app;
}
