/**
 * The HTTP application: authentication once for every request, then the TAXII API. Later modules mount
 * their REST routes and the web UI here.
 */
import { Hono } from 'hono';
import type { Platform } from './platform.ts';
import { ANONYMOUS } from './core/auth/actor.ts';
import { notFound } from './core/errors.ts';
import { taxiiRoutes, type TaxiiEnv } from './modules/exchange/routes/taxii.routes.ts';
import { taxiiError } from './modules/exchange/routes/taxii-http.ts';
import { taxiiOpenApi } from './modules/exchange/routes/taxii-endpoints.ts';

export function createApp(platform: Platform): Hono<TaxiiEnv> {
  const app = new Hono<TaxiiEnv>({ strict: false });
  app.onError((error, c) => taxiiError(error, c));
  app.notFound((c) => taxiiError(notFound('route.not_found', `there is nothing at ${c.req.path}; TAXII discovery is at /taxii2/`, { path: c.req.path }), c));
  const openApi = taxiiOpenApi();
  // The API description is public: it says what the server speaks, nothing of what it holds.
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    c.set('actor', header === undefined ? ANONYMOUS : await platform.users.authenticate(header));
    await next();
  });
  app.get('/health', async (c) => {
    await platform.db.get('SELECT 1 AS ok');
    return c.json({ status: 'ok' });
  });
  app.route(
    '/',
    taxiiRoutes({
      apiRoots: platform.apiRoots,
      collections: platform.collections,
      objects: platform.objects,
      discovery: { title: 'Thiqa', description: 'Thiqa TAXII 2.1 server: cybersecurity information shared between CIRTs and sectors.' },
      publicUrl: platform.config.publicUrl,
    }),
  );
  return app;
}
