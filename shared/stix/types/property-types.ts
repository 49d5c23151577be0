/**
 * The vocabulary in which STIX types are declared as data: property specs, object shapes, cross-property
 * constraints and type definitions, plus small builders so the declarations read like the spec's tables.
 * `compile.ts` turns these declarations into validators once, at start-up.
 */
import type { EnumerationName, OpenVocabularyName } from '../vocabularies.ts';
import type { Checker } from '../checker.ts';
import type { FormatName } from '../formats.ts';

export type ObjectKind = 'sdo' | 'sro' | 'sco' | 'meta';

/** What an identifier may point at: type names, or a whole kind (custom types count as any kind but meta). */
export type RefTarget = ObjectKind | 'any' | (string & {});

/** String formats checked beyond "is a string". */
export type StringFormat = FormatName;

export type PropertySpec =
  | { readonly kind: 'string'; readonly format?: StringFormat }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'float'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'timestamp'; readonly millis?: boolean }
  | { readonly kind: 'identifier'; readonly targets: readonly RefTarget[] }
  | { readonly kind: 'list'; readonly items: PropertySpec }
  | { readonly kind: 'dictionary'; readonly values?: PropertySpec; readonly keys?: 'language-tag' }
  | { readonly kind: 'hashes' }
  | { readonly kind: 'hex' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'open-vocab'; readonly vocabulary: OpenVocabularyName }
  | { readonly kind: 'enum'; readonly vocabulary: EnumerationName }
  | { readonly kind: 'object'; readonly shape: ObjectShape }
  | { readonly kind: 'either'; readonly options: readonly PropertySpec[]; readonly label: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'reserved' };

/** Rules that tie several properties of one object together. */
export type Constraint =
  /** At least one of the properties must be present. */
  | { readonly kind: 'any-of'; readonly properties: readonly string[] }
  /** At most one of the properties may be present. */
  | { readonly kind: 'exclusive'; readonly properties: readonly string[] }
  /** When `property` is present, every one of `needs` must be too. */
  | { readonly kind: 'requires'; readonly property: string; readonly needs: readonly string[] }
  /** When both timestamps are present, `later` must not be before (or, if strict, must be after) `earlier`. */
  | { readonly kind: 'order'; readonly earlier: string; readonly later: string; readonly strict?: boolean }
  /** When `property` equals `value`: `require` must be present and `forbid` absent. */
  | {
      readonly kind: 'when';
      readonly property: string;
      readonly value: unknown;
      readonly require?: readonly string[];
      readonly forbid?: readonly string[];
    }
  /** An escape hatch for the few rules that are not about presence or order (TLP markings, for instance). */
  | { readonly kind: 'custom'; readonly check: (object: Record<string, unknown>, checker: Checker) => void };

/** A JSON object with known properties: a nested type (external-reference, an SCO extension...) or a STIX type. */
export interface ObjectShape {
  /** The spec's name for the shape, used in messages. */
  readonly name: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  readonly required?: readonly string[];
  readonly constraints?: readonly Constraint[];
  /** Whether unknown properties are allowed (and then only checked against the custom property name rules). */
  readonly open?: boolean;
}

/** Which common properties (§3.2) a type requires, allows, or must not have. */
export interface CommonProfile {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly notApplicable: readonly string[];
}

/** A STIX object type: its shape plus what only top-level objects have. */
export interface TypeDefinition extends ObjectShape {
  readonly type: string;
  readonly kind: ObjectKind;
  readonly common: CommonProfile;
  /** Predefined extensions (§3.10) by extension name; only SCOs have them. */
  readonly extensions?: Readonly<Record<string, ObjectShape>>;
  /** ID Contributing Properties (§3.4) of an SCO, in the spec's order; empty when it must use UUIDv4. */
  readonly idContributing?: readonly string[];
}

// Builders. Specs without options are shared constants: declarations stay short and compile once.
export const STRING: PropertySpec = { kind: 'string' };
export const BOOLEAN: PropertySpec = { kind: 'boolean' };
export const TIMESTAMP: PropertySpec = { kind: 'timestamp' };
export const HASHES: PropertySpec = { kind: 'hashes' };
export const HEX: PropertySpec = { kind: 'hex' };
export const BINARY: PropertySpec = { kind: 'binary' };
export const ANY: PropertySpec = { kind: 'any' };
export const RESERVED: PropertySpec = { kind: 'reserved' };
export const INTEGER: PropertySpec = { kind: 'integer' };
export const NON_NEGATIVE: PropertySpec = { kind: 'integer', min: 0 };
export const FLOAT: PropertySpec = { kind: 'float' };
export const STRINGS: PropertySpec = { kind: 'list', items: STRING };

export const str = (format: StringFormat): PropertySpec => ({ kind: 'string', format });
export const int = (min?: number, max?: number): PropertySpec => ({ kind: 'integer', min, max });
export const float = (min?: number, max?: number): PropertySpec => ({ kind: 'float', min, max });
export const list = (items: PropertySpec): PropertySpec => ({ kind: 'list', items });
export const dict = (values?: PropertySpec): PropertySpec => ({ kind: 'dictionary', values });
export const ref = (...targets: RefTarget[]): PropertySpec => ({ kind: 'identifier', targets });
export const refs = (...targets: RefTarget[]): PropertySpec => list(ref(...targets));
export const vocab = (vocabulary: OpenVocabularyName): PropertySpec => ({ kind: 'open-vocab', vocabulary });
export const vocabs = (vocabulary: OpenVocabularyName): PropertySpec => list(vocab(vocabulary));
export const enumeration = (vocabulary: EnumerationName): PropertySpec => ({ kind: 'enum', vocabulary });
export const obj = (shape: ObjectShape): PropertySpec => ({ kind: 'object', shape });
export const either = (label: string, ...options: PropertySpec[]): PropertySpec => ({ kind: 'either', options, label });

export const anyOf = (...properties: string[]): Constraint => ({ kind: 'any-of', properties });
export const exclusive = (...properties: string[]): Constraint => ({ kind: 'exclusive', properties });
export const requires = (property: string, ...needs: string[]): Constraint => ({ kind: 'requires', property, needs });
export const order = (earlier: string, later: string, strict = false): Constraint =>
  ({ kind: 'order', earlier, later, strict });

/** "MUST contain at least one property from this object/extension" over every property of the shape. */
export function atLeastOneProperty(properties: Readonly<Record<string, PropertySpec>>, ...also: string[]): Constraint {
  return anyOf(...Object.keys(properties), ...also);
}
