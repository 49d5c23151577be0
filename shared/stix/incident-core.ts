/**
 * Reading the Incident Core Extension of an incident (pure). A major incident is one whose `incident_types`
 * holds `major` (incident-type-ov: "classified as major based on the internal criteria within the
 * organization or due to external reporting requirements"): the flag Thiqa's Incidents module sets and the
 * Alerts module's `major_incidents` filter reads.
 */
import { INCIDENT_CORE_EXTENSION_ID } from './types/incident-core-extension.ts';

export { INCIDENT_CORE_EXTENSION_ID };

/** The incident-type-ov value that marks a major incident. */
export const MAJOR_INCIDENT_TYPE = 'major';

/** The Incident Core Extension's content of an object, or undefined when it carries none. */
export function incidentCoreOf(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const extensions = object.extensions;
  if (typeof extensions !== 'object' || extensions === null || Array.isArray(extensions)) return undefined;
  const core = (extensions as Record<string, unknown>)[INCIDENT_CORE_EXTENSION_ID];
  return typeof core === 'object' && core !== null && !Array.isArray(core) ? (core as Record<string, unknown>) : undefined;
}

/** True for an `incident` whose Incident Core Extension lists the `major` incident type. */
export function isMajorIncident(object: Record<string, unknown>): boolean {
  if (object.type !== 'incident') return false;
  const types = incidentCoreOf(object)?.incident_types;
  return Array.isArray(types) && types.includes(MAJOR_INCIDENT_TYPE);
}
