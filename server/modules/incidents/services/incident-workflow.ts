/**
 * The incident workflow as data (pure): its states, the moves allowed between them and who may make each.
 * Each move is a new version of the STIX incident (`incident.service.ts`). The state is Thiqa's
 * (`x_thiqa_incident_state`); the Incident Core Extension's `investigation_status` follows it with the
 * specification's values: `new` until triaged, `open` while worked, `closed`.
 *
 * Movers: `reporter` is an analyst of the organisation that reported the incident (its `created_by_ref`);
 * `coordinator` holds `incidents.coordinate` (the operator and platform administrators hold every permission).
 */
import { conflict, forbidden, invalid } from '../../../core/errors.ts';

export const INCIDENT_STATES = ['reported', 'triaged', 'coordinated', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export type Mover = 'reporter' | 'coordinator';

export interface Transition {
  from: IncidentState;
  to: IncidentState;
  by: readonly Mover[];
}

/** Every move allowed. Triage and coordination are the coordinators'; a reporter may close its own incident. */
export const INCIDENT_TRANSITIONS: readonly Transition[] = [
  { from: 'reported', to: 'triaged', by: ['coordinator'] },
  // Withdrawn by its reporter (a false alarm), or closed at once by a coordinator.
  { from: 'reported', to: 'closed', by: ['reporter', 'coordinator'] },
  { from: 'triaged', to: 'coordinated', by: ['coordinator'] },
  { from: 'triaged', to: 'closed', by: ['reporter', 'coordinator'] },
  { from: 'coordinated', to: 'closed', by: ['reporter', 'coordinator'] },
  // Reopened: back to triage.
  { from: 'closed', to: 'triaged', by: ['coordinator'] },
];

/** The Incident Core Extension's `investigation_status` (incident-investigation-ov) of each state. */
export const INVESTIGATION_STATUS: Readonly<Record<IncidentState, 'new' | 'open' | 'closed'>> = {
  reported: 'new',
  triaged: 'open',
  coordinated: 'open',
  closed: 'closed',
};

/** The state named, checked. @throws DomainError `invalid` `incident.invalid_state`. */
export function parseState(value: unknown): IncidentState {
  if (typeof value === 'string' && (INCIDENT_STATES as readonly string[]).includes(value.trim().toLowerCase())) return value.trim().toLowerCase() as IncidentState;
  throw invalid('incident.invalid_state', `the state of an incident is one of ${INCIDENT_STATES.join(', ')}, not ${JSON.stringify(value)}`, { field: 'state', states: INCIDENT_STATES.join(', ') });
}

/** The states an incident in `from` may move to (by anyone). */
export function nextStates(from: IncidentState): IncidentState[] {
  return INCIDENT_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/**
 * Checks that `movers` may move an incident from `from` to `to`.
 * @throws DomainError `conflict` `incident.transition_refused` (no such move: the params list the allowed
 *   next states); `forbidden` `incident.move_forbidden` (the move exists, but not for this caller).
 */
export function checkMove(from: IncidentState, to: IncidentState, movers: ReadonlySet<Mover>): Transition {
  const transition = INCIDENT_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    const allowed = nextStates(from).join(', ');
    throw conflict('incident.transition_refused', `an incident that is ${from} cannot become ${to}: it may become ${allowed}`, { from, to, allowed });
  }
  if (!transition.by.some((mover) => movers.has(mover))) {
    const by = transition.by.map((m) => (m === 'reporter' ? 'the reporting organisation’s analysts' : 'incident coordinators')).join(' or ');
    throw forbidden('incident.move_forbidden', `only ${by} may move an incident from ${from} to ${to}`, { from, to, by: transition.by.join(', ') });
  }
  return transition;
}
