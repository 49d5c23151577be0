/** Organisations as the REST API answers them (snake_case, ISO 8601 times), with their STIX identity. */
import type { Organisation } from '../../organisations/organisation.service.ts';

/** An ISO 8601 timestamp from milliseconds since the epoch. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** An organisation, with the STIX identity its members publish under. */
export function presentOrganisation(organisation: Organisation) {
  return {
    id: organisation.id,
    name: organisation.name,
    type: organisation.type,
    subtype: organisation.subtype,
    country: organisation.country,
    sector: organisation.sector,
    identity_id: organisation.identityId,
    identity: organisation.identity,
    created_at: isoTime(organisation.createdAt),
  };
}
