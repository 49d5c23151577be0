/**
 * JSON Schemas of what the core's presenters answer, named for `components.schemas` of the OpenAPI document.
 * Kept beside the presenters they describe: a change to one is a change to the other.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../rest/rest-endpoint.ts';

const text = (description: string): JsonSchema => ({ type: 'string', description });
const nullableText = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const time = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const integer = (description: string): JsonSchema => ({ type: 'integer', description });
const flag = (description: string): JsonSchema => ({ type: 'boolean', description });

const community = {
  id: text('community id'),
  name: text('community name'),
  slug: text('URL-safe form of its name'),
  api_root: text('name of its TAXII API root (its slug), as collections name their api_root: served at /<api_root>/'),
  description: nullableText('description'),
  created_at: time('when it was added'),
};

export const ADMIN_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Organisation: objectSchema({
    id: text('organisation id'),
    name: text('name, unique regardless of case'),
    type: text('organisation type: member-state, sector-member, academia, associate or regional-international'),
    subtype: nullableText('subtype of the type, such as national-cirt'),
    country: nullableText('ISO 3166-1 alpha-2 country code; null only for a regional or international organisation'),
    sector: nullableText('sector'),
    identity_id: text('id of its STIX identity, for created_by_ref'),
    identity: { type: 'object', description: 'its STIX 2.1 identity object' },
    created_at: time('when it was added'),
  }),
  User: objectSchema({
    id: text('user id'),
    name: text('user name, unique regardless of case'),
    admin: flag('a platform administrator'),
    roles: { type: 'array', items: { type: 'string' }, description: 'the roles it holds' },
    language: { type: ['string', 'null'], enum: ['ar', 'zh', 'en', 'fr', 'ru', 'es', null], description: 'the language chosen for the web UI; null: the browser\'s' },
    disabled: flag('neither password nor tokens sign in'),
    organisation_id: nullableText('the organisation the user belongs to'),
    created_at: time('when it was added'),
  }),
  Country: objectSchema({
    code: text('ISO 3166-1 alpha-2 code'),
    name: text('its name in the language asked for'),
  }),
  Role: objectSchema({
    name: text('role name'),
    description: text('what the role is for'),
    includes: { type: 'array', items: { type: 'string' }, description: 'the roles it includes' },
    permissions: { type: 'array', items: { type: 'string' }, description: 'permissions held everywhere, own and included ("*": all)' },
    organisation_permissions: { type: 'array', items: { type: 'string' }, description: "permissions held over the holder's own organisation" },
  }),
  RoleChange: objectSchema({
    user: ref('User'),
    changed: flag('false when the user already held (or did not hold) the role'),
  }),
  NewToken: objectSchema({
    id: text('token id'),
    label: text('label'),
    user: text('user name'),
    token: text('the token, for Authorization: Bearer; shown in this answer only'),
  }),
  Community: objectSchema({ ...community, members: integer('number of member organisations') }, ['members']),
  CommunityWithMembers: objectSchema({
    ...community,
    members: { type: 'array', items: objectSchema({ organisation_id: text('member organisation'), joined_at: time('when it joined') }) },
  }),
  Membership: objectSchema({
    community_id: text('community id'),
    organisation_id: text('organisation id'),
    member: flag('the organisation is now a member'),
    changed: flag('the request changed the membership'),
  }),
  AuditEntry: objectSchema({
    seq: integer('position in the chain: 1, 2, 3… without gaps'),
    at: time('when it was recorded'),
    actor: text('user:<id>, system, anonymous, or the attempted name of a failed sign-in'),
    action: text('stable action code, such as organisation.add'),
    target: nullableText('id of what the action was on'),
    details: { type: 'object', description: 'small facts of the action' },
    organisation_id: nullableText('organisation of the entry'),
    prev_hash: text('hash of the entry before'),
    hash: text('SHA-256 hex of the canonical JSON of the entry'),
  }),
  AuditPage: objectSchema({ entries: listOf('AuditEntry'), next_after: { type: ['integer', 'null'], description: 'after of the next page; null on the last' } }),
  AuditVerification: objectSchema({
    ok: flag('the chain is intact'),
    entries: integer('entries checked and found intact'),
    head: objectSchema({ seq: integer('seq of the newest entry'), hash: text('its hash') }),
    problems: { type: 'array', items: objectSchema({ seq: integer('entry'), kind: text('gap, hash_mismatch, reordered, broken_link or head_mismatch'), message: text('why') }) },
  }),
  Caller: objectSchema({
    user: ref('User'),
    organisation: { oneOf: [ref('Organisation'), { type: 'null' }] },
    communities: listOf('Community'),
  }),
};
