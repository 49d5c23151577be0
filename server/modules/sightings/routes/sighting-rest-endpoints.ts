/**
 * The Sightings module's REST endpoints as data: post a sighting of an indicator (readers of the indicator
 * who may write its collection), and an indicator's sightings with their aggregate (readers of it).
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { SIGHTING_SCHEMAS } from '../presenters/sighting.presenter.ts';

const tag = 'sightings';
const parameters = { collection: 'collection id or alias', id: 'STIX id of the indicator' };

export const SIGHTING_REST_ENDPOINTS = {
  postSighting: {
    method: 'post',
    path: '/collections/{collection}/indicators/{id}/sightings',
    tag,
    summary: 'Report a sighting of an indicator, for the caller’s organisation or anonymously (stored as a STIX sighting in the indicator’s collection)',
    parameters,
    body: {
      fields: {
        count: { type: 'integer', description: 'times it was seen, 0 to 999999999 (default 1)' },
        first_seen: { type: 'string', description: 'start of the window it was seen in (UTC timestamp)' },
        last_seen: { type: 'string', description: 'end of the window, not before first_seen' },
        where: { type: 'string', description: 'where it was seen, in words (up to 1000 characters)' },
        anonymous: { type: 'boolean', description: 'true: counted for the community, not attributed to the caller’s organisation (at most TLP:AMBER)' },
        tlp: { type: 'string', description: 'clear, green, amber, amber+strict or red (default: the collection’s)' },
        where_sighted_refs: { type: 'string-list', description: 'ids of identities or locations where it was seen (the caller’s organisation comes first unless anonymous)' },
        observed_data_refs: { type: 'string-list', description: 'ids of observed data that show it' },
      },
      required: [],
    },
    success: { status: 201, description: 'the sighting stored', schema: ref('PostedSighting') },
    errors: {
      400: 'bad input (sighting.invalid_*), an anonymous sighting above AMBER (sighting.anonymous_tlp), no organisation to attribute it to (sighting.organisation_required), or refused by the collection’s sharing rules (sighting.rejected)',
      403: 'the caller may not read or may not write the collection',
      404: 'no such collection, or no indicator of that id the caller may see',
    },
  },
  listSightings: {
    method: 'get',
    path: '/collections/{collection}/indicators/{id}/sightings',
    tag,
    summary: 'The sightings of an indicator the caller may see, newest first (at most 10,000), and their aggregate',
    parameters,
    success: { status: 200, description: 'aggregate and list, computed from what the caller may see only', schema: ref('IndicatorSightings') },
    errors: { 400: 'not an indicator id (sighting.invalid_indicator)', 403: 'the caller may not read the collection', 404: 'no such collection, or no indicator of that id the caller may see' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const SIGHTING_REST_API: RestApiPart = { endpoints: SIGHTING_REST_ENDPOINTS, schemas: SIGHTING_SCHEMAS };
