/**
 * The Incidents module's REST endpoints as data: report, list, show, move, mark major, add a note, link an
 * indicator or a sighting. Every answer is computed from what the caller may see.
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { INCIDENT_SCHEMAS } from '../presenters/incident.presenter.ts';

const tag = 'incidents';
const inCollection = { collection: 'collection id or alias' };
const parameters = { ...inCollection, id: 'STIX id of the incident' };
const notVisible = 'no such collection, or no incident of that id the caller may see';
const list = (description: string) => ({ type: 'string-list' as const, description });

export const INCIDENT_REST_ENDPOINTS = {
  reportIncident: {
    method: 'post',
    path: '/collections/{collection}/incidents',
    tag,
    summary: 'Report an incident for the caller’s organisation (a STIX incident with the Incident Core Extension, state reported)',
    parameters: inCollection,
    body: {
      fields: {
        name: { type: 'string', description: 'its name, 1 to 200 characters' },
        description: { type: 'string', description: 'what happened, up to 10,000 characters' },
        determination: { type: 'string', description: 'incident-determination-enum: blocked, successful-attempt, failed-attempt, false-positive, low-value or suspected (default)' },
        severity: { type: 'string', description: 'low, moderate, high or extreme (stored as the extension’s criticality 15, 40, 70, 95)' },
        incident_types: list('incident-type-ov values, e.g. compromised-system, denial-of-service'),
        detection_methods: list('detection-methods-ov values, e.g. user-reporting'),
        sectors: list('affected sectors, industry-sector-ov values'),
        countries: list('affected countries, ISO 3166-1 alpha-2'),
        major: { type: 'boolean', description: 'true: a major incident (incident_types holds “major”): subscribers to major incidents are alerted' },
        tlp: { type: 'string', description: 'clear, green, amber, amber+strict or red (default: the collection’s)' },
        recipients: list('STIX identities of organisations of this hub it is also shared with (x_thiqa_recipient_refs), e.g. the national CIRT of an AMBER+STRICT incident'),
        links: list('indicators (linked by a relationship “indicator detected incident”, stored with it) and sightings (x_thiqa_sighting_refs) of the collection it relates to, by STIX id'),
      },
      required: ['name'],
    },
    success: { status: 201, description: 'the incident stored', schema: ref('ReportedIncident') },
    errors: { 400: 'bad input (incident.invalid_*), no organisation to report for (incident.organisation_required), or refused by the collection’s sharing rules (incident.rejected)', 403: 'the caller may not write the collection', 404: 'no such collection, or a linked object the caller may not see in it (object.not_found)' },
  },
  listIncidents: {
    method: 'get',
    path: '/collections/{collection}/incidents',
    tag,
    summary: 'A page of the incidents the caller may see in a collection (latest versions, the last stored change first); follow next until it is null (a filtered page may hold fewer than limit)',
    parameters: inCollection,
    query: [
      { name: 'state', type: 'string', description: 'only incidents in this state: reported, triaged, coordinated or closed' },
      { name: 'major', type: 'string', description: 'true: only major incidents; false: only the others' },
      { name: 'limit', type: 'integer', minimum: 1, maximum: 200, description: 'largest number of incidents (default 50)' },
      { name: 'next', type: 'string', description: 'the next of the previous page (with the same state and major)' },
    ],
    success: { status: 200, description: 'a page of incidents', schema: ref('IncidentList') },
    errors: { 400: 'a state, major flag, limit or next that is not one (incident.invalid_state, incident.invalid_major, incident.invalid_limit, incident.invalid_next), or a next issued for other filters (incident.next_mismatch)', 403: 'the caller may not read the collection', 404: 'no such collection' },
  },
  getIncident: {
    method: 'get',
    path: '/collections/{collection}/incidents/{id}',
    tag,
    summary: 'An incident with its history (every version the caller may see), notes and linked indicators',
    parameters,
    success: { status: 200, description: 'the incident', schema: ref('IncidentDetail') },
    errors: { 400: 'not an incident id (incident.invalid_id)', 403: 'the caller may not read the collection', 404: notVisible },
  },
  moveIncident: {
    method: 'put',
    path: '/collections/{collection}/incidents/{id}/state',
    tag,
    summary: 'Move an incident in the workflow (a new version): reported → triaged → coordinated → closed, closed → triaged',
    parameters,
    body: { fields: { state: { type: 'string', description: 'reported, triaged, coordinated or closed' } }, required: ['state'] },
    success: { status: 200, description: 'the incident’s new version', schema: ref('ReportedIncident') },
    errors: {
      400: 'not a state (incident.invalid_state), or refused by the sharing rules (incident.rejected)',
      403: 'the move is not the caller’s (incident.move_forbidden: triage, coordination and reopening are for coordinators; closing also for the reporting organisation’s analysts), or the caller may not write the collection',
      404: notVisible,
      409: 'no such move from the incident’s state (incident.transition_refused; the parameters list the states allowed)',
    },
  },
  markIncidentMajor: {
    method: 'put',
    path: '/collections/{collection}/incidents/{id}/major',
    tag,
    summary: 'Mark an incident major, or not (a new version unless it already is)',
    parameters,
    body: { fields: { major: { type: 'boolean', description: 'true: major' } }, required: ['major'] },
    success: { status: 200, description: 'the incident', schema: ref('ReportedIncident') },
    errors: { 400: 'incident.invalid_major, incident.rejected', 403: 'neither an analyst of the reporting organisation nor a coordinator (incident.edit_forbidden)', 404: notVisible },
  },
  addIncidentNote: {
    method: 'post',
    path: '/collections/{collection}/incidents/{id}/notes',
    tag,
    summary: 'Add a note about an incident (a STIX note whose object_refs names it, with the incident’s markings)',
    parameters,
    body: { fields: { content: { type: 'string', description: 'the note, 1 to 10,000 characters' }, abstract: { type: 'string', description: 'a summary, up to 200 characters' } }, required: ['content'] },
    success: { status: 201, description: 'the note stored', schema: ref('IncidentNoteAdded') },
    errors: { 400: 'incident.invalid_note, incident.rejected', 403: 'the caller may not write the collection', 404: notVisible },
  },
  linkIncident: {
    method: 'post',
    path: '/collections/{collection}/incidents/{id}/links',
    tag,
    summary: 'Link an indicator (a relationship “indicator detected incident”) or a sighting (the incident’s x_thiqa_sighting_refs, a new version) of the same collection',
    parameters,
    body: { fields: { ref: { type: 'string', description: 'indicator--<uuid> or sighting--<uuid>, visible to the caller' } }, required: ['ref'] },
    success: { status: 201, description: 'the relationship or the incident’s new version', schema: ref('IncidentLink') },
    errors: { 400: 'not an indicator or sighting id (incident.invalid_link), incident.rejected', 403: 'a sighting linked by neither the reporting organisation’s analysts nor a coordinator (incident.edit_forbidden), or the caller may not write the collection', 404: 'no such collection, or no incident or linked object of that id the caller may see' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const INCIDENT_REST_API: RestApiPart = { endpoints: INCIDENT_REST_ENDPOINTS, schemas: INCIDENT_SCHEMAS };
