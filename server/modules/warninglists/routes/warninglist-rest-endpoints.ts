/**
 * The Warning lists module's REST endpoints as data: the lists (any signed-in user), enabling or disabling one
 * (`warninglists.manage`: platform administrators), and which lists a value is on. Import is the CLI's
 * (`thiqa warninglists import DIR`).
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { WARNINGLIST_SCHEMAS } from '../presenters/warninglist.presenter.ts';
import { VALUE_KINDS } from '../services/value-kind.ts';

const tag = 'warninglists';

export const WARNINGLIST_REST_ENDPOINTS = {
  listWarningLists: {
    method: 'get',
    path: '/warninglists',
    tag,
    summary: 'The MISP warning lists imported, by name: version, type, entry count, whether enabled',
    success: { status: 200, description: 'every list, without its entries', schema: ref('WarningLists') },
    errors: {},
  },
  checkWarningLists: {
    method: 'get',
    path: '/warninglists/check',
    tag,
    summary: 'Which enabled warning lists a value is on',
    query: [
      { name: 'value', type: 'string', description: 'the value (required): an address, domain, URL, e-mail address, hash, file name' },
      { name: 'type', type: 'string', description: `its kind: ${VALUE_KINDS.join(', ')} (default: guessed from its form)` },
      { name: 'hash_algorithm', type: 'string', description: 'for a hash: MD5, SHA-1, SHA-256… (default: by its length)' },
    ],
    success: { status: 200, description: 'the value, its kind, and the lists it is on (empty when none)', schema: ref('WarningListCheck') },
    errors: { 400: 'no value, or a kind that is not one (warninglists.unknown_kind)' },
  },
  setWarningListEnabled: {
    method: 'post',
    path: '/warninglists/{name}',
    tag,
    summary: 'Enable or disable a warning list (platform administrators)',
    parameters: { name: 'the list’s name, URL-encoded' },
    body: { fields: { enabled: { type: 'boolean', description: 'true: values are checked against it; false: not' } }, required: ['enabled'] },
    success: { status: 200, description: 'the list as it is now', schema: ref('WarningList') },
    errors: { 403: 'the caller is not a platform administrator (warninglists.manage_forbidden)', 404: 'there is no list of that name' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const WARNINGLIST_REST_API: RestApiPart = { endpoints: WARNINGLIST_REST_ENDPOINTS, schemas: WARNINGLIST_SCHEMAS };
