/**
 * Incidents as the REST API and `thiqa incident … --json` answer them: an incident in a few fields (its state,
 * the Incident Core Extension's fields, severity read from criticality, sectors and countries), a list, the
 * detail with its history, notes and linked indicators; and the JSON Schemas of those answers. Everything is
 * read from the STIX objects as the reader may see them.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { incidentCoreOf, isMajorIncident } from '../../../../shared/stix/incident-core.ts';
import { tlpName, TLP_LEVELS } from '../../../../shared/stix/sharing.ts';
import type { VisibleObject } from '../services/incident-store.ts';
import { refsOf, SEVERITIES, severityOf } from '../services/incident-input.ts';
import { INCIDENT_STATES, nextStates } from '../services/incident-workflow.ts';
import { stateOf, type IncidentDetail, type IncidentInCollection, type IncidentPage } from '../services/incident.service.ts';

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

export function presentIncident({ object, tlp }: VisibleObject) {
  const core = incidentCoreOf(object) ?? {};
  const state = stateOf(object);
  const criticality = typeof core.criticality === 'number' ? core.criticality : null;
  return {
    id: object.id as string,
    name: textOrNull(object.name),
    description: textOrNull(object.description),
    state,
    next_states: nextStates(state),
    investigation_status: textOrNull(core.investigation_status),
    determination: textOrNull(core.determination),
    severity: severityOf(criticality),
    criticality,
    major: isMajorIncident(object),
    incident_types: refsOf(core.incident_types),
    detection_methods: refsOf(core.detection_methods),
    sectors: refsOf(object.x_thiqa_sectors),
    countries: refsOf(object.x_thiqa_countries),
    sighting_refs: refsOf(object.x_thiqa_sighting_refs),
    created_by_ref: textOrNull(object.created_by_ref),
    tlp: tlpName(tlp),
    created: textOrNull(object.created),
    modified: textOrNull(object.modified),
  };
}

export function presentReported(found: IncidentInCollection) {
  return { collection: found.collectionId, incident: presentIncident(found.incident), object: found.incident.object };
}

export function presentIncidents(found: IncidentPage) {
  return { collection: found.collectionId, incidents: found.incidents.map(presentIncident), next: found.next ?? null };
}

export function presentNote({ object, tlp }: VisibleObject) {
  return { id: object.id as string, abstract: textOrNull(object.abstract), content: textOrNull(object.content), created_by_ref: textOrNull(object.created_by_ref), created: textOrNull(object.created), tlp: tlpName(tlp) };
}

export function presentDetail(found: IncidentDetail) {
  return {
    ...presentReported(found),
    history: found.history.map(({ object }) => ({ version: textOrNull(object.modified), state: stateOf(object), major: isMajorIncident(object) })),
    notes: found.notes.map(presentNote),
    indicators: found.indicators.map(({ object }) => ({ relationship: object.id as string, indicator: textOrNull(object.source_ref), created_by_ref: textOrNull(object.created_by_ref) })),
  };
}

export function presentLink(found: { collectionId: string; link: VisibleObject }) {
  return { collection: found.collectionId, object: found.link.object };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const textOrNullSchema = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const texts = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });
const state: JsonSchema = { type: 'string', enum: INCIDENT_STATES };
const tlp: JsonSchema = { type: 'string', enum: TLP_LEVELS };

export const INCIDENT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Incident: objectSchema({
    id: text('STIX id of the incident'),
    name: textOrNullSchema('its name'),
    description: textOrNullSchema('its description'),
    state: { ...state, description: 'Thiqa’s workflow state (x_thiqa_incident_state)' },
    next_states: { type: 'array', items: state, description: 'the states it may move to (by someone)' },
    investigation_status: textOrNullSchema('the Incident Core Extension’s investigation_status: new, open or closed'),
    determination: textOrNullSchema('the Incident Core Extension’s determination (incident-determination-enum)'),
    severity: { type: ['string', 'null'], enum: [...SEVERITIES.map((s) => s.level), null], description: 'the criticality’s range in the extension’s Appendix A (5 qualitative levels)' },
    criticality: { type: ['integer', 'null'], minimum: 0, maximum: 100, description: 'the Incident Core Extension’s criticality' },
    major: { type: 'boolean', description: 'true when incident_types holds “major”' },
    incident_types: texts('incident-type-ov values'),
    detection_methods: texts('detection-methods-ov values'),
    sectors: texts('affected sectors (industry-sector-ov)'),
    countries: texts('affected countries (ISO 3166-1 alpha-2)'),
    sighting_refs: texts('sightings linked to it'),
    created_by_ref: textOrNullSchema('the identity of the reporting organisation'),
    tlp,
    created: textOrNullSchema('when it was reported'),
    modified: textOrNullSchema('this version (its last change)'),
  }),
  ReportedIncident: objectSchema({ collection: text('collection id'), incident: ref('Incident'), object: { type: 'object', description: 'the STIX incident as stored' } }),
  IncidentList: objectSchema({ collection: text('collection id'), incidents: listOf('Incident'), next: textOrNullSchema('the cursor of the next page, null on the last') }),
  IncidentNote: objectSchema({ id: text('STIX id of the note'), abstract: textOrNullSchema('its abstract'), content: textOrNullSchema('its content'), created_by_ref: textOrNullSchema('the identity of its author’s organisation'), created: textOrNullSchema('when it was written'), tlp }),
  IncidentDetail: objectSchema({
    collection: text('collection id'),
    incident: ref('Incident'),
    object: { type: 'object', description: 'the latest STIX incident the caller may see' },
    history: { type: 'array', items: objectSchema({ version: textOrNullSchema('modified'), state, major: { type: 'boolean' } }), description: 'every version the caller may see, oldest first' },
    notes: listOf('IncidentNote'),
    indicators: { type: 'array', items: objectSchema({ relationship: text('the relationship id'), indicator: textOrNullSchema('the indicator (source_ref)'), created_by_ref: textOrNullSchema('who linked it') }), description: '“indicator detected incident” relationships' },
  }),
  IncidentLink: objectSchema({ collection: text('collection id'), object: { type: 'object', description: 'the relationship stored, or the incident’s new version (a sighting)' } }),
  IncidentNoteAdded: objectSchema({ collection: text('collection id'), note: ref('IncidentNote'), object: { type: 'object', description: 'the STIX note as stored' } }),
};
