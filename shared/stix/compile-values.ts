/**
 * Compiles a property spec into a check: a closure that validates one value at the checker's current path.
 * Everything that depends only on the declaration (sets, ranges, labels) is computed here, once.
 */
import { describeValue, isRecord, show } from './checker.ts';
import type { Checker } from './checker.ts';
import {
  FORMAT_DESCRIPTION, expectedHashLength, isBase64, isDictionaryKey, isHashKey, isHashValue, isHex, isLanguageTag,
  matchesFormat,
} from './formats.ts';
import { identifierSeparator } from './identifier.ts';
import { objectKind } from './registry.ts';
import { timestampMicros, timestampPrecision } from './timestamp.ts';
import { vocabularySet } from './vocabularies.ts';
import type { ObjectShape, PropertySpec, RefTarget } from './types/property-types.ts';

export type Check = (value: unknown, c: Checker) => void;

/** Shapes are compiled by compile-shapes.ts; it registers itself here to break the import cycle. */
let compileNestedShape: (shape: ObjectShape) => (object: Record<string, unknown>, c: Checker) => void;
export function useShapeCompiler(compiler: typeof compileNestedShape): void {
  compileNestedShape = compiler;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const KIND_WORDS: Readonly<Record<string, string>> = { sdo: 'an SDO', sco: 'an SCO', sro: 'an SRO', meta: 'a meta object' };

function describeTargets(targets: readonly RefTarget[]): string {
  return targets.map((target) => KIND_WORDS[target] ?? target).join(' or ');
}

/**
 * Which referenced types a reference property admits, tested on the id and the position of its `--`.
 * Custom types may be SDOs, SCOs or SROs, never meta objects.
 */
export function compileTargets(targets: readonly RefTarget[]): (id: string, separator: number) => boolean {
  if (targets.includes('any')) return (id, separator) => !(separator === 6 && id.startsWith('bundle'));
  const names = targets.filter((target) => !(target in KIND_WORDS));
  const kinds = new Set(targets.filter((target) => target in KIND_WORDS));
  const customOk = kinds.has('sdo') || kinds.has('sco') || kinds.has('sro');
  return (id, separator) => {
    // Named types are compared in place: no substring is cut for the common single-type references.
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (separator === name.length && id.startsWith(name)) return true;
    }
    if (kinds.size === 0) return false;
    const kind = objectKind(id.slice(0, separator));
    return kind === 'custom' ? customOk : kinds.has(kind);
  };
}

/** Whether a value fits a simple spec, without reporting (used by `either`). */
function fits(spec: PropertySpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isSafeInteger(value);
    case 'list': return Array.isArray(value) && value.length > 0 && value.every((item) => fits(spec.items, item));
    default: return false;
  }
}

function wrongType(c: Checker, label: string, expected: string, value: unknown): void {
  c.report('wrong-type', `${label} must be ${expected}, not ${describeValue(value)}.`);
}

function checkRange(c: Checker, label: string, value: number, min?: number, max?: number): void {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = min !== undefined && max !== undefined ? `between ${min} and ${max}`
      : min !== undefined ? `at least ${min}` : `at most ${max}`;
    c.report('out-of-range', `${label} is ${value}; it must be ${range}.`);
  }
}

function checkHashes(value: unknown, c: Checker, label: string): void {
  if (!isRecord(value)) return wrongType(c, label, 'a hashes dictionary', value);
  const known = vocabularySet('hash-algorithm-ov');
  let count = 0;
  for (const key in value) {
    count++;
    const digest = value[key];
    if (!isHashKey(key)) {
      c.report('invalid-dictionary-key', `Hash algorithm name ${show(key)} must be 3–250 ASCII letters, digits, `
        + 'hyphens or underscores.', key);
    } else if (!known.has(key) && !key.startsWith('x_')) {
      c.report('vocab-value', `Hash algorithm ${show(key)} is not in hash-algorithm-ov (MD5, SHA-1, SHA-256, `
        + 'SHA-512, SHA3-256, SHA3-512, SSDEEP, TLSH); custom algorithms should start with "x_".', key);
    }
    if (typeof digest !== 'string') c.report('wrong-type', `The ${key} hash must be a string, not ${show(digest)}.`, key);
    else if (!isHashValue(key, digest)) {
      c.report('invalid-hash', `The ${key} hash ${show(digest)} is not ${expectedHashLength(key)} hexadecimal digits.`, key);
    }
  }
  if (count === 0) c.report('empty-dictionary', `${label} must hold at least one hash; omit it instead of leaving it empty.`);
}

