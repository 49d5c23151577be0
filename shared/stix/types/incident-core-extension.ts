/**
 * The OASIS Incident Core Extension 2.0 for STIX 2.1 (a `property-extension` of `incident`, published in the
 * OASIS CTI TC's `cti-stix-common-objects`, `extension-definition-specifications/incident-core/`), declared
 * from its property table (§2) and vocabularies (§3, §4, in `vocabularies.ts`). The validator checks the
 * extension's content wherever an object carries it under this extension-definition id (`extensions.ts`).
 * The shape is open: the Incident Extension Suite adds properties (`activities`, `impact_refs`) to the same
 * extension, and those are only checked for their names.
 */
import { FLOAT, NON_NEGATIVE, STRING, dict, enumeration, int, list, obj, vocab, vocabs } from './property-types.ts';
import type { ObjectShape } from './property-types.ts';

/** The extension-definition id the specification's examples carry the extension under. */
export const INCIDENT_CORE_EXTENSION_ID = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

/** §2.2 incident-score. */
const INCIDENT_SCORE: ObjectShape = {
  name: 'incident-score',
  properties: { name: STRING, value: FLOAT, description: STRING },
  required: ['name', 'value'],
  open: true,
};

/** §2 Incident Core Extension (`extension_type` is checked for every extension-definition extension). */
export const INCIDENT_CORE_EXTENSION: ObjectShape = {
  name: 'the Incident Core Extension',
  properties: {
    determination: enumeration('incident-determination-enum'),
    investigation_status: vocab('incident-investigation-ov'),
    criticality: int(0, 100),
    detection_methods: vocabs('detection-methods-ov'),
    // §2.1 entity-count: keys SHOULD come from identity-class-ov, values are counts of zero or more.
    impacted_entity_counts: dict(NON_NEGATIVE),
    incident_types: vocabs('incident-type-ov'),
    recoverability: enumeration('recoverability-enum'),
    scores: list(obj(INCIDENT_SCORE)),
  },
  required: ['determination', 'investigation_status'],
  open: true,
};

/** Extensions defined by an extension definition whose content the validator knows, by definition id. */
export const KNOWN_DEFINITION_EXTENSIONS: Readonly<Record<string, { types: readonly string[]; shape: ObjectShape }>> = {
  [INCIDENT_CORE_EXTENSION_ID]: { types: ['incident'], shape: INCIDENT_CORE_EXTENSION },
};
