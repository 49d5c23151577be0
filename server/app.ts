/**
 * The HTTP application: authentication once for every request, then the REST administration API at
 * `/api/v1/` and the TAXII API. Errors answer in the format of the API asked: REST JSON below `/api/v1/`,
 * TAXII error messages elsewhere; the web UI below `/ui/`. Later modules mount their REST routes here.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Platform } from './platform.ts';
import { ANONYMOUS } from './core/auth/actor.ts';
import { forbidden, isDomainError, notFound } from './core/errors.ts';
import { CSRF_HEADER, needsCsrfHeader, SESSION_COOKIE } from './core/auth/session-cookie.ts';
import type { RestEnv } from './core/rest/rest-router.ts';
import { taxiiRoutes } from './modules/exchange/routes/taxii.routes.ts';
import { taxiiError } from './modules/exchange/routes/taxii-http.ts';
import { REST_BASE } from './core/rest/rest-endpoint.ts';
import { isRestPath, restError } from './core/rest/rest-http.ts';
import { apiDescription, restApp } from './rest-api.ts';
import { mountWebUi } from './web-ui.ts';

export function createApp(platform: Platform): Hono<RestEnv> {
  const app = new Hono<RestEnv>({ strict: false });
  app.onError((error, c) => (isRestPath(c.req.path) ? restError(error, c) : taxiiError(error, c)));
  app.notFound((c) => taxiiError(notFound('route.not_found', `there is nothing at ${c.req.path}; TAXII discovery is at /taxii2/`, { path: c.req.path }), c));
  const openApi = apiDescription();
  // The API description is public: it says what the server speaks, nothing of what it holds.
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.use('*', async (c, next) => {
    let header = c.req.header('authorization');
    // A feed token opens one feed's content, which reads it itself: it is no user's credential.
    if (header !== undefined && /^Bearer\s+thqf_/i.test(header)) header = undefined;
    // The web UI's session cookie counts only when the request names no other credentials.
    const session = header === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
    if (!session) {
      c.set('actor', header === undefined ? ANONYMOUS : await platform.users.authenticate(header));
      return next();
    }
    try {
      c.set('actor', await platform.users.authenticate(`Bearer ${session}`));
      c.set('session', session);
    } catch (error) {
      if (!isDomainError(error) || error.kind !== 'unauthenticated') throw error;
      // An ended session is no credential: the request goes on as anonymous (so signing in again works), and
      // an endpoint that needs credentials answers why (auth.session_expired…).
      c.set('actor', ANONYMOUS);
      c.set('credentialError', error);
      return next();
    }
    if (needsCsrfHeader(c.req.method) && c.req.header(CSRF_HEADER) !== '1') {
      throw forbidden('auth.csrf_header_missing', 'a request signed in with the session cookie that changes something must carry the header X-Thiqa-Request: 1');
    }
    await next();
  });
  app.get('/health', async (c) => {
    await platform.db.get('SELECT 1 AS ok');
    return c.json({ status: 'ok' });
  });
  // Before the TAXII routes, whose `/:root/…` paths would otherwise be tried for REST and UI requests too.
  app.route(REST_BASE, restApp(platform));
  mountWebUi(app);
  app.route(
    '/',
    taxiiRoutes({
      apiRoots: platform.apiRoots,
      collections: platform.collections,
      objects: platform.objects,
      communityApiRoots: platform.communityApiRoots,
      discovery: { title: 'Thiqa', description: 'Thiqa TAXII 2.1 server: cybersecurity information shared between CIRTs and sectors.' },
      publicUrl: platform.config.publicUrl,
    }),
  );
  return app;
}
