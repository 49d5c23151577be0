/**
 * The state of one validation run: where in the object we are and what was found. The path is a stack of keys
 * that is only turned into text when a problem is reported, so a valid object costs no string building.
 */
import { RULE_SEVERITY } from './problem.ts';
import type { Problem, RuleCode } from './problem.ts';

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$.a.b[0]['SHA-256']`: dots for plain names, brackets for indexes and for keys a dot would make ambiguous. */
export function formatPath(keys: readonly (string | number)[], depth: number): string {
  let path = '$';
  for (let i = 0; i < depth; i++) {
    const key = keys[i]!;
    if (typeof key === 'number') path += `[${key}]`;
    else if (SIMPLE_KEY.test(key)) path += `.${key}`;
    else path += `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return path;
}

export class Checker {
  problems: Problem[] | undefined;
  private readonly keys: (string | number)[] = [];
  private depth = 0;

  /** Starts a new run; the instance is reused because validation is synchronous and never re-entered. */
  reset(): void {
    this.problems = undefined;
    this.depth = 0;
  }

  enter(key: string | number): void {
    this.keys[this.depth++] = key;
  }

  leave(): void {
    this.depth--;
  }

  /** Reports at the current path, or at `key` below it. */
  report(rule: RuleCode, message: string, key?: string | number): void {
    if (key !== undefined) this.enter(key);
    const problem: Problem = { severity: RULE_SEVERITY[rule], rule, path: formatPath(this.keys, this.depth), message };
    if (key !== undefined) this.leave();
    (this.problems ??= []).push(problem);
  }

  /** The current path as text (for messages that name another property). */
  path(key?: string | number): string {
    if (key === undefined) return formatPath(this.keys, this.depth);
    this.enter(key);
    const text = formatPath(this.keys, this.depth);
    this.leave();
    return text;
  }

  /** Runs `check` with `key` pushed, for callers that validate a child value. */
  within<T>(key: string | number, value: T, check: (value: T, checker: Checker) => void): void {
    this.enter(key);
    check(value, this);
    this.leave();
  }
}

/** Short, safe rendering of a value for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** The JSON type name used in messages. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** True for a JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
