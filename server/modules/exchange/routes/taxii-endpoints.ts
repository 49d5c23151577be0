/**
 * The TAXII 2.1 endpoints as data: path, the query parameters each one takes, and what it answers. The
 * routes take their paths and allowed filters from here, and the OpenAPI document is built from it, so the
 * two cannot drift apart.
 */

export interface TaxiiEndpoint {
  method: 'get' | 'post' | 'delete';
  /** Hono path; parameters as `:name`, no trailing slash (the app is not strict about it). */
  path: string;
  summary: string;
  /** Specification section. */
  section: string;
  filters: readonly string[];
  success: { status: number; description: string; resource?: string };
  /** Takes a TAXII envelope as its body. */
  body?: boolean;
}

const PAGE = ['added_after', 'limit', 'next'];
const MATCH_ALL = ['match[id]', 'match[type]', 'match[version]', 'match[spec_version]'];

export const TAXII_ENDPOINTS = {
  discovery: { method: 'get', path: '/taxii2', summary: 'Server discovery', section: '4.1', filters: [], success: { status: 200, description: 'the discovery resource', resource: 'discovery' } },
  apiRoot: { method: 'get', path: '/:root', summary: 'Get API root information', section: '4.2', filters: [], success: { status: 200, description: 'the API root resource', resource: 'api-root' } },
  status: { method: 'get', path: '/:root/status/:status', summary: 'Get status', section: '4.3', filters: [], success: { status: 200, description: 'the status resource', resource: 'status' } },
  collections: { method: 'get', path: '/:root/collections', summary: 'Get collections', section: '5.1', filters: [], success: { status: 200, description: 'the collections the caller may read or write', resource: 'collections' } },
  collection: { method: 'get', path: '/:root/collections/:collection', summary: 'Get a collection', section: '5.2', filters: [], success: { status: 200, description: 'the collection resource', resource: 'collection' } },
  objects: { method: 'get', path: '/:root/collections/:collection/objects', summary: 'Get objects', section: '5.3', filters: [...PAGE, ...MATCH_ALL], success: { status: 200, description: 'a page of objects', resource: 'envelope' } },
  addObjects: { method: 'post', path: '/:root/collections/:collection/objects', summary: 'Add objects', section: '5.4', filters: [], body: true, success: { status: 202, description: 'the status of the request: each object stored or rejected with the reason (one whose free text seems to hold personal data that people outside the writer’s organisation would read is rejected unless the request carries X-Thiqa-Personal-Data: confirm or redact)', resource: 'status' } },
  object: { method: 'get', path: '/:root/collections/:collection/objects/:object', summary: 'Get an object', section: '5.5', filters: [...PAGE, 'match[version]', 'match[spec_version]'], success: { status: 200, description: 'versions of the object', resource: 'envelope' } },
  deleteObject: { method: 'delete', path: '/:root/collections/:collection/objects/:object', summary: 'Delete an object', section: '5.7', filters: ['match[version]', 'match[spec_version]'], success: { status: 200, description: 'the matching versions are deleted' } },
  versions: { method: 'get', path: '/:root/collections/:collection/objects/:object/versions', summary: 'Get object versions', section: '5.8', filters: [...PAGE, 'match[spec_version]'], success: { status: 200, description: 'the versions of the object', resource: 'versions' } },
  manifest: { method: 'get', path: '/:root/collections/:collection/manifest', summary: 'Get object manifests', section: '5.6', filters: [...PAGE, ...MATCH_ALL], success: { status: 200, description: 'a page of manifest records', resource: 'manifest' } },
} as const satisfies Record<string, TaxiiEndpoint>;

const FILTER_DESCRIPTIONS: Record<string, string> = {
  added_after: 'only objects added after this timestamp',
  limit: 'largest number of items in the page (the server may return fewer)',
  next: 'the opaque cursor of the previous page; may be sent alone',
  'match[id]': 'object ids, comma separated',
  'match[type]': 'object types, comma separated',
  'match[version]': 'first, last, all or timestamps, comma separated (default last; all for delete)',
  'match[spec_version]': 'STIX versions, comma separated',
};

const ERRORS = {
  400: 'invalid filter, cursor or content',
  401: 'credentials needed or wrong',
  403: 'the caller may see the collection but not do this',
  404: 'absent, or not visible to the caller',
  406: 'the Accept header lacks application/taxii+json;version=2.1',
};

/** The OpenAPI 3.1 description of the TAXII API, generated from TAXII_ENDPOINTS. */
export function taxiiOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(TAXII_ENDPOINTS) as TaxiiEndpoint[]) {
    const path = `${endpoint.path.replace(/:(\w+)/g, '{$1}')}/`;
    const pathParameters = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = endpoint.filters.map((name) => ({ name, in: 'query', required: false, description: FILTER_DESCRIPTIONS[name], schema: { type: 'string' } }));
    const responses: Record<string, unknown> = {
      [endpoint.success.status]: { description: endpoint.success.description, content: endpoint.success.resource ? { 'application/taxii+json;version=2.1': {} } : undefined },
      ...Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, { description }])),
    };
    if (endpoint.body) {
      responses['413'] = { description: "the body is larger than the API root's max_content_length" };
      responses['415'] = { description: 'the Content-Type is not application/taxii+json;version=2.1' };
    }
    paths[path] ??= {};
    paths[path][endpoint.method] = {
      summary: `${endpoint.summary} (TAXII 2.1 §${endpoint.section})`,
      parameters: [...pathParameters, ...query],
      ...(endpoint.body ? { requestBody: { required: true, content: { 'application/taxii+json;version=2.1': {} } } } : {}),
      responses,
      security: [{ basic: [] }, { bearer: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Thiqa TAXII 2.1 API', version: '2.1' },
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' }, bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
