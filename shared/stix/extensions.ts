/**
 * The `extensions` dictionary (§3.2, §3.10, §7.3, §11.3): predefined SCO extensions by name, STIX Extensions by
 * extension-definition id (which MUST carry `extension_type`), and the deprecated custom SCO extensions.
 */
import { isRecord, show } from './checker.ts';
import type { Checker } from './checker.ts';
import { compileShape } from './compile-shapes.ts';
import type { ShapeCheck } from './compile-shapes.ts';
import type { Check } from './compile-values.ts';
import { isCustomExtensionName, isPropertyName } from './formats.ts';
import { identifierSeparator } from './identifier.ts';
import { stixTypes } from './registry.ts';
import { vocabularySet } from './vocabularies.ts';
import { KNOWN_DEFINITION_EXTENSIONS } from './types/incident-core-extension.ts';
import type { ObjectKind, ObjectShape } from './types/property-types.ts';

const DEFINITION_PREFIX = 'extension-definition--';

/** Extension names the specification predefines for some SCO type; wrong on any other type. */
const PREDEFINED_NAMES: ReadonlySet<string> = new Set(
  [...stixTypes.values()].flatMap((definition) => Object.keys(definition.extensions ?? {})),
);

/** The content checks of the extension definitions the validator knows (the Incident Core Extension), compiled on first use. */
const knownChecks = new Map<string, ShapeCheck>();

function knownCheck(key: string, type: string | undefined): ShapeCheck | undefined {
  const known = KNOWN_DEFINITION_EXTENSIONS[key];
  // A known definition's content is checked on the types it extends; elsewhere only its names, as before.
  if (known === undefined || type === undefined || !known.types.includes(type)) return undefined;
  let check = knownChecks.get(key);
  if (!check) knownChecks.set(key, (check = compileShape(known.shape)));
  return check;
}

/** The `extension_type` values of an object's STIX Extensions (empty when it has none). */
export function extensionTypesOf(object: Record<string, unknown>): string[] {
  const extensions = object.extensions;
  const found: string[] = [];
  if (!isRecord(extensions)) return found;
  for (const key in extensions) {
    const value = extensions[key];
    if (key.startsWith(DEFINITION_PREFIX) && isRecord(value) && typeof value.extension_type === 'string') {
      found.push(value.extension_type);
    }
  }
  return found;
}

function checkDefinitionExtension(key: string, value: unknown, kind: ObjectKind | 'custom', c: Checker, type: string | undefined): void {
  if (identifierSeparator(key) !== DEFINITION_PREFIX.length - 2) {
    return c.report('invalid-extension-key', `Extension key ${show(key)} must be extension-definition--<UUID>.`);
  }
  if (!isRecord(value)) return c.report('wrong-type', `Extension ${key} must be an object, not ${show(value)}.`);
  const extensionType = value.extension_type;
  if (extensionType === undefined) {
    c.report('required-property', `Extension ${key} needs "extension_type": every extension that uses an `
      + 'extension definition must say which kind it is.', 'extension_type');
  } else if (typeof extensionType !== 'string' || !vocabularySet('extension-type-enum').has(extensionType)) {
    c.report('enum-value', `"extension_type" is ${show(extensionType)}; extension-type-enum allows only new-sdo, `
      + 'new-sco, new-sro, property-extension and toplevel-property-extension.', 'extension_type');
  } else if (extensionType.startsWith('new-') && kind !== 'custom') {
    c.report('extension-type-misuse', `"${extensionType}" declares a new object type, but this object's type is `
      + 'defined by the specification and must not be redefined.', 'extension_type');
  }
  const known = knownCheck(key, type);
  if (known) return known(value, c);
  for (const name in value) {
    if (name !== 'extension_type' && !isPropertyName(name)) {
      c.report('invalid-property-name', `Extension property name ${show(name)} must be 3–250 characters of a–z, 0–9 `
        + 'and underscore.', name);
    }
  }
}

/**
 * Compiles the `extensions` check for a type of the given kind with the given predefined extensions.
 * Custom types are treated like SCOs for the deprecated custom extensions, since they might be SCOs.
 */
export function compileExtensions(
  kind: ObjectKind | 'custom',
  predefined: Readonly<Record<string, ObjectShape>> = {},
  type?: string,
): Check {
  const shapes = new Map<string, ShapeCheck>(
    Object.entries(predefined).map(([name, shape]) => [name, compileShape(shape)]),
  );
  const allowsCustom = kind === 'sco' || kind === 'custom';
  const allowed = [...shapes.keys(), 'extension-definition--<UUID>'].join(', ');
  return (value, c) => {
    if (!isRecord(value)) {
      return c.report('wrong-type', `"extensions" must be a dictionary of extensions, not ${show(value)}.`);
    }
    let count = 0;
    for (const key in value) {
      count++;
      const extension = value[key];
      c.enter(key);
      const shape = shapes.get(key);
      if (shape) {
        if (isRecord(extension)) shape(extension, c);
        else c.report('wrong-type', `Extension ${key} must be an object, not ${show(extension)}.`);
      } else if (key.startsWith(DEFINITION_PREFIX)) {
        checkDefinitionExtension(key, extension, kind, c, type);
      } else if (allowsCustom && !PREDEFINED_NAMES.has(key) && isCustomExtensionName(key)) {
        c.report('deprecated-custom-extension', `Extension ${show(key)} uses the deprecated custom extension `
          + 'mechanism (§11.3); define it with an extension-definition instead.');
        if (!isRecord(extension)) c.report('wrong-type', `Extension ${key} must be an object, not ${show(extension)}.`);
      } else {
        c.report('invalid-extension-key', `Extension key ${show(key)} is not allowed here; use one of: ${allowed}.`);
      }
      c.leave();
    }
    if (count === 0) c.report('empty-dictionary', '"extensions" is an empty dictionary; omit it instead.');
  };
}
