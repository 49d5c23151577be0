/**
 * An incident as a team reports it, checked, and the STIX 2.1 `incident` built from it (pure). The object
 * carries the OASIS Incident Core Extension 2.0 (`determination`, `investigation_status`, `criticality`,
 * `incident_types`, `detection_methods`), and Thiqa's own custom properties (STIX §11.1) for what the
 * specification has no property for: the workflow state `x_thiqa_incident_state`, the affected sectors
 * `x_thiqa_sectors` (industry-sector-ov values) and countries `x_thiqa_countries` (ISO 3166-1 alpha-2), and the
 * sightings linked to it `x_thiqa_sighting_refs` (a relationship may not point at a sighting).
 *
 * Severity is the extension's `criticality` (0–100), given as one of the qualitative levels of its Appendix A
 * ("5 Qualitative": low 15, moderate 40, high 70, extreme 95) and read back by the same table's ranges.
 * Major is the `major` value of `incident_types` (see `shared/stix/incident-core.ts`).
 */
import { randomUUID } from 'node:crypto';
import { invalid, type DomainError } from '../../../core/errors.ts';
import { normaliseCountryCode } from '../../../core/organisations/country-code.ts';
import { INCIDENT_CORE_EXTENSION_ID, MAJOR_INCIDENT_TYPE, incidentCoreOf } from '../../../../shared/stix/incident-core.ts';
import { isIdentifier } from '../../../../shared/stix/identifier.ts';
import { parseTlpLevel, RECIPIENT_REFS, RECIPIENT_USERS, TLP_LEVELS, TLP_RED } from '../../../../shared/stix/sharing.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { ENUMERATIONS, OPEN_VOCABULARIES } from '../../../../shared/stix/vocabularies.ts';
import { INVESTIGATION_STATUS, type IncidentState } from './incident-workflow.ts';

export const NAME_MAX = 200;
export const TEXT_MAX = 10_000;
export const LIST_MAX = 50;

/** Appendix A, "5 Qualitative": the criticality each level is written as, and the lowest value it covers. */
export const SEVERITIES = [
  { level: 'low', criticality: 15, from: 1 },
  { level: 'moderate', criticality: 40, from: 30 },
  { level: 'high', criticality: 70, from: 50 },
  { level: 'extreme', criticality: 95, from: 90 },
] as const;
export type Severity = (typeof SEVERITIES)[number]['level'];

/** What a reporter sends (REST body or CLI flags). */
export interface IncidentRequest {
  name?: unknown;
  description?: unknown;
  determination?: unknown;
  severity?: unknown;
  incident_types?: unknown;
  detection_methods?: unknown;
  sectors?: unknown;
  countries?: unknown;
  major?: unknown;
  tlp?: unknown;
  recipients?: unknown;
  links?: unknown;
}

export interface IncidentInput {
  name: string;
  description: string | undefined;
  determination: string;
  criticality: number | undefined;
  incidentTypes: string[];
  detectionMethods: string[];
  sectors: string[];
  countries: string[];
  tlp: number | undefined;
  /** STIX identities of organisations it is shared with beyond its audience (`x_thiqa_recipient_refs`). */
  recipients: string[];
  /** Indicators to link by a relationship "indicator detected incident". */
  indicatorRefs: string[];
  /** Sightings to link (`x_thiqa_sighting_refs`). */
  sightingRefs: string[];
}

/** Who reports it: the organisation's STIX identity and the user's name (named on a RED incident). */
export interface Reporter {
  identityId: string;
  userName: string | null;
}

const SECTORS = new Set<string>(OPEN_VOCABULARIES['industry-sector-ov']);
const DETERMINATIONS: readonly string[] = ENUMERATIONS['incident-determination-enum'];
const VOCABULARY_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONTROL = /\p{Cc}/u;

const text = (value: unknown, max: number) => typeof value === 'string' && value.trim() !== '' && value.length <= max && !CONTROL.test(value.replace(/[\n\t\r]/g, ''));

/** The severity level a criticality falls in (Appendix A ranges); null for 0 or none. */
export function severityOf(criticality: unknown): Severity | null {
  if (typeof criticality !== 'number' || criticality < 1) return null;
  return [...SEVERITIES].reverse().find((s) => criticality >= s.from)!.level;
}

/** The distinct accepted items of a list (at most `LIST_MAX`); `refused` is thrown for anything else. */
function listOf(value: unknown, accept: (item: string) => string | undefined, refused: (max: number) => DomainError): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [];
  const accepted = items.map((item) => (typeof item === 'string' ? accept(item) : undefined));
  if (!Array.isArray(value) || value.length > LIST_MAX || accepted.some((item) => item === undefined)) throw refused(LIST_MAX);
  return [...new Set(accepted as string[])];
}

