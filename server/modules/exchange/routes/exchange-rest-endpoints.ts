/**
 * The Exchange module's REST endpoints as data: communities (each with its TAXII API root), collections and
 * who may use them. Handlers are registered against these declarations (`community.rest.ts`,
 * `collection.rest.ts`) and the OpenAPI document is generated from them.
 */
import { listOf, objectSchema, ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { COLLECTION_SCHEMAS } from '../presenters/collection-rest.presenter.ts';
import { OBJECT_SCHEMAS } from '../presenters/object-rest.presenter.ts';
import { STIX_MEDIA_TYPE } from '../services/collection.service.ts';

/** Largest bundle file the web UI may upload. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** Headers of a redacted export: objects whose free text held personal data, and findings written as [redacted]. */
export const PERSONAL_DATA_OBJECTS_HEADER = 'X-Thiqa-Personal-Data-Objects';
export const PERSONAL_DATA_REDACTED_HEADER = 'X-Thiqa-Personal-Data-Redacted';
const NO_COLLECTION = 'no such collection, or the caller may not see it';
const NO_READ = 'the caller may only write this collection';

const NOT_ADMIN = 'the caller is not an administrator';

export const EXCHANGE_REST_ENDPOINTS = {
  listCommunities: {
    method: 'get',
    path: '/communities',
    tag: 'communities',
    summary: 'List communities',
    success: { status: 200, description: 'every community with its number of members, by name', schema: objectSchema({ communities: listOf('Community') }) },
    errors: {},
  },
  addCommunity: {
    method: 'post',
    path: '/communities',
    tag: 'communities',
    summary: 'Add a community and its TAXII API root',
    body: {
      fields: {
        name: { type: 'string', description: 'name, unique regardless of case; its API root is named by its slug' },
        description: { type: 'string', description: 'description, up to 1000 characters' },
      },
      required: ['name'],
    },
    success: { status: 201, description: 'the community added', schema: ref('Community') },
    errors: { 400: 'a field is missing or wrong (params.field names it)', 403: NOT_ADMIN, 409: 'a community or API root of that name exists' },
  },
  getCommunity: {
    method: 'get',
    path: '/communities/{id}',
    tag: 'communities',
    summary: 'Get a community with its members',
    parameters: { id: 'community id, or name' },
    success: { status: 200, description: 'the community and its member organisations', schema: ref('CommunityWithMembers') },
    errors: { 404: 'no such community' },
  },
  joinCommunity: {
    method: 'put',
    path: '/communities/{id}/members/{org}',
    tag: 'communities',
    summary: 'Make an organisation a member of a community',
    parameters: { id: 'community id, or name', org: 'organisation id, or name' },
    success: { status: 200, description: 'the organisation is a member (changed: whether it was not before)', schema: ref('Membership') },
    errors: { 403: NOT_ADMIN, 404: 'no such community or organisation' },
  },
  leaveCommunity: {
    method: 'delete',
    path: '/communities/{id}/members/{org}',
    tag: 'communities',
    summary: 'End an organisation’s membership of a community',
    parameters: { id: 'community id, or name', org: 'organisation id, or name' },
    success: { status: 200, description: 'the organisation is no member (changed: whether it was before)', schema: ref('Membership') },
    errors: { 403: NOT_ADMIN, 404: 'no such community or organisation' },
  },
  listCollections: {
    method: 'get',
    path: '/collections',
    tag: 'collections',
    summary: 'List the collections the caller may read or write, across API roots',
    success: { status: 200, description: 'the collections', schema: objectSchema({ collections: listOf('Collection') }) },
    errors: {},
  },
  addCollection: {
    method: 'post',
    path: '/collections',
    tag: 'collections',
    summary: 'Add a collection to an API root, or to a community (readable and writable by its members)',
    body: {
      fields: {
        title: { type: 'string', description: 'title shown to TAXII clients' },
        api_root: { type: 'string', description: 'API root to add it to; give this or community' },
        community: { type: 'string', description: 'community (id or name) to share it with, in its API root; give this or api_root' },
        alias: { type: 'string', description: 'short name: 1 to 63 lower-case letters, digits, "-" or "_"' },
        description: { type: 'string', description: 'description shown to TAXII clients' },
        default_tlp: { type: 'string', description: 'TLP level of objects that arrive unmarked: clear, green (the default), amber (community collections only), amber+strict, red' },
      },
      required: ['title'],
    },
    success: { status: 201, description: 'the collection added', schema: ref('Collection') },
    errors: { 400: 'a field is missing or wrong (params.field names it)', 403: NOT_ADMIN, 404: 'no such API root or community' },
  },
  listGrants: {
    method: 'get',
    path: '/collections/{id}/grants',
    tag: 'collections',
    summary: 'List who may read or write a collection',
    parameters: { id: 'collection id' },
    success: { status: 200, description: 'the grants, by principal', schema: ref('GrantList') },
    errors: { 403: NOT_ADMIN, 404: 'no such collection' },
  },
  setGrant: {
    method: 'put',
    path: '/collections/{id}/grants/{principal}',
    tag: 'collections',
    summary: 'Set what a principal may do with a collection (read and write both false: no access)',
    parameters: { id: 'collection id', principal: 'user:<id>, org:<id>, community:<id> or authenticated' },
    body: {
      fields: { read: { type: 'boolean', description: 'may read objects' }, write: { type: 'boolean', description: 'may add objects' } },
      required: ['read', 'write'],
    },
    success: { status: 200, description: 'the grant as it now is', schema: ref('Grant') },
    errors: { 400: 'an unknown kind of principal, or a body field missing or wrong', 403: NOT_ADMIN, 404: 'no such collection, or no such user, organisation or community' },
  },
  listObjects: {
    method: 'get',
    path: '/collections/{id}/objects',
    tag: 'objects',
    summary: 'The latest version of each object the caller may see, newest first, with filters and free text',
    parameters: { id: 'collection id or alias' },
    query: [
      { name: 'type', type: 'string', description: 'STIX types, comma separated' },
      { name: 'tlp', type: 'string', description: 'TLP levels, comma separated: clear, green, amber, amber+strict, red' },
      { name: 'added_after', type: 'string', description: 'only objects added after this timestamp' },
      { name: 'added_before', type: 'string', description: 'only objects added before this timestamp' },
      { name: 'organisation', type: 'string', description: 'only objects stored by this organisation (id)' },
      { name: 'q', type: 'string', description: 'text the name or description contains, in any case' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: 200, description: 'largest number of objects (default 50)' },
      { name: 'next', type: 'string', description: 'the next of the previous page' },
    ],
    success: { status: 200, description: 'a page of object summaries', schema: ref('ObjectPage') },
    errors: { 400: 'a filter is wrong (params.filter names it)', 403: NO_READ, 404: NO_COLLECTION },
  },
  getObject: {
    method: 'get',
    path: '/collections/{id}/objects/{object_id}',
    tag: 'objects',
    summary: 'An object: its newest visible version, its versions and the relationships and sightings from and to it',
    parameters: { id: 'collection id or alias', object_id: 'STIX id' },
    success: { status: 200, description: 'the object as the caller may see it', schema: ref('ObjectDetail') },
    errors: { 403: NO_READ, 404: 'no such collection, or no version of the object the caller may see' },
  },
  getObjectVersion: {
    method: 'get',
    path: '/collections/{id}/objects/{object_id}/versions/{version}',
    tag: 'objects',
    summary: 'One version of an object',
    parameters: { id: 'collection id or alias', object_id: 'STIX id', version: 'the version’s modified timestamp' },
    success: { status: 200, description: 'the version as the caller may see it', schema: objectSchema({ object: { type: 'object' } }) },
    errors: { 403: NO_READ, 404: 'no such collection, or no such version the caller may see' },
  },
  dashboard: {
    method: 'get',
    path: '/dashboard',
    tag: 'objects',
    summary: 'What the caller may see, counted; the newest objects; recent activity in its communities',
    success: { status: 200, description: 'counts over the latest versions the caller may see', schema: ref('Dashboard') },
    errors: {},
  },
  importBundle: {
    method: 'post',
    path: '/collections/{id}/import',
    tag: 'objects',
    summary: 'Store the objects of a STIX bundle file (read as it streams in); valid objects are stored even when others are rejected',
    parameters: { id: 'collection id or alias' },
    query: [
      {
        name: 'personal_data',
        type: 'string',
        description:
          'what to do with personal data found in objects that people outside the caller’s organisation would read: confirm (store as they are, recorded in the audit log) or redact (replace each finding with [redacted]); without it such a file is refused whole',
      },
    ],
    upload: { mediaTypes: ['application/json', 'application/stix+json'], maxBytes: IMPORT_MAX_BYTES, description: 'a STIX 2.1 bundle' },
    success: { status: 200, description: 'the outcome of every object', schema: ref('ImportReport') },
    errors: {
      400: 'the file is not a well-formed bundle (import.malformed_bundle; params.stored: objects stored before the fault, which stay stored)',
      403: 'the caller may not add objects to it',
      404: NO_COLLECTION,
      409: 'objects hold personal data and would be read outside the caller’s organisation, and personal_data was not given (personal_data.found; error.problems lists each finding: rule by kind, path, index, object, kind; nothing is stored)',
    },
  },
  exportBundle: {
    method: 'get',
    path: '/collections/{id}/export',
    tag: 'objects',
    summary: 'Download every version the caller may see as one STIX bundle (never TLP:RED)',
    parameters: { id: 'collection id or alias' },
    query: [{ name: 'personal_data', type: 'string', description: 'redact: write each finding of personal data in free text as [redacted]; the bundle is then written whole before the download starts, so its headers can count them' }],
    success: {
      status: 200,
      description: 'the bundle, streamed',
      schema: { type: 'object', description: 'a STIX 2.1 bundle' },
      mediaType: STIX_MEDIA_TYPE,
      headers: {
        'Content-Disposition': 'attachment; filename="<alias or id>.json"',
        [PERSONAL_DATA_OBJECTS_HEADER]: 'with personal_data=redact: how many objects held personal data in free text',
        [PERSONAL_DATA_REDACTED_HEADER]: 'with personal_data=redact: how many findings were written as [redacted]',
      },
    },
    errors: { 400: 'personal_data is not redact', 403: NO_READ, 404: NO_COLLECTION },
  },
} as const satisfies Record<string, RestEndpoint>;

/** The Exchange module's part of the REST API. */
export const EXCHANGE_REST_API: RestApiPart = { endpoints: EXCHANGE_REST_ENDPOINTS, schemas: { ...COLLECTION_SCHEMAS, ...OBJECT_SCHEMAS } };
