/**
 * A REST endpoint declared as data: method, path, summary, parameters, request body, response and errors.
 * The router takes each handler's path, query parameters and body checks from its declaration, and the
 * OpenAPI document is generated from the same declarations, so the two cannot drift apart.
 */

/** Every REST path starts here. */
export const REST_BASE = '/api/v1';

/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it), written as data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One field of a JSON request body: the adapter checks its presence and type, services check its content. */
export interface BodyField {
  /**
   * `string-list`: a JSON array of strings; `integer`: a JSON number with no fraction; `object`: a JSON object,
   * whatever its members (a document the service checks whole, such as a Gateway record).
   */
  type: 'string' | 'boolean' | 'integer' | 'string-list' | 'object';
  description: string;
}

/** A JSON object request body. Fields not listed are refused (`request.unknown_field`). */
export interface BodySchema {
  fields: Readonly<Record<string, BodyField>>;
  required: readonly string[];
}

/** A query parameter; integers are parsed and range-checked before the handler runs. */
export interface QueryParameter {
  name: string;
  description: string;
  type: 'string' | 'integer';
  minimum?: number;
  maximum?: number;
}

/** Error statuses an endpoint may answer besides 401 (every endpoint), 413 and 415 (every body) and 500. */
export type DeclaredErrors = Readonly<Partial<Record<400 | 403 | 404 | 409, string>>>;

/**
 * A request body that is a file, handed to the handler as a byte stream (never held whole): one of
 * `mediaTypes` (415 otherwise), at most `maxBytes` (413 when the declared length is larger; the handler
 * counts what streams in).
 */
export interface UploadBody {
  mediaTypes: readonly string[];
  maxBytes: number;
  description: string;
  /** What the file holds, for the OpenAPI document; a STIX bundle (a JSON object) unless given. */
  schema?: JsonSchema;
}

export interface RestEndpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Below `REST_BASE`, OpenAPI style: `/organisations/{id}`. */
  path: string;
  summary: string;
  /** OpenAPI tag grouping the endpoint (`organisations`, `users`…). */
  tag: string;
  /** A description of each path parameter, by name. */
  parameters?: Readonly<Record<string, string>>;
  query?: readonly QueryParameter[];
  body?: BodySchema;
  /** Instead of `body`: a file streamed to the handler. */
  upload?: UploadBody;
  /**
   * `mediaType`: the answer is not JSON but a stream of that media type (the handler answers a `RestReply`
   * with a body stream); `schema` then describes its content.
   */
  success: { status: 200 | 201; description: string; schema: JsonSchema; mediaType?: string; headers?: Readonly<Record<string, string>> };
  errors: DeclaredErrors;
  /** Reachable without credentials (signing in); the handler gets the anonymous actor then. */
  anonymous?: boolean;
}

/** A set of REST endpoints (keyed by operation id) and the named schemas their responses refer to. */
export interface RestApiPart {
  endpoints: Readonly<Record<string, RestEndpoint>>;
  schemas: Readonly<Record<string, JsonSchema>>;
}

/** A reference to a named schema of `components.schemas`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** An array of a named schema. */
export const listOf = (name: string): JsonSchema => ({ type: 'array', items: ref(name) });

/** An object schema: every property required unless listed in `optional`, nothing else allowed. */
export function objectSchema(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return { type: 'object', properties, required: Object.keys(properties).filter((key) => !optional.includes(key)), additionalProperties: false };
}

/** The Hono form of a declared path: `{id}` becomes `:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
