/**
 * The Federation module's REST endpoints as data, for platform administrators only (`federation.forbidden`
 * for anyone else): the peers (never their credentials), the links with their cursors and status, removing a
 * link or a peer (with its links), the quarantine, and the versions pushes held back for personal data. Adding peers and links is the CLI's (credentials are
 * read from standard input there).
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { FEDERATION_SCHEMAS } from '../presenters/federation.presenter.ts';

const tag = 'federation';
const NOT_ADMIN = 'the caller is not a platform administrator (federation.forbidden)';

export const FEDERATION_REST_ENDPOINTS = {
  listPeers: {
    method: 'get',
    path: '/federation/peers',
    tag,
    summary: 'The peer hubs, by name: URL, how this hub authenticates there, the organisation each stands for',
    success: { status: 200, description: 'every peer, without credentials', schema: ref('PeerList') },
    errors: { 403: NOT_ADMIN },
  },
  removePeer: {
    method: 'delete',
    path: '/federation/peers/{peer}',
    tag,
    summary: 'Remove a peer hub, its credentials and its links (what it delivered stays, with its provenance)',
    parameters: { peer: 'peer name (any case) or id' },
    success: { status: 200, description: 'the peer removed and the ids of its links removed with it', schema: ref('RemovedPeer') },
    errors: { 403: NOT_ADMIN, 404: 'no such peer (peer.not_found)' },
  },
  listLinks: {
    method: 'get',
    path: '/federation/links',
    tag,
    summary: 'The links, with their cursors and status (last success, last attempt, failures, last error)',
    success: { status: 200, description: 'every link, oldest first', schema: ref('LinkList') },
    errors: { 403: NOT_ADMIN },
  },
  getLink: {
    method: 'get',
    path: '/federation/links/{id}',
    tag,
    summary: 'One link, with its cursors and status',
    parameters: { id: 'link id' },
    success: { status: 200, description: 'the link', schema: ref('Link') },
    errors: { 403: NOT_ADMIN, 404: 'no such link (link.not_found)' },
  },
  removeLink: {
    method: 'delete',
    path: '/federation/links/{id}',
    tag,
    summary: 'Remove a link: its sync stops (what it brought stays, with its provenance)',
    parameters: { id: 'link id' },
    success: { status: 200, description: 'the link as it was', schema: ref('RemovedLink') },
    errors: { 403: NOT_ADMIN, 404: 'no such link (link.not_found)' },
  },
  listQuarantine: {
    method: 'get',
    path: '/federation/quarantine',
    tag,
    summary: 'What peers sent that could not be stored, newest first, with the validator’s rule codes',
    query: [
      { name: 'link', type: 'string', description: 'only what arrived over this link (id)' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, description: 'at most this many (default 100)' },
    ],
    success: { status: 200, description: 'the newest quarantined objects', schema: ref('Quarantine') },
    errors: { 400: 'a limit out of range', 403: NOT_ADMIN },
  },
  listPersonalDataHolds: {
    method: 'get',
    path: '/federation/personal-data',
    tag,
    summary: 'Versions push links held back because their text seems to hold personal data (the kinds found, never the values), newest first',
    query: [
      { name: 'link', type: 'string', description: 'only those of this link (id)' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, description: 'at most this many (default 100)' },
    ],
    success: { status: 200, description: 'the held versions', schema: ref('PersonalDataHolds') },
    errors: { 400: 'a limit out of range', 403: NOT_ADMIN },
  },
  confirmPersonalDataHold: {
    method: 'post',
    path: '/federation/personal-data/confirm',
    tag,
    summary: 'Confirm that a held version may be sent over its link: it goes at the start of the link’s next push (recorded as federation.personal_data_confirm)',
    body: {
      fields: {
        link: { type: 'string', description: 'link id' },
        object: { type: 'string', description: 'STIX id' },
        version: { type: 'string', description: 'the version as listed' },
      },
      required: ['link', 'object', 'version'],
    },
    success: { status: 200, description: 'the held version, confirmed', schema: ref('PersonalDataHold') },
    errors: { 403: NOT_ADMIN, 404: 'the link holds back no such version (personal_data.hold_not_found)' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const FEDERATION_REST_API: RestApiPart = { endpoints: FEDERATION_REST_ENDPOINTS, schemas: FEDERATION_SCHEMAS };
