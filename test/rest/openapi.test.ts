// The one OpenAPI 3.1 document at /api/openapi.json: every declared REST endpoint with its parameters,
// body and answers, and still every TAXII endpoint, described exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_BASE } from '../../server/core/rest/rest-endpoint.ts';
import { TAXII_ENDPOINTS, taxiiOpenApi } from '../../server/modules/exchange/routes/taxii-endpoints.ts';
import { REST_ENDPOINTS } from '../../server/rest-api.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';

interface Operation {
  operationId?: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
  responses: Record<string, unknown>;
}

// The document does not depend on the store: one database is enough.
describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as typeof doc;
  });
  afterAll(() => server.close());

  it('is OpenAPI 3.1 and lists every declared REST endpoint with its parameters, body and answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const endpoint of REST_ENDPOINTS) {
      const operation = doc.paths[`${REST_BASE}${endpoint.path}`]?.[endpoint.method];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation!.operationId).toEqual(expect.any(String));
      const pathNames = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(operation!.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathNames);
      expect(operation!.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual((endpoint.query ?? []).map((q) => q.name));
      expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining([String(endpoint.success.status), '401', '500', ...Object.keys(endpoint.errors)]));
      if (endpoint.body) {
        const schema = operation!.requestBody!.content['application/json']!.schema;
        expect(Object.keys(schema.properties)).toEqual(Object.keys(endpoint.body.fields));
        expect(schema.required).toEqual(endpoint.body.required);
        expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['413', '415']));
      } else if (endpoint.upload) {
        expect(Object.keys(operation!.requestBody!.content)).toEqual(endpoint.upload.mediaTypes);
        expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['413', '415']));
      } else {
        expect(operation!.requestBody).toBeUndefined();
      }
    }
    const restPaths = Object.keys(doc.paths).filter((path) => path.startsWith(`${REST_BASE}/`));
    expect(new Set(restPaths)).toEqual(new Set(REST_ENDPOINTS.map((e) => `${REST_BASE}${e.path}`)));
  });

  it('still lists every TAXII endpoint, described as before', () => {
    const taxii = taxiiOpenApi() as { paths: Record<string, unknown> };
    for (const endpoint of Object.values(TAXII_ENDPOINTS)) {
      const path = `${endpoint.path.replace(/:(\w+)/g, '{$1}')}/`;
      expect(doc.paths[path]?.[endpoint.method], `${endpoint.method} ${path}`).toBeDefined();
    }
    for (const [path, item] of Object.entries(taxii.paths)) expect(doc.paths[path]).toEqual(item);
  });

  it('defines every schema it refers to', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of new Set(refs)) expect(doc.components.schemas[name], name).toBeDefined();
  });
});
