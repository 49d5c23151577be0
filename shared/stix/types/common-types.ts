/**
 * Common data types (§2) and common properties (§3.2), and the helper that merges a type's own properties with
 * the common properties its kind allows.
 */
import {
  BOOLEAN, STRING, STRINGS, HASHES, anyOf, exclusive, int, list, obj, ref, refs, str,
} from './property-types.ts';
import type { Checker } from '../checker.ts';
import type {
  CommonProfile, Constraint, ObjectKind, ObjectShape, PropertySpec, TypeDefinition,
} from './property-types.ts';

/** §2.5.2: besides source_name, at least one of description, url and external_id. */
function checkExternalReference(reference: Record<string, unknown>, c: Checker): void {
  if (reference.description === undefined && reference.url === undefined && reference.external_id === undefined) {
    c.report('external-reference-incomplete', 'An external reference needs at least one of "description", "url" and '
      + '"external_id" besides "source_name".');
  }
}

/** §2.5 */
export const EXTERNAL_REFERENCE: ObjectShape = {
  name: 'external-reference',
  properties: { source_name: STRING, description: STRING, url: str('url'), hashes: HASHES, external_id: STRING },
  required: ['source_name'],
  constraints: [{ kind: 'custom', check: checkExternalReference }],
  open: true,
};

/** §2.11 */
export const KILL_CHAIN_PHASE: ObjectShape = {
  name: 'kill-chain-phase',
  properties: { kill_chain_name: STRING, phase_name: STRING },
  required: ['kill_chain_name', 'phase_name'],
  open: true,
};

/** §7.2.3.1: exactly one of marking_ref and lang; selectors are resolved against the object by the validator. */
export const GRANULAR_MARKING: ObjectShape = {
  name: 'granular-marking',
  properties: { lang: str('language-tag'), marking_ref: ref('marking-definition'), selectors: STRINGS },
  required: ['selectors'],
  constraints: [anyOf('marking_ref', 'lang'), exclusive('marking_ref', 'lang')],
};

export const KILL_CHAIN_PHASES: PropertySpec = list(obj(KILL_CHAIN_PHASE));

/** Every common property and its type. `type`, `id` and `extensions` are checked by the validator itself. */
export const COMMON_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  spec_version: STRING,
  created_by_ref: ref('identity'),
  created: { kind: 'timestamp', millis: true },
  modified: { kind: 'timestamp', millis: true },
  revoked: BOOLEAN,
  labels: STRINGS,
  confidence: int(0, 100),
  lang: str('language-tag'),
  external_references: list(obj(EXTERNAL_REFERENCE)),
  object_marking_refs: refs('marking-definition'),
  granular_markings: list(obj(GRANULAR_MARKING)),
  defanged: BOOLEAN,
};

/** The common properties §3.2 calls versioning properties; SCOs may carry them only if versioned (§3.6). */
export const VERSIONING_PROPERTIES: readonly string[] = ['created_by_ref', 'created', 'modified', 'revoked'];

/** §3.8: reserved on every object. */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set(['severity', 'username', 'phone_number', 'action']);

export const SDO_PROFILE: CommonProfile = {
  required: ['type', 'spec_version', 'id', 'created', 'modified'],
  optional: ['created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references',
    'object_marking_refs', 'granular_markings', 'extensions'],
  notApplicable: ['defanged'],
};

export const SRO_PROFILE: CommonProfile = SDO_PROFILE;

export const SCO_PROFILE: CommonProfile = {
  required: ['type', 'id'],
  optional: ['spec_version', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions'],
  notApplicable: ['created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'created',
    'modified'],
};

/** For custom types nothing is known: every common property is optional. */
export const CUSTOM_PROFILE: CommonProfile = {
  required: ['type', 'id'],
  optional: Object.keys(COMMON_PROPERTIES).concat('extensions'),
  notApplicable: [],
};

const PROFILES: Record<Exclude<ObjectKind, 'meta'>, CommonProfile> = { sdo: SDO_PROFILE, sro: SRO_PROFILE, sco: SCO_PROFILE };

interface TypeOptions {
  readonly required?: readonly string[];
  readonly constraints?: readonly Constraint[];
  readonly extensions?: Readonly<Record<string, ObjectShape>>;
  readonly idContributing?: readonly string[];
  /** Overrides the kind's common profile (meta objects each have their own). */
  readonly common?: CommonProfile;
}

/**
 * Declares a STIX type: its own properties plus the common properties its profile admits.
 * Timestamps are checked to be in order when both `created` and `modified` are present.
 */
export function defineType(
  type: string,
  kind: ObjectKind,
  properties: Readonly<Record<string, PropertySpec>>,
  options: TypeOptions = {},
): TypeDefinition {
  const common = options.common ?? PROFILES[kind as Exclude<ObjectKind, 'meta'>];
  const merged: Record<string, PropertySpec> = {};
  for (const name of [...common.required, ...common.optional]) {
    const spec = COMMON_PROPERTIES[name];
    if (spec) merged[name] = spec;
  }
  Object.assign(merged, properties);
  return {
    type,
    kind,
    name: type,
    common,
    properties: merged,
    required: [...common.required.filter((name) => name !== 'type' && name !== 'id'), ...(options.required ?? [])],
    constraints: options.constraints ?? [],
    open: true,
    extensions: options.extensions,
    idContributing: options.idContributing,
  };
}
