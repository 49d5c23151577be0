/**
 * The Incidents module's permission and role, registered in `server/platform.ts`. Reporting an incident, and
 * closing one's own, needs no role of this module (an analyst of the reporting organisation may: see
 * `incident-workflow.ts`); triaging, coordinating and reopening incidents of any organisation does.
 */
import type { RoleSet } from '../../../core/roles/role-declarations.ts';

/** The permission of coordinators (a national CIRT's duty officers). */
export const COORDINATE = 'incidents.coordinate';

export const INCIDENT_ROLES: RoleSet = {
  permissions: [{ name: COORDINATE, description: 'triage, coordinate, close and reopen the incidents the user may see, of any organisation, and mark them major' }],
  roles: [{ name: 'incident-coordinator', description: 'coordinates incident response: triages, coordinates, closes and reopens incidents; an analyst too', permissions: [COORDINATE], includes: ['analyst'] }],
};