/** `indicator` or `sighting` for the id of one, else undefined. */
export function linkKindOf(ref: unknown): 'indicator' | 'sighting' | undefined {
  if (typeof ref !== 'string' || !isIdentifier(ref)) return undefined;
  const kind = ref.slice(0, ref.indexOf('--'));
  return kind === 'indicator' || kind === 'sighting' ? kind : undefined;
}

/**
 * The indicators and sightings a report links, by kind.
 * @throws DomainError `invalid` `incident.invalid_links` naming the first item that is not the id of one.
 */
function linksOf(value: unknown): { indicatorRefs: string[]; sightingRefs: string[] } {
  if (value === undefined) return { indicatorRefs: [], sightingRefs: [] };
  const refused = (ref: string, why: string) =>
    invalid('incident.invalid_links', `links is a list of at most ${LIST_MAX} ids of indicators and sightings (indicator--<uuid>, sighting--<uuid>): ${why}`, { field: 'links', ref, max: LIST_MAX });
  if (!Array.isArray(value)) throw refused(JSON.stringify(value), `not ${JSON.stringify(value)}`);
  const bad: unknown = value.find((ref) => linkKindOf(ref) === undefined);
  if (bad !== undefined) throw refused(String(bad), `"${String(bad)}" is the id of neither`);
  if (value.length > LIST_MAX) throw refused(String(value[LIST_MAX]), `${value.length} items`);
  const unique = [...new Set(value as string[])];
  return { indicatorRefs: unique.filter((ref) => linkKindOf(ref) === 'indicator'), sightingRefs: unique.filter((ref) => linkKindOf(ref) === 'sighting') };
}

/** The TLP named, as a rank. @throws DomainError `invalid` `incident.invalid_tlp`. */
export function tlpOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const rank = typeof value === 'string' ? parseTlpLevel(value.trim().toLowerCase()) : undefined;
  if (rank === undefined) throw invalid('incident.invalid_tlp', `tlp is one of ${TLP_LEVELS.join(', ')}, not ${JSON.stringify(value)}`, { field: 'tlp', levels: TLP_LEVELS.join(', ') });
  return rank;
}

/**
 * Checks a reported incident.
 * @throws DomainError `invalid` `incident.invalid_name`, `incident.invalid_description`,
 *   `incident.invalid_determination`, `incident.invalid_severity`, `incident.invalid_incident_types`,
 *   `incident.invalid_detection_methods`, `incident.invalid_sectors`, `incident.invalid_countries`,
 *   `incident.invalid_major`, `incident.invalid_tlp`, `incident.invalid_recipients`, `incident.invalid_links`.
 */
export function checkIncidentRequest(request: IncidentRequest): IncidentInput {
  if (!text(request.name, NAME_MAX)) throw invalid('incident.invalid_name', `an incident needs a name of 1 to ${NAME_MAX} characters without control characters`, { field: 'name', max: NAME_MAX });
  if (request.description !== undefined && !text(request.description, TEXT_MAX)) throw invalid('incident.invalid_description', `a description has 1 to ${TEXT_MAX} characters without control characters`, { field: 'description', max: TEXT_MAX });
  const determination = request.determination ?? 'suspected';
  if (typeof determination !== 'string' || !DETERMINATIONS.includes(determination)) {
    throw invalid('incident.invalid_determination', `determination is one of ${DETERMINATIONS.join(', ')}`, { field: 'determination', values: DETERMINATIONS.join(', ') });
  }
  let criticality: number | undefined;
  if (request.severity !== undefined) {
    criticality = SEVERITIES.find((s) => s.level === request.severity)?.criticality;
    if (criticality === undefined) throw invalid('incident.invalid_severity', `severity is one of ${SEVERITIES.map((s) => s.level).join(', ')}`, { field: 'severity', values: SEVERITIES.map((s) => s.level).join(', ') });
  }
  if (request.major !== undefined && typeof request.major !== 'boolean') throw invalid('incident.invalid_major', 'major is true or false', { field: 'major' });
  const vocabularyValue = (item: string) => (VOCABULARY_VALUE.test(item) && item.length <= 100 ? item : undefined);
  const incidentTypes = listOf(request.incident_types, vocabularyValue, (max) => invalid('incident.invalid_incident_types', `incident_types is a list of at most ${max} lower-case values such as compromised-system (incident-type-ov)`, { field: 'incident_types', max }));
  const withMajor = request.major === true ? [...new Set([...incidentTypes, MAJOR_INCIDENT_TYPE])] : incidentTypes.filter((t) => request.major !== false || t !== MAJOR_INCIDENT_TYPE);
  return {
    name: (request.name as string).trim(),
    description: typeof request.description === 'string' ? request.description.trim() : undefined,
    determination,
    criticality,
    incidentTypes: withMajor,
    detectionMethods: listOf(request.detection_methods, vocabularyValue, (max) => invalid('incident.invalid_detection_methods', `detection_methods is a list of at most ${max} lower-case values such as user-reporting (detection-methods-ov)`, { field: 'detection_methods', max })),
    sectors: listOf(request.sectors, (item) => (SECTORS.has(item) ? item : undefined), (max) => invalid('incident.invalid_sectors', `sectors is a list of at most ${max} values of industry-sector-ov`, { field: 'sectors', max })),
    countries: listOf(request.countries, normaliseCountryCode, (max) => invalid('incident.invalid_countries', `countries is a list of at most ${max} ISO 3166-1 alpha-2 country codes`, { field: 'countries', max })),
    tlp: tlpOf(request.tlp),
    recipients: listOf(request.recipients, (item) => (isIdentifier(item) && item.startsWith('identity--') ? item : undefined), (max) => invalid('incident.invalid_recipients', `recipients is a list of at most ${max} ids of organisations’ identities (identity--<uuid>)`, { field: 'recipients', max })),
    ...linksOf(request.links),
  };
}

