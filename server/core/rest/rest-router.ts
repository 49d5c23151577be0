/**
 * The REST router: handlers are registered against their declarations, so a handler receives its input
 * already checked (credentials present, query parameters and body of the declared shape) and answers the
 * value to send with the declared success status. Errors are mapped once, by `restError`. A known path with
 * another method answers 405 with `Allow`; an unknown path below `/api/v1` a JSON 404.
 *
 * Endpoints declared `anonymous` are registered before the credentials check, so they answer callers
 * without credentials (and callers whose session cookie no longer works, who need to sign in again).
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../auth/actor.ts';
import { DomainError, notFound, tooLarge, unauthenticated } from '../errors.ts';
import { honoPath, type RestEndpoint, type UploadBody } from './rest-endpoint.ts';
import { checkBody, checkQuery, type CheckedBody, type CheckedQuery } from './rest-input.ts';
import { readJsonBody, requireMediaType, restError } from './rest-http.ts';

/**
 * The Hono environment of the REST API, set once for the whole app: the authenticated caller; `session`, the
 * secret of the browser session cookie that authenticated it; `credentialError`, why a session cookie did
 * not (the request then goes on as anonymous, so that signing in again works).
 */
export type RestEnv = { Variables: { actor: Actor; session?: string | undefined; credentialError?: unknown } };

/** What a handler gets: the caller and its checked input. */
export interface RestRequest<B extends CheckedBody = CheckedBody> {
  actor: Actor;
  /** Path parameters, decoded. */
  params: Readonly<Record<string, string>>;
  query: CheckedQuery;
  /** The checked JSON body; empty for an endpoint that takes none. */
  body: B;
  /** An `upload` endpoint's body, as it streams in. */
  stream: AsyncIterable<Uint8Array>;
  /** An `upload` endpoint's body's media type, one of those it declares, without parameters. */
  mediaType: string | undefined;
  /** The secret of the browser session the caller signed in with, when a session cookie authenticated it. */
  session: string | undefined;
  /** A request header (`authorization`, `if-none-match`…), for the endpoints that read one themselves. */
  header(name: string): string | undefined;
}

/**
 * A handler's answer when a JSON value is not all: response headers (a cookie), or a body stream of the
 * declared `success.mediaType` instead of JSON.
 */
export class RestReply {
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly stream: ReadableStream<Uint8Array> | undefined;
  /** Instead of the declared success status: 304 for a conditional GET whose content has not changed. */
  readonly status: 304 | undefined;

  constructor(value: unknown, headers: Readonly<Record<string, string>> = {}, stream?: ReadableStream<Uint8Array>, status?: 304) {
    this.value = value;
    this.headers = headers;
    this.stream = stream;
    this.status = status;
  }
}

/** A reply body held whole (a text as UTF-8), as the stream a `RestReply` takes. */
export function bodyStream(content: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
}

/** Answers the JSON value of the declared success response (built by a presenter), or a `RestReply`. */
export type RestHandler<B extends CheckedBody = CheckedBody> = (request: RestRequest<B>) => Promise<unknown>;

export interface RestRouterOptions {
  /** Largest request body, bytes. */
  maxBodyBytes: number;
}

const NO_STREAM: AsyncIterable<Uint8Array> = { async *[Symbol.asyncIterator]() {} };

/** Collects handlers for declared endpoints, then builds the Hono app mounted at `REST_BASE`. */
export class RestRouter {
  private readonly handlers = new Map<RestEndpoint, RestHandler>();
  private readonly maxBodyBytes: number;

  constructor(options: RestRouterOptions) {
    this.maxBodyBytes = options.maxBodyBytes;
  }

  /** Registers the handler of a declared endpoint. `B` is the body type its declaration checks. */
  handle<B extends CheckedBody = CheckedBody>(endpoint: RestEndpoint, handler: RestHandler<B>): void {
    if (this.handlers.has(endpoint)) throw new Error(`REST endpoint ${endpoint.method} ${endpoint.path} is handled twice`);
    this.handlers.set(endpoint, handler as RestHandler);
  }

  private register(app: Hono<RestEnv>, endpoint: RestEndpoint, handler: RestHandler): void {
    app.on(endpoint.method.toUpperCase(), honoPath(endpoint.path), async (c) => {
      const query = checkQuery(endpoint.query ?? [], new URL(c.req.url));
      const body = endpoint.body ? checkBody(endpoint.body, await readJsonBody(c, this.maxBodyBytes)) : {};
      const stream = endpoint.upload ? uploadStream(c, endpoint.upload) : NO_STREAM;
      const mediaType = endpoint.upload ? c.req.header('content-type')?.split(';')[0]!.trim().toLowerCase() : undefined;
      const result = await handler({ actor: c.var.actor, params: c.req.param(), query, body, stream, mediaType, session: c.var.session, header: (name) => c.req.header(name) });
      if (!(result instanceof RestReply)) return c.json(result as object, endpoint.success.status);
      if (result.status === 304) return new Response(null, { status: 304, headers: result.headers });
      if (result.stream) return new Response(result.stream, { status: endpoint.success.status, headers: { 'content-type': endpoint.success.mediaType ?? 'application/octet-stream', ...result.headers } });
      return new Response(JSON.stringify(result.value), { status: endpoint.success.status, headers: { 'content-type': 'application/json', ...result.headers } });
    });
  }

  /**
   * The app, once every declared endpoint has its handler.
   * @throws Error when a declared endpoint has no handler (a programming error, found at start-up).
   */
  build(declared: readonly RestEndpoint[]): Hono<RestEnv> {
    const missing = declared.filter((endpoint) => !this.handlers.has(endpoint));
    if (missing.length) throw new Error(`REST endpoints without a handler: ${missing.map((e) => `${e.method} ${e.path}`).join(', ')}`);
    const app = new Hono<RestEnv>({ strict: false });
    app.onError((error, c) => restError(error, c));
    for (const endpoint of declared) if (endpoint.anonymous) this.register(app, endpoint, this.handlers.get(endpoint)!);
    app.use('*', async (c, next) => {
      if (c.var.actor.kind === 'anonymous') {
        if (c.var.credentialError !== undefined) throw c.var.credentialError;
        throw unauthenticated('auth.required', 'this API needs credentials: HTTP Basic, a Bearer token or a session cookie');
      }
      await next();
    });
    for (const endpoint of declared) if (!endpoint.anonymous) this.register(app, endpoint, this.handlers.get(endpoint)!);
    const methodsByPath = new Map<string, string[]>();
    for (const { path, method } of declared) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method.toUpperCase()]);
    for (const [path, methods] of methodsByPath) {
      const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      app.all(honoPath(path), (c) => {
        const error = new DomainError('method_not_allowed', 'request.method_not_allowed', `${c.req.method} is not allowed here; this endpoint takes ${allow.join(', ')}`, {
          method: c.req.method,
        });
        return restError(error, c, { allow: allow.join(', ') });
      });
    }
    app.all('*', (c) => {
      throw notFound('route.not_found', `there is nothing at ${c.req.path}; the API is described at /api/openapi.json`, { path: c.req.path });
    });
    return app;
  }
}

/** The body of an upload, checked for its media type and declared length before the handler reads it. */
function uploadStream(c: Context, upload: UploadBody): AsyncIterable<Uint8Array> {
  requireMediaType(c, upload.mediaTypes);
  if (Number(c.req.header('content-length') ?? NaN) > upload.maxBytes) {
    throw tooLarge('content.too_large', `the request body is larger than the limit of ${upload.maxBytes} bytes`, { max: upload.maxBytes });
  }
  const body = c.req.raw.body;
  return body ?? NO_STREAM;
}
