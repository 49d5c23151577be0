/**
 * The OpenAPI 3.1 description of the REST API, generated from the endpoint declarations, and the merge of
 * the API descriptions of every adapter (TAXII, REST) into the one document served at `/api/openapi.json`.
 */
import { ref, REST_BASE, type BodyField, type BodySchema, type JsonSchema, type RestApiPart, type RestEndpoint } from './rest-endpoint.ts';
import { REST_MAX_BODY_BYTES } from './rest-http.ts';

/** An OpenAPI document, as far as merging needs to know it. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  components?: { securitySchemes?: Record<string, unknown>; schemas?: Record<string, unknown> };
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'params'],
      properties: {
        code: { type: 'string', description: 'stable error code, such as organisation.invalid_country or request.missing_field' },
        message: { type: 'string', description: 'what went wrong, in English' },
        params: { type: 'object', description: 'facts for translation; `field` names the input at fault and `in` where it was (body, query)' },
        error_id: { type: 'string', description: 'on a 500 only: the id the error is logged under' },
        problems: {
          type: 'array',
          description: 'when an input (a file) is refused whole: every problem it has',
          items: {
            type: 'object',
            required: ['rule', 'path', 'message'],
            properties: {
              rule: { type: 'string', description: 'rule code, said in each language by the problem catalogs' },
              path: { type: 'string', description: 'where: a JSON path, or the line and column of a CSV file ("line 7, country")' },
              line: { type: 'integer', description: 'in a CSV file: the line, 1 for the header' },
              column: { type: ['string', 'null'], description: 'in a CSV file: the column at fault, if one is' },
              message: { type: 'string', description: 'what is wrong, in English' },
            },
          },
        },
      },
    },
  },
};

const SECURITY_SCHEMES = {
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  // A browser session (POST /api/v1/session); requests other than GET and HEAD also carry X-Thiqa-Request: 1.
  session: { type: 'apiKey', in: 'cookie', name: 'thiqa_session' },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function fieldSchema(field: BodyField): JsonSchema {
  if (field.type === 'string-list') return { type: 'array', items: { type: 'string' }, description: field.description };
  return { type: field.type, description: field.description };
}

function bodySchema(body: BodySchema): JsonSchema {
  const properties = Object.fromEntries(Object.entries(body.fields).map(([name, field]) => [name, fieldSchema(field)]));
  return { type: 'object', properties, required: [...body.required], additionalProperties: false };
}

function operation(operationId: string, endpoint: RestEndpoint): Record<string, unknown> {
  const pathParameters = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: endpoint.parameters?.[m[1]!],
    schema: { type: 'string' },
  }));
  const query = (endpoint.query ?? []).map((p) => ({
    name: p.name,
    in: 'query',
    required: false,
    description: p.description,
    schema: { type: p.type, ...(p.minimum === undefined ? {} : { minimum: p.minimum }), ...(p.maximum === undefined ? {} : { maximum: p.maximum }) },
  }));
  const { success } = endpoint;
  const headers = success.headers && Object.fromEntries(Object.entries(success.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]));
  const responses: Record<string, unknown> = {
    [success.status]: { description: success.description, ...(headers ? { headers } : {}), content: { [success.mediaType ?? 'application/json']: { schema: success.schema } } },
    ...Object.fromEntries(Object.entries(endpoint.errors).map(([status, description]) => [status, errorResponse(description)])),
    401: errorResponse('credentials needed or wrong'),
  };
  if (endpoint.body) {
    responses['400'] ??= errorResponse('the body is not the declared JSON object');
    responses['413'] = errorResponse(`the body is larger than ${REST_MAX_BODY_BYTES} bytes`);
    responses['415'] = errorResponse('the Content-Type is not application/json');
  }
  if (endpoint.upload) {
    responses['413'] = errorResponse(`the file is larger than ${endpoint.upload.maxBytes} bytes`);
    responses['415'] = errorResponse(`the Content-Type is not ${endpoint.upload.mediaTypes.join(' or ')}`);
  }
  const upload = endpoint.upload && {
    required: true,
    description: endpoint.upload.description,
    content: Object.fromEntries(endpoint.upload.mediaTypes.map((type) => [type, { schema: endpoint.upload!.schema ?? { type: 'object', description: 'a STIX 2.1 bundle' } }])),
  };
  responses['500'] = errorResponse('an unexpected error, logged under error_id');
  return {
    operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    parameters: [...pathParameters, ...query],
    ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(endpoint.body) } } } } : {}),
    ...(upload ? { requestBody: upload } : {}),
    responses,
    // An empty requirement: callable without credentials.
    security: [...(endpoint.anonymous ? [{}] : []), { basic: [] }, { bearer: [] }, { session: [] }],
  };
}

/**
 * The REST part of the API description: one path per declared endpoint (below `REST_BASE`), and the named
 * schemas of every part plus `Error`.
 * @throws Error when two parts declare the same operation id, schema name, or method and path.
 */
export function restOpenApi(parts: readonly RestApiPart[]): Pick<OpenApiDocument, 'paths' | 'components'> {
  const paths: OpenApiDocument['paths'] = {};
  const schemas: Record<string, unknown> = { Error: ERROR_SCHEMA };
  const operationIds = new Set<string>();
  for (const part of parts) {
    for (const [name, schema] of Object.entries(part.schemas)) {
      if (name in schemas) throw new Error(`REST schema ${name} is declared twice`);
      schemas[name] = schema;
    }
    for (const [operationId, endpoint] of Object.entries(part.endpoints)) {
      const path = `${REST_BASE}${endpoint.path}`;
      if (operationIds.has(operationId) || paths[path]?.[endpoint.method]) throw new Error(`REST endpoint ${operationId} (${endpoint.method} ${path}) is declared twice`);
      operationIds.add(operationId);
      paths[path] ??= {};
      paths[path][endpoint.method] = operation(operationId, endpoint);
    }
  }
  return { paths, components: { securitySchemes: SECURITY_SCHEMES, schemas } };
}

/**
 * One document from the descriptions of each adapter: their paths, security schemes and schemas side by side.
 * @throws Error when two documents describe the same path.
 */
export function mergeOpenApi(info: Record<string, unknown>, documents: readonly Pick<OpenApiDocument, 'paths' | 'components'>[]): OpenApiDocument {
  const merged: OpenApiDocument = { openapi: '3.1.0', info, components: { securitySchemes: {}, schemas: {} }, paths: {} };
  for (const document of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      if (path in merged.paths) throw new Error(`the API path ${path} is described twice`);
      merged.paths[path] = item;
    }
    Object.assign(merged.components!.securitySchemes!, document.components?.securitySchemes ?? {});
    Object.assign(merged.components!.schemas!, document.components?.schemas ?? {});
  }
  return merged;
}
