/**
 * Organisation types as data, following ITU membership: Member State administrations, Sector Members,
 * Academia, Associates, and regional or international organisations. Codes are stable (stored, sent to
 * clients, translated by the UI); adding a type or subtype is adding a row here.
 */

/** One organisation type: its stable code, the subtypes it takes, and whether it belongs to a country. */
export interface OrganisationTypeDefinition {
  code: string;
  /** Stable subtype codes; empty when the type takes none. */
  subtypes: readonly string[];
  /** Everything but a regional or international organisation sits in one country. */
  needsCountry: boolean;
}

/** Every organisation type, in the order people are shown them. */
export const ORGANISATION_TYPES: readonly OrganisationTypeDefinition[] = [
  { code: 'member-state', subtypes: ['ministry', 'regulator', 'national-cirt', 'other'], needsCountry: true },
  { code: 'sector-member', subtypes: ['operator', 'vendor', 'bank', 'other'], needsCountry: true },
  { code: 'academia', subtypes: [], needsCountry: true },
  { code: 'associate', subtypes: [], needsCountry: true },
  { code: 'regional-international', subtypes: [], needsCountry: false },
];

/** The definition of a type code, or undefined when there is no such type. */
export function organisationType(code: string): OrganisationTypeDefinition | undefined {
  return ORGANISATION_TYPES.find((type) => type.code === code);
}
