/**
 * Compiles object shapes (nested types and STIX types) and their cross-property constraints into checks.
 * A compiled shape walks the object's own keys once, dispatching each to its compiled property check.
 */
import { show } from './checker.ts';
import type { Checker } from './checker.ts';
import { compileValue, useShapeCompiler } from './compile-values.ts';
import type { Check } from './compile-values.ts';
import { isPropertyName } from './formats.ts';
import { timestampMicros, timestampKey } from './timestamp.ts';
import { RESERVED_PROPERTIES } from './types/common-types.ts';
import type { Constraint, ObjectShape } from './types/property-types.ts';

export type ShapeCheck = (object: Record<string, unknown>, c: Checker) => void;

const quote = (name: string): string => `"${name}"`;
const list = (names: readonly string[]): string => names.map(quote).join(', ');

/** Negative, zero or positive as `a` is before, at or after `b`; NaN when either is not a timestamp. */
function compareTimestamps(a: string, b: string): number {
  if (a === b) return 0;
  const difference = timestampMicros(a) - timestampMicros(b);
  if (difference !== 0 || Number.isNaN(difference)) return difference;
  // Same microsecond: only digits beyond it (or a different spelling of one instant) can differ.
  const keyA = timestampKey(a) ?? '', keyB = timestampKey(b) ?? '';
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function compileConstraint(constraint: Constraint, shapeName: string): ShapeCheck {
  switch (constraint.kind) {
    case 'any-of': {
      const names = constraint.properties;
      const message = names.length === 1 ? `${quote(names[0]!)} is required on ${shapeName}.`
        : `At least one of ${list(names)} must be present on ${shapeName}.`;
      return (object, c) => {
        for (const name of names) if (object[name] !== undefined) return;
        c.report('one-of-required', message);
      };
    }
    case 'exclusive': {
      const names = constraint.properties;
      return (object, c) => {
        let first: string | undefined;
        for (const name of names) {
          if (object[name] === undefined) continue;
          if (first === undefined) first = name;
          else c.report('mutually-exclusive', `${quote(name)} must not be present together with ${quote(first)} on ${shapeName}.`, name);
        }
      };
    }
    case 'requires': {
      const { property, needs } = constraint;
      return (object, c) => {
        if (object[property] === undefined) return;
        const missing = needs.filter((name) => object[name] === undefined);
        if (missing.length > 0) {
          c.report('dependent-property', `${quote(property)} requires ${list(missing)}, which ${missing.length > 1 ? 'are' : 'is'} `
            + `missing on ${shapeName}.`, property);
        }
      };
    }
    case 'order': {
      const { earlier, later, strict } = constraint;
      return (object, c) => {
        const a = object[earlier], b = object[later];
        if (typeof a !== 'string' || typeof b !== 'string') return;
        const difference = compareTimestamps(b, a);
        if (difference < 0 || (strict && difference === 0)) {
          c.report('timestamp-order', difference < 0
            ? `${quote(later)} (${b}) is before ${quote(earlier)} (${a}); it must not be earlier.`
            : `${quote(later)} (${b}) must be later than ${quote(earlier)} (${a}), not equal to it.`, later);
        }
      };
    }
    case 'when': {
      const { property, value, require = [], forbid = [] } = constraint;
      const condition = `when ${quote(property)} is ${show(value)}`;
      return (object, c) => {
        if (object[property] !== value) return;
        for (const name of require) {
          if (object[name] === undefined) c.report('conditional-property', `${quote(name)} is required on ${shapeName} ${condition}.`, name);
        }
        for (const name of forbid) {
          if (object[name] !== undefined) c.report('conditional-property', `${quote(name)} must not be present on ${shapeName} ${condition}.`, name);
        }
      };
    }
    case 'custom':
      return constraint.check;
  }
}

/** What a shape does with a key it does not declare. */
export function checkCustomProperty(name: string, c: Checker): void {
  if (RESERVED_PROPERTIES.has(name)) {
    c.report('reserved-property', `${quote(name)} is a reserved property name (§3.8) and must not be used.`, name);
  } else if (!isPropertyName(name)) {
    c.report('invalid-property-name', `Custom property name ${show(name)} must be 3–250 characters of a–z, 0–9 and `
      + 'underscore.', name);
  }
}

export interface ShapeOptions {
  /** Checks that replace the declared ones for some keys (the top-level `type`, `id`, `extensions`...). */
  readonly overrides?: ReadonlyMap<string, Check>;
  /** Constraints added to the declared ones. */
  readonly constraints?: readonly Constraint[];
}

/** Compiles a shape into one check over an object already known to be a JSON object. */
export function compileShape(shape: ObjectShape, options: ShapeOptions = {}): ShapeCheck {
  const checks = new Map<string, Check>();
  for (const [name, spec] of Object.entries(shape.properties)) checks.set(name, compileValue(spec, quote(name)));
  for (const [name, check] of options.overrides ?? []) checks.set(name, check);
  const required = shape.required ?? [];
  const constraints = [...(shape.constraints ?? []), ...(options.constraints ?? [])]
    .map((constraint) => compileConstraint(constraint, shape.name));
  const open = shape.open === true;
  const shapeName = shape.name;

  return (object, c) => {
    for (const key in object) {
      const check = checks.get(key);
      if (check) {
        c.enter(key);
        check(object[key], c);
        c.leave();
      } else if (open) {
        checkCustomProperty(key, c);
      } else {
        c.report('invalid-property-name', `${quote(key)} is not a property of ${shapeName}.`, key);
      }
    }
    for (let i = 0; i < required.length; i++) {
      const name = required[i]!;
      if (object[name] === undefined) c.report('required-property', `${quote(name)} is required on ${shapeName}.`, name);
    }
    for (let i = 0; i < constraints.length; i++) constraints[i]!(object, c);
  };
}

const nested = new WeakMap<ObjectShape, ShapeCheck>();

/** Nested shapes are shared between types, so each is compiled once. (No STIX shape contains itself.) */
function compileNested(shape: ObjectShape): ShapeCheck {
  let check = nested.get(shape);
  if (!check) {
    check = compileShape(shape);
    nested.set(shape, check);
  }
  return check;
}

useShapeCompiler(compileNested);
