/**
 * The Exchange module's REST endpoints as data: communities (each with its TAXII API root), collections and
 * who may use them. Handlers are registered against these declarations (`community.rest.ts`,
 * `collection.rest.ts`) and the OpenAPI document is generated from them.
 */
import { listOf, objectSchema, ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { COLLECTION_SCHEMAS } from '../presenters/collection-rest.presenter.ts';

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
} as const satisfies Record<string, RestEndpoint>;

/** The Exchange module's part of the REST API. */
export const EXCHANGE_REST_API: RestApiPart = { endpoints: EXCHANGE_REST_ENDPOINTS, schemas: COLLECTION_SCHEMAS };
