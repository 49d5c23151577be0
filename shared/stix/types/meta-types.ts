/** STIX Meta Objects (§7): marking definition (with TLP 1.0 and 2.0), language content, extension definition. */
import { defineType } from './common-types.ts';
import { ANY, STRING, TIMESTAMP, dict, enumeration, list, ref, vocab } from './property-types.ts';
import type { CommonProfile, TypeDefinition } from './property-types.ts';
import { isRecord, show } from '../checker.ts';
import type { Checker } from '../checker.ts';
import { TLP1_MARKINGS, TLP2_EXTENSION_ID, TLP2_MARKINGS } from '../tlp.ts';
import { vocabularySet } from '../vocabularies.ts';

const MARKING_PROFILE: CommonProfile = {
  required: ['type', 'spec_version', 'id', 'created'],
  optional: ['created_by_ref', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'],
  notApplicable: ['modified', 'revoked', 'labels', 'confidence', 'lang', 'defanged'],
};

const LANGUAGE_PROFILE: CommonProfile = {
  required: ['type', 'spec_version', 'id', 'created', 'modified'],
  optional: ['created_by_ref', 'revoked', 'labels', 'confidence', 'external_references', 'object_marking_refs',
    'granular_markings', 'extensions'],
  notApplicable: ['lang', 'defanged'],
};

const EXTENSION_PROFILE: CommonProfile = {
  required: ['type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref'],
  optional: ['revoked', 'labels', 'external_references', 'object_marking_refs', 'granular_markings'],
  notApplicable: ['confidence', 'lang', 'defanged', 'extensions'],
};

/** Checks that a TLP level names one of the fixed markings, and that the object is that very marking. */
function checkTlpLevel(
  object: Record<string, unknown>, level: unknown, fixed: Readonly<Record<string, string>>, label: string, c: Checker,
): void {
  if (typeof level !== 'string' || !Object.hasOwn(fixed, level)) return; // type and enum are checked elsewhere
  if (object.id !== fixed[level]) {
    c.report('tlp-marking-mismatch', `A ${label} marking for "${level}" must have the fixed id ${fixed[level]}, `
      + `not ${show(object.id)}: the specification permits no other instances of TLP markings.`, 'id');
  }
}

/** §7.2.1: the deprecated definition_type/definition pair, TLP 1.0 and 2.0 fixed instances, no self-marking. */
function checkMarkingDefinition(object: Record<string, unknown>, c: Checker): void {
  const { definition_type: definitionType, definition, extensions } = object;
  if (extensions === undefined) {
    for (const name of ['definition_type', 'definition']) {
      if (object[name] === undefined) {
        c.report('required-property', `"${name}" is required on a marking-definition that has no "extensions".`, name);
      }
    }
  }
  if (definition !== undefined && !isRecord(definition)) {
    c.report('wrong-type', `"definition" must be a marking object, not ${show(definition)}.`, 'definition');
  } else if (isRecord(definition)) {
    const field = definitionType === 'tlp' ? 'tlp' : definitionType === 'statement' ? 'statement' : undefined;
    if (field) {
      c.enter('definition');
      const value = definition[field];
      if (value === undefined) c.report('required-property', `A ${definitionType} marking needs "${field}".`, field);
      else if (typeof value !== 'string') c.report('wrong-type', `"${field}" must be a string, not ${show(value)}.`, field);
      else if (field === 'tlp' && !vocabularySet('tlp-level-enum').has(value)) {
        c.report('enum-value', `"tlp" is ${show(value)}; TLP 1.0 levels are white, green, amber and red.`, field);
      }
      c.leave();
      if (field === 'tlp') checkTlpLevel(object, definition.tlp, TLP1_MARKINGS, 'TLP 1.0', c);
    }
  }
  const tlp2 = isRecord(extensions) ? extensions[TLP2_EXTENSION_ID] : undefined;
  if (isRecord(tlp2)) {
    c.enter('extensions');
    c.enter(TLP2_EXTENSION_ID);
    const level = tlp2.tlp_2_0;
    if (level === undefined) c.report('required-property', 'The TLP 2.0 extension needs "tlp_2_0".', 'tlp_2_0');
    else if (typeof level !== 'string' || !vocabularySet('tlp-2-level-enum').has(level)) {
      c.report('enum-value', `"tlp_2_0" is ${show(level)}; TLP 2.0 levels are clear, green, amber, amber+strict `
        + 'and red.', 'tlp_2_0');
    }
    c.leave();
    c.leave();
    checkTlpLevel(object, level, TLP2_MARKINGS, 'TLP 2.0', c);
  }
  const refs = object.object_marking_refs;
  if (Array.isArray(refs) && typeof object.id === 'string' && refs.includes(object.id)) {
    c.report('circular-marking', 'A marking-definition must not mark itself in "object_marking_refs".',
      'object_marking_refs');
  }
}

/** §7.3.1: extension_properties only with a toplevel-property-extension. */
function checkExtensionDefinition(object: Record<string, unknown>, c: Checker): void {
  const types = object.extension_types;
  if (object.extension_properties !== undefined && Array.isArray(types) && !types.includes('toplevel-property-extension')) {
    c.report('conditional-property', '"extension_properties" may only be used when "extension_types" includes '
      + '"toplevel-property-extension".', 'extension_properties');
  }
}

export const META_TYPES: readonly TypeDefinition[] = [
  defineType('marking-definition', 'meta', {
    name: STRING,
    definition_type: vocab('marking-definition-type-ov'),
    definition: ANY,
  }, { common: MARKING_PROFILE, constraints: [{ kind: 'custom', check: checkMarkingDefinition }] }),

  defineType('language-content', 'meta', {
    object_ref: ref('any'),
    object_modified: TIMESTAMP,
    // Keys are RFC 5646 language tags; each value mirrors the translated object's properties.
    contents: { kind: 'dictionary', keys: 'language-tag', values: dict() },
  }, { common: LANGUAGE_PROFILE, required: ['object_ref', 'contents'] }),

  defineType('extension-definition', 'meta', {
    name: STRING,
    description: STRING,
    schema: STRING,
    version: STRING,
    extension_types: list(enumeration('extension-type-enum')),
    extension_properties: list(STRING),
  }, {
    common: EXTENSION_PROFILE,
    required: ['name', 'schema', 'version', 'extension_types'],
    constraints: [{ kind: 'custom', check: checkExtensionDefinition }],
  }),
];

/** §8: a bundle is not a STIX object; it is declared so type lookups know it. Only its envelope is validated. */
export const BUNDLE_TYPE: TypeDefinition = defineType('bundle', 'meta', { objects: list(ANY) }, {
  common: { required: ['type', 'id'], optional: [], notApplicable: [] },
});
