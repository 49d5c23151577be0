/**
 * Validation entry points. Checks are compiled from the type declarations on first use of each type and then
 * reused, so validating an object is a walk over its keys with precompiled closures.
 */
import { Checker, isRecord, show } from './checker.ts';
import { compileCustomType, compileType } from './compile-types.ts';
import type { ShapeCheck } from './compile-shapes.ts';
import { extensionTypesOf } from './extensions.ts';
import { checkGranularSelectors } from './granular-markings.ts';
import { identifierSeparator, isTypeName, isUuidAt } from './identifier.ts';
import type { Problem } from './problem.ts';
import { stixTypes } from './registry.ts';
import { deterministicScoId } from './sco-id.ts';

const checker = new Checker();
const compiled = new Map<string, ShapeCheck>();
const custom = { plain: compileCustomType(undefined), sdo: compileCustomType('sdo'), sco: compileCustomType('sco') };

function checkFor(type: string): ShapeCheck | undefined {
  let check = compiled.get(type);
  if (!check) {
    const definition = stixTypes.get(type);
    if (!definition || type === 'bundle') return undefined;
    check = compileType(definition);
    compiled.set(type, check);
  }
  return check;
}

/** Checks `type` and `id`; returns the type when both are usable for dispatch. */
function checkTypeAndId(object: Record<string, unknown>, c: Checker): string | undefined {
  const { type, id } = object;
  let usable: string | undefined;
  if (type === undefined) c.report('required-property', '"type" is required on every STIX object.', 'type');
  else if (typeof type !== 'string') c.report('wrong-type', `"type" must be a string, not ${show(type)}.`, 'type');
  else if (!isTypeName(type)) {
    c.report('invalid-type-name', `"type" is ${show(type)}; a type name is 3–250 characters of a–z, 0–9 and single `
      + 'hyphens, starting with a letter and not ending with a hyphen.', 'type');
  } else usable = type;

  if (id === undefined) c.report('required-property', '"id" is required on every STIX object.', 'id');
  else if (typeof id !== 'string') c.report('wrong-type', `"id" must be a string, not ${show(id)}.`, 'id');
  else {
    const separator = identifierSeparator(id);
    if (separator < 0) {
      c.report('invalid-identifier', `"id" is ${show(id)}; it must be <type>--<UUID> with an RFC 4122 UUID.`, 'id');
    } else if (usable !== undefined && (separator !== usable.length || !id.startsWith(usable))) {
      c.report('id-type-mismatch', `"id" ${show(id)} does not start with the object's type "${usable}--".`, 'id');
    }
  }
  return usable;
}

/** Picks the custom check: a STIX Extension may declare the object a new SDO/SRO/SCO. */
function customCheck(object: Record<string, unknown>, type: string, c: Checker): ShapeCheck {
  const declared = object.extensions === undefined ? [] : extensionTypesOf(object);
  if (!type.startsWith('x-') && !declared.some((kind) => kind.startsWith('new-'))) {
    c.report('unprefixed-custom-type', `Custom type "${type}" should start with "x-" or be declared by an extension `
      + 'definition (new-sdo, new-sco or new-sro), so a future STIX type cannot collide with it.', 'type');
  }
  if (declared.includes('new-sco')) return custom.sco;
  if (declared.includes('new-sdo') || declared.includes('new-sro')) return custom.sdo;
  return custom.plain;
}

/** Warns when an SCO's id is not the one its ID Contributing Properties give (§2.9). */
function checkScoId(object: Record<string, unknown>, c: Checker): void {
  const id = object.id;
  if (typeof id !== 'string' || object.created !== undefined || object.modified !== undefined) return;
  let expected: string | undefined;
  try {
    expected = deterministicScoId(object);
  } catch (error) {
    if (error instanceof TypeError) return; // a value JSON cannot carry; its own property check reports it
    throw error;
  }
  if (expected !== undefined && expected !== id) {
    c.report('sco-id-mismatch', `"id" is ${id} but the deterministic id from its ID Contributing Properties is `
      + `${expected}; other producers of the same observable will use that id.`, 'id');
  }
}

function run(object: Record<string, unknown>, c: Checker): void {
  const type = checkTypeAndId(object, c);
  if (type === undefined) return;
  const check = checkFor(type) ?? customCheck(object, type, c);
  check(object, c);
  if (object.granular_markings !== undefined) checkGranularSelectors(object, c);
  if (stixTypes.get(type)?.kind === 'sco') checkScoId(object, c);
}

/**
 * Validates one STIX object of any kind: SDO, SRO, SCO, meta object or custom object (which gets the common
 * checks only). A bundle gets its envelope checked. Never throws, whatever the input.
 * @returns every problem found, errors and warnings, in the order found; empty when the object is clean.
 */
export function validateObject(value: unknown): Problem[] {
  checker.reset();
  try {
    if (!isRecord(value)) {
      checker.report('not-an-object', `A STIX object must be a JSON object, not ${show(value)}.`);
    } else if (value.type === 'bundle') {
      runEnvelope(value, checker);
    } else {
      run(value, checker);
    }
  } catch (error) {
    // A validator bug must not take ingest down; surface it as a problem instead.
    checker.reset();
    checker.report('internal-error', `The object could not be validated: ${(error as Error).message}`);
  }
  return checker.problems ?? [];
}

function runEnvelope(value: Record<string, unknown>, c: Checker): void {
  const { type, id, objects, spec_version: specVersion } = value;
  if (type !== 'bundle') c.report('bundle-type', `"type" of a bundle must be "bundle", not ${show(type)}.`, 'type');
  if (id === undefined) c.report('required-property', '"id" is required on a bundle.', 'id');
  else if (typeof id !== 'string' || !id.startsWith('bundle--') || !isUuidAt(id, 8)) {
    c.report(typeof id === 'string' && identifierSeparator(id) > 0 ? 'id-type-mismatch' : 'invalid-identifier',
      `"id" is ${show(id)}; a bundle id is bundle--<UUID> with an RFC 4122 UUID.`, 'id');
  }
  if (objects !== undefined) {
    if (!Array.isArray(objects)) c.report('wrong-type', `"objects" must be a list of STIX objects, not ${show(objects)}.`, 'objects');
    else if (objects.length === 0) c.report('empty-list', '"objects" is an empty list; omit it instead (STIX forbids empty lists).', 'objects');
  }
  if (specVersion !== undefined) {
    c.report('bundle-spec-version', `STIX 2.1 bundles have no "spec_version"; ${show(specVersion)} suggests STIX 2.0 `
      + 'content, whose objects will not validate as 2.1.', 'spec_version');
  }
}

/**
 * Validates the bundle envelope only: `type` is "bundle", `id` is bundle--<UUID>, `objects` (optional) is a
 * non-empty list. The objects themselves are not validated; pass each to `validateObject`. Never throws.
 */
export function validateBundleEnvelope(value: unknown): Problem[] {
  checker.reset();
  if (!isRecord(value)) checker.report('not-an-object', `A bundle must be a JSON object, not ${show(value)}.`);
  else runEnvelope(value, checker);
  return checker.problems ?? [];
}
