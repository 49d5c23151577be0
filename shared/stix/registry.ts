/** All STIX 2.1 types by name: the single place that knows which types exist and of what kind they are. */
import { BUNDLE_TYPE, META_TYPES } from './types/meta-types.ts';
import { SCO_TYPES } from './types/sco-types.ts';
import { SDO_TYPES } from './types/sdo-types.ts';
import { SRO_TYPES } from './types/sro-types.ts';
import type { TypeDefinition } from './types/property-types.ts';

export type { TypeDefinition } from './types/property-types.ts';

/** Every type the specification defines (19 SDOs, 2 SROs, 18 SCOs, 3 meta objects and the bundle). */
export const stixTypes: ReadonlyMap<string, TypeDefinition> = new Map(
  [...SDO_TYPES, ...SRO_TYPES, ...SCO_TYPES, ...META_TYPES, BUNDLE_TYPE].map((definition) => [definition.type, definition]),
);

/** The declaration of a specification-defined type, or undefined for custom and unknown types. */
export function typeDefinition(type: string): TypeDefinition | undefined {
  return stixTypes.get(type);
}

/** The kind of a type name; anything the specification does not define is `custom`. */
export function objectKind(type: string): 'sdo' | 'sro' | 'sco' | 'meta' | 'custom' {
  return stixTypes.get(type)?.kind ?? 'custom';
}
