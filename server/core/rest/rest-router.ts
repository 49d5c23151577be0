/**
 * The REST router: handlers are registered against their declarations, so a handler receives its input
 * already checked (credentials present, query parameters and body of the declared shape) and answers the
 * value to send with the declared success status. Errors are mapped once, by `restError`. A known path with
 * another method answers 405 with `Allow`; an unknown path below `/api/v1` a JSON 404.
 */
import { Hono } from 'hono';
import type { Actor } from '../auth/actor.ts';
import { DomainError, notFound, unauthenticated } from '../errors.ts';
import { honoPath, type RestEndpoint } from './rest-endpoint.ts';
import { checkBody, checkQuery, type CheckedBody, type CheckedQuery } from './rest-input.ts';
import { readJsonBody, restError } from './rest-http.ts';

/** The Hono environment of the REST API: the authenticated caller, set once for the whole app. */
export type RestEnv = { Variables: { actor: Actor } };

/** What a handler gets: the caller and its checked input. */
export interface RestRequest<B extends CheckedBody = CheckedBody> {
  actor: Actor;
  /** Path parameters, decoded. */
  params: Readonly<Record<string, string>>;
  query: CheckedQuery;
  /** The checked JSON body; empty for an endpoint that takes none. */
  body: B;
}

/** Answers the JSON value of the declared success response (built by a presenter). */
export type RestHandler<B extends CheckedBody = CheckedBody> = (request: RestRequest<B>) => Promise<unknown>;

export interface RestRouterOptions {
  /** Largest request body, bytes. */
  maxBodyBytes: number;
}

/** Collects handlers for declared endpoints, then builds the Hono app mounted at `REST_BASE`. */
export class RestRouter {
  private readonly app = new Hono<RestEnv>({ strict: false });
  private readonly handled = new Set<RestEndpoint>();
  private readonly maxBodyBytes: number;

  constructor(options: RestRouterOptions) {
    this.maxBodyBytes = options.maxBodyBytes;
    this.app.onError((error, c) => restError(error, c));
    this.app.use('*', async (c, next) => {
      if (c.var.actor.kind === 'anonymous') throw unauthenticated('auth.required', 'this API needs credentials: HTTP Basic or a Bearer token');
      await next();
    });
  }

  /** Registers the handler of a declared endpoint. `B` is the body type its declaration checks. */
  handle<B extends CheckedBody = CheckedBody>(endpoint: RestEndpoint, handler: RestHandler<B>): void {
    if (this.handled.has(endpoint)) throw new Error(`REST endpoint ${endpoint.method} ${endpoint.path} is handled twice`);
    this.handled.add(endpoint);
    this.app.on(endpoint.method.toUpperCase(), honoPath(endpoint.path), async (c) => {
      const query = checkQuery(endpoint.query ?? [], new URL(c.req.url));
      const body = endpoint.body ? checkBody(endpoint.body, await readJsonBody(c, this.maxBodyBytes)) : {};
      const result = await handler({ actor: c.var.actor, params: c.req.param(), query, body: body as B });
      return c.json(result as object, endpoint.success.status);
    });
  }

  /**
   * The app, once every declared endpoint has its handler.
   * @throws Error when a declared endpoint has no handler (a programming error, found at start-up).
   */
  build(declared: readonly RestEndpoint[]): Hono<RestEnv> {
    const missing = declared.filter((endpoint) => !this.handled.has(endpoint));
    if (missing.length) throw new Error(`REST endpoints without a handler: ${missing.map((e) => `${e.method} ${e.path}`).join(', ')}`);
    const methodsByPath = new Map<string, string[]>();
    for (const { path, method } of declared) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method.toUpperCase()]);
    for (const [path, methods] of methodsByPath) {
      const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      this.app.all(honoPath(path), (c) => {
        const error = new DomainError('method_not_allowed', 'request.method_not_allowed', `${c.req.method} is not allowed here; this endpoint takes ${allow.join(', ')}`, {
          method: c.req.method,
        });
        return restError(error, c, { allow: allow.join(', ') });
      });
    }
    this.app.all('*', (c) => {
      throw notFound('route.not_found', `there is nothing at ${c.req.path}; the API is described at /api/openapi.json`, { path: c.req.path });
    });
    return this.app;
  }
}
