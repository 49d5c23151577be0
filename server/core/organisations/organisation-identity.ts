/**
 * The STIX 2.1 identity object of an organisation: what its members' objects will name as `created_by_ref`.
 *
 * Shape: `identity_class: "organization"` and the name; `sectors` only when the organisation's sector is a
 * value of the `industry-sector-ov` vocabulary (so other tools understand it); the Thiqa facts as custom
 * properties with the `x_thiqa_` prefix (STIX §11.1), which any consumer may ignore: `x_thiqa_organisation_type`,
 * `x_thiqa_organisation_subtype`, `x_thiqa_country` (ISO 3166-1 alpha-2) and `x_thiqa_sector` (the text as
 * given). Custom properties rather than `contact_information` because they stay machine-readable.
 */
import { OPEN_VOCABULARIES } from '../../../shared/stix/index.ts';
import type { OrganisationRecord } from './organisation.repository.ts';

/** A STIX identity object as built here (plain JSON). */
export interface OrganisationIdentity {
  type: 'identity';
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  name: string;
  identity_class: 'organization';
  sectors?: string[];
  x_thiqa_organisation_type: string;
  x_thiqa_organisation_subtype?: string;
  x_thiqa_country?: string;
  x_thiqa_sector?: string;
}

/** What the identity is made of: the organisation's facts, and the identity's own id (`identity--<uuid v4>`). */
export type IdentityFacts = Pick<OrganisationRecord, 'name' | 'type' | 'subtype' | 'country' | 'sector' | 'createdAt'> & { id: string };

const INDUSTRY_SECTORS = new Set<string>(OPEN_VOCABULARIES['industry-sector-ov']);

/** The `industry-sector-ov` value a sector text stands for (`Energy` → `energy`), or undefined. */
export function industrySectorOf(sector: string): string | undefined {
  const value = sector.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return INDUSTRY_SECTORS.has(value) ? value : undefined;
}

/** Builds the identity object; it passes `validateObject` with no errors (tested). */
export function buildOrganisationIdentity(facts: IdentityFacts): OrganisationIdentity {
  const timestamp = new Date(facts.createdAt).toISOString();
  const sector = facts.sector === null ? undefined : industrySectorOf(facts.sector);
  return {
    type: 'identity',
    spec_version: '2.1',
    id: facts.id,
    created: timestamp,
    modified: timestamp,
    name: facts.name,
    identity_class: 'organization',
    ...(sector ? { sectors: [sector] } : {}),
    x_thiqa_organisation_type: facts.type,
    ...(facts.subtype !== null ? { x_thiqa_organisation_subtype: facts.subtype } : {}),
    ...(facts.country !== null ? { x_thiqa_country: facts.country } : {}),
    ...(facts.sector !== null ? { x_thiqa_sector: facts.sector } : {}),
  };
}
