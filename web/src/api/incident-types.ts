/** The Incidents module's answers (`/api/v1/collections/{collection}/incidents…`) and their paths. */
import { OPEN_VOCABULARIES } from '../../../shared/stix/vocabularies.ts';
import type { TlpName } from './types.ts';

export type IncidentState = 'reported' | 'triaged' | 'coordinated' | 'closed';
export const SEVERITIES = ['low', 'moderate', 'high', 'extreme'] as const;
/** The incident types a reporter picks from (incident-type-ov; `major` is the major flag, set apart). */
export const INCIDENT_TYPES: readonly string[] = OPEN_VOCABULARIES['incident-type-ov'].filter((type) => type !== 'major');
/** The affected sectors a reporter picks from (industry-sector-ov). */
export const SECTORS: readonly string[] = OPEN_VOCABULARIES['industry-sector-ov'];
/** The detection methods a reporter picks from (detection-methods-ov). */
export const DETECTION_METHODS: readonly string[] = OPEN_VOCABULARIES['detection-methods-ov'];

export interface Incident {
  id: string;
  name: string | null;
  description: string | null;
  state: IncidentState;
  next_states: IncidentState[];
  investigation_status: string | null;
  determination: string | null;
  severity: (typeof SEVERITIES)[number] | null;
  criticality: number | null;
  major: boolean;
  incident_types: string[];
  detection_methods: string[];
  sectors: string[];
  countries: string[];
  sighting_refs: string[];
  created_by_ref: string | null;
  tlp: TlpName;
  created: string | null;
  modified: string | null;
}

export interface IncidentNote {
  id: string;
  abstract: string | null;
  content: string | null;
  created_by_ref: string | null;
  created: string | null;
  tlp: TlpName;
}

export interface IncidentDetail {
  collection: string;
  incident: Incident;
  history: { version: string | null; state: IncidentState; major: boolean }[];
  notes: IncidentNote[];
  indicators: { relationship: string; indicator: string | null; created_by_ref: string | null }[];
}

/** A page of a collection's incidents; `next` is null on the last. */
export interface IncidentList {
  collection: string;
  incidents: Incident[];
  next: string | null;
}

/** The REST path of a collection's incidents, or of one of them. */
export function incidentsPath(collection: string, id?: string): string {
  const base = `/collections/${encodeURIComponent(collection)}/incidents`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

/** The UI address of an incident. */
export function incidentPage(collection: string, id: string): string {
  return `/incidents/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`;
}