/** The STIX incident reported by `reporter`, created `now`, in the `reported` state. */
export function buildIncident(input: IncidentInput, reporter: Reporter, now: Date): Record<string, unknown> {
  const stamp = now.toISOString();
  const core: Record<string, unknown> = { extension_type: 'property-extension', determination: input.determination, investigation_status: INVESTIGATION_STATUS.reported };
  if (input.criticality !== undefined) core.criticality = input.criticality;
  if (input.incidentTypes.length) core.incident_types = input.incidentTypes;
  if (input.detectionMethods.length) core.detection_methods = input.detectionMethods;
  const incident: Record<string, unknown> = {
    type: 'incident',
    spec_version: '2.1',
    id: `incident--${randomUUID()}`,
    created: stamp,
    modified: stamp,
    created_by_ref: reporter.identityId,
    name: input.name,
    extensions: { [INCIDENT_CORE_EXTENSION_ID]: core },
    x_thiqa_incident_state: 'reported',
  };
  if (input.description !== undefined) incident.description = input.description;
  if (input.sectors.length) incident.x_thiqa_sectors = input.sectors;
  if (input.countries.length) incident.x_thiqa_countries = input.countries;
  if (input.sightingRefs.length) incident.x_thiqa_sighting_refs = input.sightingRefs;
  if (input.tlp !== undefined) incident.object_marking_refs = [TLP2_MARKINGS[TLP_LEVELS[input.tlp]!]];
  // The exchange checks that each names an organisation of this hub (else the report is refused).
  if (input.recipients.length) incident[RECIPIENT_REFS] = input.recipients;
  // RED is for named people: the reporter is the one named, and stays named in every later version.
  if (input.tlp === TLP_RED && reporter.userName !== null) incident[RECIPIENT_USERS] = [reporter.userName];
  return incident;
}

/** A change to an incident: its state, whether it is major, sightings to link. */
export interface IncidentChange {
  state?: IncidentState;
  major?: boolean;
  sightingRefs?: readonly string[];
  /** Organisations to name as recipients (so the reporter keeps seeing versions others store). */
  recipientRefs?: readonly string[];
}

/**
 * The next version of `previous` with `change` applied: every other property kept, `modified` at `now` (or
 * 1 ms after the previous version's, so versions stay ordered when clocks are close).
 */
export function nextVersion(previous: Record<string, unknown>, change: IncidentChange, now: Date): Record<string, unknown> {
  const next = structuredClone(previous);
  const before = Date.parse(String(previous.modified));
  next.modified = new Date(Math.max(now.getTime(), before + 1)).toISOString();
  // An incident from another tool may carry no extension yet: its first version here adds it, suspected.
  const core: Record<string, unknown> = { extension_type: 'property-extension', determination: 'suspected', ...(incidentCoreOf(next) ?? {}) };
  if (change.state !== undefined) {
    next.x_thiqa_incident_state = change.state;
    core.investigation_status = INVESTIGATION_STATUS[change.state];
  }
  if (change.major !== undefined) {
    const types = (Array.isArray(core.incident_types) ? core.incident_types : []).filter((t) => t !== MAJOR_INCIDENT_TYPE);
    if (change.major) types.push(MAJOR_INCIDENT_TYPE);
    if (types.length) core.incident_types = types;
    else delete core.incident_types;
  }
  next.extensions = { ...(next.extensions as Record<string, unknown>), [INCIDENT_CORE_EXTENSION_ID]: core };
  if (change.sightingRefs?.length) next.x_thiqa_sighting_refs = [...new Set([...refsOf(next.x_thiqa_sighting_refs), ...change.sightingRefs])];
  if (change.recipientRefs?.length) next.x_thiqa_recipient_refs = [...new Set([...refsOf(next.x_thiqa_recipient_refs), ...change.recipientRefs])];
  return next;
}

/** The strings of a list property (an empty list for anything else). */
export function refsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : [];
}
