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

  /** Reports at the current path, or at `key` below it; `params` for the rules that take some (`RULE_PARAMS`). */
  report(rule: RuleCode, message: string, key?: string | number, params?: Problem['params']): void {
    if (key !== undefined) this.enter(key);
    const problem: Problem = { severity: RULE_SEVERITY[rule], rule, path: formatPath(this.keys, this.depth), message };
    if (params) problem.params = params;
    if (key !== undefined) this.leave();
    (this.problems ??= []).push(problem);
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

/** A value described with its JSON type, for "must be X, not Y" messages: `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the string ${show(value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `the boolean ${value}`;
    case 'object': return 'an object';
    default: return `a ${typeof value} (not JSON)`;
  }
}

/** True for a JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
