/**
 * Thiqa's `x_misp` property extension (STIX 2.1 §7.3): what a MISP event or attribute holds that STIX has no
 * property for, kept on the object it became, so nothing is dropped and the export can give MISP its event back.
 * The extension-definition and the identity that defines it have fixed ids (UUIDv5 in Thiqa's namespace).
 */
import { uuidV5 } from '../stix/identifier.ts';
import type { StixRecord } from './attribute-types.ts';

/** Thiqa's namespace for the name-based UUIDs of its MISP mapping. */
export const THIQA_MISP_NAMESPACE = '6f1c2b9e-4d3a-4e8f-9b7c-2a5d8e1f0c3b';

export const THIQA_IDENTITY_ID = `identity--${uuidV5(THIQA_MISP_NAMESPACE, 'thiqa')}`;
export const X_MISP_EXTENSION_ID = `extension-definition--${uuidV5(THIQA_MISP_NAMESPACE, 'x_misp')}`;

/** A fixed creation time, so every import makes the same version of these objects. */
export const FIXED_CREATED = '2026-01-01T00:00:00.000Z';

export const THIQA_IDENTITY: Readonly<StixRecord> = Object.freeze({
  type: 'identity',
  spec_version: '2.1',
  id: THIQA_IDENTITY_ID,
  created: FIXED_CREATED,
  modified: FIXED_CREATED,
  name: 'Thiqa',
  identity_class: 'system',
});

export const X_MISP_EXTENSION_DEFINITION: Readonly<StixRecord> = Object.freeze({
  type: 'extension-definition',
  spec_version: '2.1',
  id: X_MISP_EXTENSION_ID,
  created_by_ref: THIQA_IDENTITY_ID,
  created: FIXED_CREATED,
  modified: FIXED_CREATED,
  name: 'x_misp',
  description: 'What a MISP event or attribute holds that STIX 2.1 has no property for (event, attribute, tags, galaxies, objects, unmapped attributes), kept by Thiqa\'s MISP import.',
  schema: 'shared/misp/MAPPING.md in the Thiqa source',
  version: '1.0.0',
  extension_types: ['property-extension'],
});

/** The `x_misp` content of an object, if it has one. */
export function xMispOf(object: StixRecord): StixRecord | undefined {
  const extensions = object.extensions as StixRecord | undefined;
  const content = extensions?.[X_MISP_EXTENSION_ID];
  return typeof content === 'object' && content !== null ? (content as StixRecord) : undefined;
}

/** `extensions` holding `content` (fields with no value left out). */
export function withXMisp(content: StixRecord): { extensions: StixRecord } {
  const kept = Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
  return { extensions: { [X_MISP_EXTENSION_ID]: { extension_type: 'property-extension', ...kept } } };
}

/** A name-based id for `type`, when a MISP uuid is not an RFC 4122 UUID STIX accepts. */
export function derivedId(type: string, name: string): string {
  return `${type}--${uuidV5(THIQA_MISP_NAMESPACE, name)}`;
}
