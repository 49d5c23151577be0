/**
 * The Lookup module's REST endpoints as data: one value (`GET /lookup?value=`) or up to `LOOKUP_MAX_VALUES`
 * in a JSON body (`POST /lookup`, `{"values": [...]}`), answered with what the caller may see; and an
 * object's correlations (`GET /collections/{id}/objects/{object_id}/correlations`).
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { LOOKUP_SCHEMAS } from '../presenters/lookup.presenter.ts';
import { LOOKUP_MAX_VALUES } from '../services/lookup.service.ts';

const tag = 'lookup';

/** Largest bulk lookup body: room for `LOOKUP_MAX_VALUES` long URLs. */
export const LOOKUP_MAX_BYTES = 8 * 1024 * 1024;

export const LOOKUP_REST_ENDPOINTS = {
  lookupValue: {
    method: 'get',
    path: '/lookup',
    tag,
    summary: 'One observable value: its detected type and normal form, the objects holding it that the caller may see, how many organisations reported them, and the warning lists it is on',
    query: [{ name: 'value', type: 'string', description: 'the value (required): an IPv4 or IPv6 address or network, domain name, URL, e-mail address or MD5/SHA-1/SHA-256/SHA-512 hash' }],
    success: { status: 200, description: 'the answer (no matches when none, or when the value is no observable)', schema: ref('LookupAnswer') },
    errors: { 400: 'no value (request.missing_field)' },
  },
  lookupValues: {
    method: 'post',
    path: '/lookup',
    tag,
    summary: `Up to ${LOOKUP_MAX_VALUES} values at once, answered like one`,
    upload: {
      mediaTypes: ['application/json'],
      maxBytes: LOOKUP_MAX_BYTES,
      description: `a JSON object {"values": [...]} of 1 to ${LOOKUP_MAX_VALUES} strings`,
      schema: { type: 'object', properties: { values: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: LOOKUP_MAX_VALUES } }, required: ['values'] },
    },
    success: { status: 200, description: 'one answer per value, in the order asked', schema: ref('LookupAnswers') },
    errors: { 400: `not a JSON object with "values", a list of strings (lookup.malformed_body); none (lookup.no_values), or more than ${LOOKUP_MAX_VALUES} (lookup.too_many_values)` },
  },
  objectCorrelations: {
    method: 'get',
    path: '/collections/{id}/objects/{object_id}/correlations',
    tag,
    summary: 'The objects sharing an observable value with the object (its newest version the caller may see), in any collection the caller may read, and how many other organisations reported them: computed from what the caller may see only',
    parameters: { id: 'collection id or alias', object_id: 'STIX id' },
    success: { status: 200, description: 'the linked objects with the values they share (at most 200 listed, all counted)', schema: ref('Correlations') },
    errors: { 403: 'the caller may not read the collection', 404: 'no such collection, or no version of the object the caller may see' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const LOOKUP_REST_API: RestApiPart = { endpoints: LOOKUP_REST_ENDPOINTS, schemas: LOOKUP_SCHEMAS };
