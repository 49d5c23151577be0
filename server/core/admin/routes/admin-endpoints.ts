/**
 * The core's REST endpoints as data: organisations, users and their tokens, the audit log and the caller's
 * profile. The route files register their handlers against these declarations, and the OpenAPI document is
 * generated from them. Who may call what is decided by the services; `errors` says what each may answer.
 */
import { listOf, objectSchema, ref, type RestApiPart, type RestEndpoint } from '../../rest/rest-endpoint.ts';
import { ADMIN_SCHEMAS } from '../presenters/admin-schemas.ts';

const NOT_ADMIN = 'the caller is not an administrator';

export const ADMIN_ENDPOINTS = {
  listOrganisations: {
    method: 'get',
    path: '/organisations',
    tag: 'organisations',
    summary: 'List organisations',
    success: { status: 200, description: 'every organisation, by name', schema: objectSchema({ organisations: listOf('Organisation') }) },
    errors: {},
  },
  addOrganisation: {
    method: 'post',
    path: '/organisations',
    tag: 'organisations',
    summary: 'Add an organisation and its STIX identity',
    body: {
      fields: {
        name: { type: 'string', description: 'name, unique regardless of case' },
        type: { type: 'string', description: 'member-state, sector-member, academia, associate or regional-international' },
        subtype: { type: 'string', description: 'a subtype of the type (member-state: ministry, regulator, national-cirt, other)' },
        country: { type: 'string', description: 'ISO 3166-1 alpha-2 code; needed by every type but regional-international' },
        sector: { type: 'string', description: 'sector, an industry-sector-ov value where one fits' },
      },
      required: ['name', 'type'],
    },
    success: { status: 201, description: 'the organisation added', schema: ref('Organisation') },
    errors: { 400: 'a field is missing or wrong (params.field names it): unknown type or subtype, bad country…', 403: NOT_ADMIN, 409: 'an organisation of that name exists' },
  },
  getOrganisation: {
    method: 'get',
    path: '/organisations/{id}',
    tag: 'organisations',
    summary: 'Get an organisation',
    parameters: { id: 'organisation id, or name' },
    success: { status: 200, description: 'the organisation', schema: ref('Organisation') },
    errors: { 404: 'no such organisation' },
  },
  listUsers: {
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'List users',
    success: { status: 200, description: 'every user, by name', schema: objectSchema({ users: listOf('User') }) },
    errors: { 403: NOT_ADMIN },
  },
  addUser: {
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Add a user',
    body: {
      fields: {
        name: { type: 'string', description: 'user name: 1 to 64 letters, digits, ".", "_", "-" or "@"' },
        password: { type: 'string', description: 'password, at least 8 characters' },
        organisation: { type: 'string', description: 'the organisation the user belongs to (id or name)' },
        admin: { type: 'boolean', description: 'a platform administrator (default false); the same as roles ["platform-admin"]' },
        roles: { type: 'string-list', description: 'roles (GET /roles lists them); default ["analyst"]. An organisation administrator gives only roles it holds' },
      },
      required: ['name', 'password'],
    },
    success: { status: 201, description: 'the user added', schema: ref('User') },
    errors: { 400: 'a field is missing or wrong (params.field names it)', 403: NOT_ADMIN, 404: 'no such organisation', 409: 'a user of that name exists' },
  },
  getUser: {
    method: 'get',
    path: '/users/{name}',
    tag: 'users',
    summary: 'Get a user',
    parameters: { name: 'user name (any case)' },
    success: { status: 200, description: 'the user', schema: ref('User') },
    errors: { 403: NOT_ADMIN, 404: 'no such user' },
  },
  createToken: {
    method: 'post',
    path: '/users/{name}/tokens',
    tag: 'users',
    summary: 'Create an API token for a user (shown once)',
    parameters: { name: 'user name (any case)' },
    body: { fields: { label: { type: 'string', description: 'what the token is for, 1 to 100 characters' } }, required: ['label'] },
    success: { status: 201, description: 'the token, in this answer only: it is stored hashed', schema: ref('NewToken') },
    errors: { 400: 'the label is missing or wrong', 403: NOT_ADMIN, 404: 'no such user' },
  },
  setUserDisabled: {
    method: 'put',
    path: '/users/{name}/disabled',
    tag: 'users',
    summary: 'Disable or re-enable a user',
    parameters: { name: 'user name (any case)' },
    body: { fields: { disabled: { type: 'boolean', description: 'true: neither password nor tokens sign in' } }, required: ['disabled'] },
    success: { status: 200, description: 'the user as it now is', schema: ref('User') },
    errors: { 403: NOT_ADMIN, 404: 'no such user' },
  },
  listRoles: {
    method: 'get',
    path: '/roles',
    tag: 'users',
    summary: 'List the roles and the permissions each holds',
    success: { status: 200, description: 'every role, by name', schema: objectSchema({ roles: listOf('Role') }) },
    errors: {},
  },
  addUserRole: {
    method: 'put',
    path: '/users/{name}/roles/{role}',
    tag: 'users',
    summary: 'Give a user a role (holding it already changes nothing)',
    parameters: { name: 'user name (any case)', role: 'role name' },
    success: { status: 200, description: 'the user as it now is, and whether anything changed', schema: ref('RoleChange') },
    errors: { 400: 'an unknown role', 403: 'the caller may not manage this user, or does not hold the role itself', 404: 'no such user' },
  },
  removeUserRole: {
    method: 'delete',
    path: '/users/{name}/roles/{role}',
    tag: 'users',
    summary: 'Take a role from a user (not holding it changes nothing)',
    parameters: { name: 'user name (any case)', role: 'role name' },
    success: { status: 200, description: 'the user as it now is, and whether anything changed', schema: ref('RoleChange') },
    errors: { 400: 'an unknown role', 403: 'the caller may not manage this user, or does not hold the role itself', 404: 'no such user' },
  },
  listAudit: {
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'List the audit entries the caller may see, oldest first',
    query: [
      { name: 'after', type: 'integer', minimum: 0, description: 'only entries after this seq (the next_after of the previous page)' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, description: 'largest number of entries (default 100)' },
    ],
    success: { status: 200, description: 'administrators see every entry, other users their own', schema: ref('AuditPage') },
    errors: { 400: 'after or limit is not a whole number in range' },
  },
  verifyAudit: {
    method: 'get',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Verify the hash chain of the audit log',
    query: [{ name: 'expect_head', type: 'string', description: 'SEQ:HASH of a head recorded earlier, to check it is still in the log unchanged' }],
    success: { status: 200, description: 'whether the chain is intact, its head, and the first problem found', schema: ref('AuditVerification') },
    errors: { 400: 'expect_head is not SEQ:HASH', 403: NOT_ADMIN },
  },
  me: {
    method: 'get',
    path: '/me',
    tag: 'me',
    summary: 'The caller: user, organisation and communities',
    success: { status: 200, description: 'the signed-in user as stored now', schema: ref('Caller') },
    errors: {},
  },
  setMyLanguage: {
    method: 'put',
    path: '/me/language',
    tag: 'me',
    summary: 'Remember the language the caller chose for the web UI',
    body: { fields: { language: { type: 'string', description: 'ar, zh, en, fr, ru or es; null to follow the browser again' } }, required: [] },
    success: { status: 200, description: 'the user as it now is', schema: ref('User') },
    errors: { 400: 'not one of the six languages' },
  },
  listCountries: {
    method: 'get',
    path: '/countries',
    tag: 'organisations',
    summary: 'The ISO 3166-1 countries with their names in a language, sorted as that language sorts',
    query: [{ name: 'lang', type: 'string', description: 'ar, zh, en, fr, ru or es (default en)' }],
    success: { status: 200, description: 'every assigned country code and its name', schema: objectSchema({ countries: listOf('Country') }) },
    errors: { 400: 'not one of the six languages' },
  },
} as const satisfies Record<string, RestEndpoint>;

/** The core's part of the REST API. */
export const ADMIN_API: RestApiPart = { endpoints: ADMIN_ENDPOINTS, schemas: ADMIN_SCHEMAS };