/** Compiles `spec` for values described in messages as `label` (e.g. `"confidence"`). */
export function compileValue(spec: PropertySpec, label: string): Check {
  switch (spec.kind) {
    case 'any':
      return () => {};
    case 'reserved':
      return (_value, c) => c.report('reserved-property', `${label} is reserved for future use and must not be present.`);
    case 'string': {
      const format = spec.format;
      if (!format) return (value, c) => { if (typeof value !== 'string') wrongType(c, label, 'a string', value); };
      const description = FORMAT_DESCRIPTION[format];
      const isVocab = format === 'relationship-type';
      const known = vocabularySet('relationship-type-ov');
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a string', value);
        if (!matchesFormat(format, value)) return c.report('invalid-format', `${label} is ${show(value)}; it must be ${description}.`);
        if (isVocab && !known.has(value)) {
          c.report('vocab-value', `${label} is ${show(value)}, not a relationship type the specification defines; `
            + 'custom types are allowed, but related-to or a defined type is preferred.');
        }
      };
    }
    case 'integer': {
      const { min, max } = spec;
      return (value, c) => {
        if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(c, label, 'an integer', value);
        if (value > MAX_SAFE || value < -MAX_SAFE) return c.report('out-of-range', `${label} is ${value}; STIX integers fit in 54 bits.`);
        checkRange(c, label, value, min, max);
      };
    }
    case 'float': {
      const { min, max } = spec;
      return (value, c) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(c, label, 'a number', value);
        checkRange(c, label, value, min, max);
      };
    }
    case 'boolean':
      return (value, c) => { if (typeof value !== 'boolean') wrongType(c, label, 'true or false', value); };
    case 'timestamp': {
      const millis = spec.millis === true;
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a timestamp string', value);
        if (Number.isNaN(timestampMicros(value))) {
          return c.report('invalid-timestamp', `${label} is ${show(value)}; a STIX timestamp is RFC 3339 in UTC, `
            + 'formatted YYYY-MM-DDTHH:mm:ss[.s+]Z.');
        }
        if (millis && timestampPrecision(value) < 3) {
          c.report('timestamp-precision', `${label} is ${show(value)}; it needs at least millisecond precision `
            + '(three digits after the seconds).');
        }
      };
    }
    case 'identifier': {
      const accepts = compileTargets(spec.targets);
      const wanted = describeTargets(spec.targets);
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'an identifier string', value);
        const separator = identifierSeparator(value);
        if (separator < 0) {
          return c.report('invalid-identifier', `${label} is ${show(value)}; an identifier is <object-type>--<UUID> `
            + 'with an RFC 4122 UUID.');
        }
        if (!accepts(value, separator)) c.report('ref-type', `${label} must refer to ${wanted}, not to ${show(value)}.`);
      };
    }
    case 'list': {
      const item = compileValue(spec.items, `An item of ${label}`);
      return (value, c) => {
        if (!Array.isArray(value)) return wrongType(c, label, 'a list', value);
        if (value.length === 0) return c.report('empty-list', `${label} is an empty list; omit it instead (STIX forbids empty lists).`);
        for (let i = 0; i < value.length; i++) {
          c.enter(i);
          item(value[i], c);
          c.leave();
        }
      };
    }
    case 'dictionary': {
      const item = spec.values ? compileValue(spec.values, `A value of ${label}`) : undefined;
      const languageKeys = spec.keys === 'language-tag';
      return (value, c) => {
        if (!isRecord(value)) return wrongType(c, label, 'a dictionary', value);
        let count = 0;
        for (const key in value) {
          count++;
          if (languageKeys ? !isLanguageTag(key) : !isDictionaryKey(key)) {
            c.report('invalid-dictionary-key', languageKeys
              ? `Key ${show(key)} of ${label} must be an RFC 5646 language tag.`
              : `Key ${show(key)} of ${label} must be at most 250 ASCII letters, digits, hyphens or underscores.`, key);
          }
          if (item) {
            c.enter(key);
            item(value[key], c);
            c.leave();
          }
        }
        if (count === 0) c.report('empty-dictionary', `${label} is an empty dictionary; omit it instead.`);
      };
    }
    case 'hashes':
      return (value, c) => checkHashes(value, c, label);
    case 'hex':
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a hex string', value);
        if (!isHex(value)) c.report('invalid-hex', `${label} is ${show(value)}; hex is an even number of 0–9, a–f digits.`);
      };
    case 'binary':
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a base64 string', value);
        if (!isBase64(value)) c.report('invalid-base64', `${label} is not RFC 4648 base64.`);
      };
    case 'open-vocab': {
      const name = spec.vocabulary;
      const known = vocabularySet(name);
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a string', value);
        if (!known.has(value)) c.report('vocab-value', `${label} is ${show(value)}, not a value of the suggested vocabulary ${name}.`);
      };
    }
    case 'enum': {
      const name = spec.vocabulary;
      const known = vocabularySet(name);
      const allowed = [...known].join(', ');
      return (value, c) => {
        if (typeof value !== 'string') return wrongType(c, label, 'a string', value);
        if (!known.has(value)) c.report('enum-value', `${label} is ${show(value)}; ${name} allows only: ${allowed}.`);
      };
    }
    case 'either': {
      const { options, label: expected } = spec;
      return (value, c) => { if (!options.some((option) => fits(option, value))) wrongType(c, label, expected, value); };
    }
    case 'object': {
      const shape = compileNestedShape(spec.shape);
      const name = spec.shape.name;
      return (value, c) => {
        if (!isRecord(value)) return wrongType(c, label, `a ${name} object`, value);
        shape(value, c);
      };
    }
  }
}
