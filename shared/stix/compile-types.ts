/**
 * Compiles a whole STIX type — its declared shape plus what every top-level object shares: `spec_version`,
 * not-applicable common properties, `extensions`, created/modified order — into one check. Custom types get
 * the same treatment with every common property optional.
 */
import { show } from './checker.ts';
import { compileShape } from './compile-shapes.ts';
import type { ShapeCheck } from './compile-shapes.ts';
import type { Check } from './compile-values.ts';
import { compileExtensions } from './extensions.ts';
import { COMMON_PROPERTIES, CUSTOM_PROFILE, SCO_PROFILE, SDO_PROFILE, VERSIONING_PROPERTIES } from './types/common-types.ts';
import { order } from './types/property-types.ts';
import type { CommonProfile, Constraint, ObjectKind, TypeDefinition } from './types/property-types.ts';

const noCheck: Check = () => {};

const checkSpecVersion: Check = (value, c) => {
  if (value !== '2.1') c.report('invalid-spec-version', `"spec_version" is ${show(value)}; STIX 2.1 objects must say "2.1".`);
};

function notApplicable(name: string, kind: ObjectKind | 'custom', type: string): Check {
  if (kind === 'sco' && VERSIONING_PROPERTIES.includes(name)) {
    return (_value, c) => c.report('sco-versioning-property', `"${name}" makes this ${type} a versioned SCO; SCOs are `
      + 'normally not versioned, and a versioned SCO must not use the deterministic id namespace (§3.6).');
  }
  return (_value, c) => c.report('property-not-applicable', `"${name}" does not apply to ${type} objects and must not be present.`);
}

function topLevelChecks(kind: ObjectKind | 'custom', type: string, profile: CommonProfile, extensions: Check): Map<string, Check> {
  const overrides = new Map<string, Check>([
    ['type', noCheck], // checked before dispatch, since dispatch depends on it
    ['id', noCheck],
    ['spec_version', checkSpecVersion],
    ['extensions', extensions],
  ]);
  for (const name of profile.notApplicable) overrides.set(name, notApplicable(name, kind, type));
  return overrides;
}

/** Constraints every versioned object has: modified not before created. */
function commonConstraints(properties: Readonly<Record<string, unknown>>): Constraint[] {
  return 'created' in properties && 'modified' in properties ? [order('created', 'modified')] : [];
}

/** Compiles a specification-defined type. */
export function compileType(definition: TypeDefinition): ShapeCheck {
  const extensions = compileExtensions(definition.kind, definition.extensions, definition.type);
  return compileShape(definition, {
    overrides: topLevelChecks(definition.kind, definition.type, definition.common, extensions),
    constraints: commonConstraints(definition.properties),
  });
}

/**
 * Compiles the check for custom types. A custom type that declares itself through an extension definition as a
 * new SDO, SRO or SCO must have that kind's required common properties (§7.3); otherwise nothing is required.
 */
export function compileCustomType(as: 'sdo' | 'sco' | undefined): ShapeCheck {
  const profile: CommonProfile = as === undefined ? CUSTOM_PROFILE
    : { ...CUSTOM_PROFILE, required: (as === 'sco' ? SCO_PROFILE : SDO_PROFILE).required };
  const properties: Record<string, (typeof COMMON_PROPERTIES)[string]> = { ...COMMON_PROPERTIES };
  const shape = {
    name: as === undefined ? 'a custom object' : `a custom ${as.toUpperCase()}`,
    properties,
    required: profile.required.filter((name) => name !== 'type' && name !== 'id'),
    open: true,
  };
  return compileShape(shape, {
    overrides: topLevelChecks('custom', 'custom', profile, compileExtensions('custom')),
    constraints: commonConstraints(properties),
  });
}
