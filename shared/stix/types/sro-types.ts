/** The two STIX Relationship Objects (§5). */
import { defineType } from './common-types.ts';
import { BOOLEAN, STRING, TIMESTAMP, int, order, ref, refs, str } from './property-types.ts';
import type { TypeDefinition } from './property-types.ts';

export const SRO_TYPES: readonly TypeDefinition[] = [
  defineType('relationship', 'sro', {
    // a–z, 0–9 and hyphen (MUST); a name the spec defines (SHOULD, so an unknown one is only a warning).
    relationship_type: str('relationship-type'),
    description: STRING,
    // "MUST be an ID reference to an SDO or SCO (i.e., it cannot point to an SRO, Bundle, Language Content, or
    // Marking Definition)".
    source_ref: ref('sdo', 'sco'),
    target_ref: ref('sdo', 'sco'),
    start_time: TIMESTAMP,
    stop_time: TIMESTAMP,
  }, { required: ['relationship_type', 'source_ref', 'target_ref'], constraints: [order('start_time', 'stop_time', true)] }),

  defineType('sighting', 'sro', {
    description: STRING,
    first_seen: TIMESTAMP,
    last_seen: TIMESTAMP,
    count: int(0, 999_999_999),
    sighting_of_ref: ref('sdo'),
    observed_data_refs: refs('observed-data'),
    // The property text allows Identity or Location; the embedded-relationship table lists only identity.
    where_sighted_refs: refs('identity', 'location'),
    summary: BOOLEAN,
  }, { required: ['sighting_of_ref'], constraints: [order('first_seen', 'last_seen')] }),
];
