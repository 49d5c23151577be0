/**
 * Whether a parsed pattern matches a set of observations (§9.5–9.7). An observation is observed-data-like: its
 * SCOs (references between them by id), `first_observed`, `last_observed` and `number_observed`.
 *
 * - A comparison expression is true for one observation when one of its objects makes it true; comparisons
 *   joined by AND must hold for that same object, those joined by OR may hold for different ones. A path that
 *   leads through `*_ref` / `*_refs` follows the id to the object in the same observation; `[*]` is any
 *   element, `[n]` the n-th (negative counts from the end). A comparison on a path that leads to nothing is
 *   false, with or without NOT; NOT negates the comparison of each value found.
 * - AND and FOLLOWEDBY between observation expressions need distinct observations on each side; FOLLOWEDBY
 *   also needs every observation on the left to end (`last_observed`) no later than every one on the right
 *   begins (`first_observed`). OR takes either side.
 * - WITHIN n SECONDS: the observations used span at most n seconds (first `first_observed` to last
 *   `last_observed`). REPEATS n TIMES: n matches of the expression on pairwise distinct observations
 *   (`number_observed` is not counted as repetition). START s STOP e: every observation used has
 *   `first_observed` ≥ s and `last_observed` < e.
 *
 * At most MAX_BINDINGS ways of matching are kept per sub-expression, so a hostile pattern stays bounded; past
 * that a match may be missed, never invented.
 */
import { timestampMicros } from '../timestamp.ts';
import type { ComparisonExpression, ObjectPath, ObservationExpression, Pattern } from './ast.ts';
import { testValue } from './match-values.ts';

export interface Observation {
  objects: readonly Record<string, unknown>[];
  first_observed: string;
  last_observed: string;
  number_observed?: number;
}

const MAX_BINDINGS = 1000;

/** One way a sub-expression matched: the indexes of the observations it used, ascending. */
type Binding = readonly number[];

interface Context {
  observations: readonly Observation[];
  byId: Map<string, Record<string, unknown>>[];
  first: number[];
  last: number[];
}

function follow(value: unknown, name: string, byId: Map<string, Record<string, unknown>>): unknown {
  if (name.endsWith('_ref') && typeof value === 'string') return byId.get(value);
  if (name.endsWith('_refs') && Array.isArray(value)) return value.map((id) => (typeof id === 'string' ? byId.get(id) : id));
  return value;
}

/** The values `path` leads to from `root` (several through `[*]`), none when it leads nowhere. */
function resolve(root: Record<string, unknown>, path: ObjectPath, byId: Map<string, Record<string, unknown>>): { values: unknown[]; property: string } {
  let current: unknown[] = [root];
  let property = '';
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === 'property') {
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, step.name)) {
          const found = follow((value as Record<string, unknown>)[step.name], step.name, byId);
          if (found !== undefined) next.push(found);
        }
      } else if (Array.isArray(value)) {
        if (step.index === '*') next.push(...value.filter((item) => item !== undefined));
        else {
          const item = value.at(step.index);
          if (item !== undefined) next.push(item);
        }
      }
    }
    if (step.kind === 'property') property = step.name;
    current = next;
  }
  return { values: current, property };
}

function objectMatches(object: Record<string, unknown>, expression: ComparisonExpression, byId: Map<string, Record<string, unknown>>): boolean {
  switch (expression.kind) {
    case 'comparison-and':
      return objectMatches(object, expression.left, byId) && objectMatches(object, expression.right, byId);
    case 'comparison-or':
      return objectMatches(object, expression.left, byId) || objectMatches(object, expression.right, byId);
    case 'exists':
      return object.type === expression.path.objectType && resolve(object, expression.path, byId).values.length > 0;
    case 'comparison': {
      if (object.type !== expression.path.objectType) return false;
      const { values, property } = resolve(object, expression.path, byId);
      return values.some((value) => testValue(expression.operator, value, expression.value, property) !== expression.negated);
    }
  }
}

const disjoint = (a: Binding, b: Binding) => !a.some((i) => b.includes(i));
const union = (a: Binding, b: Binding): Binding => [...a, ...b].sort((x, y) => x - y);

function combine(left: Binding[], right: Binding[], accept: (a: Binding, b: Binding) => boolean): Binding[] {
  const out: Binding[] = [];
  const seen = new Set<string>();
  for (const a of left) {
    for (const b of right) {
      if (!disjoint(a, b) || !accept(a, b)) continue;
      const joined = union(a, b);
      const key = joined.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(joined);
      if (out.length >= MAX_BINDINGS) return out;
    }
  }
  return out;
}

/** n pairwise disjoint bindings, taken in order so each set is built once. */
function repeats(bindings: Binding[], times: number): Binding[] {
  let partial: { used: Binding; next: number }[] = bindings.map((b, i) => ({ used: b, next: i + 1 }));
  for (let round = 1; round < times; round++) {
    const grown: { used: Binding; next: number }[] = [];
    for (const { used, next } of partial) {
      for (let i = next; i < bindings.length && grown.length < MAX_BINDINGS; i++) {
        if (disjoint(used, bindings[i]!)) grown.push({ used: union(used, bindings[i]!), next: i + 1 });
      }
    }
    partial = grown;
  }
  return partial.map((p) => p.used);
}

function bindings(expression: ObservationExpression, context: Context): Binding[] {
  const { first, last } = context;
  switch (expression.kind) {
    case 'observation': {
      const out: Binding[] = [];
      context.observations.forEach((observation, i) => {
        if (observation.objects.some((object) => objectMatches(object, expression.comparison, context.byId[i]!))) out.push([i]);
      });
      return out;
    }
    case 'or':
      return [...bindings(expression.left, context), ...bindings(expression.right, context)].slice(0, MAX_BINDINGS);
    case 'and':
      return combine(bindings(expression.left, context), bindings(expression.right, context), () => true);
    case 'followedby':
      return combine(bindings(expression.left, context), bindings(expression.right, context),
        (a, b) => Math.max(...a.map((i) => last[i]!)) <= Math.min(...b.map((i) => first[i]!)));
    case 'qualified': {
      const inner = bindings(expression.expression, context);
      const q = expression.qualifier;
      if (q.kind === 'repeats') return repeats(inner, q.times);
      if (q.kind === 'within') {
        const limit = q.seconds * 1_000_000;
        return inner.filter((b) => Math.max(...b.map((i) => last[i]!)) - Math.min(...b.map((i) => first[i]!)) <= limit);
      }
      const start = timestampMicros(q.start), stop = timestampMicros(q.stop);
      return inner.filter((b) => b.every((i) => first[i]! >= start && last[i]! < stop));
    }
  }
}

/**
 * True when `pattern` matches `observations` (see the module note for the semantics chosen).
 * @example matchPattern(parsed, [{ objects: [{ type: 'ipv4-addr', value: '198.51.100.1' }],
 *   first_observed: '2026-01-01T00:00:00Z', last_observed: '2026-01-01T00:00:00Z', number_observed: 1 }]) // true
 */
export function matchPattern(pattern: Pattern, observations: readonly Observation[]): boolean {
  const context: Context = {
    observations,
    byId: observations.map((o) => new Map(o.objects.filter((x) => typeof x.id === 'string').map((x) => [x.id as string, x]))),
    first: observations.map((o) => timestampMicros(o.first_observed)),
    last: observations.map((o) => timestampMicros(o.last_observed)),
  };
  return bindings(pattern, context).length > 0;
}
