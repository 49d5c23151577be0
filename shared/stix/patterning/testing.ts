/**
 * Test helper: a pattern tree written as one line, so table-driven tests can state the shape a pattern parses
 * into. `[C]` an observation, `(L AND R)` an observation operator, `(E WITHIN 5)` a qualifier, `{A & B}` and
 * `{A | B}` comparison AND/OR, `path op constant` a comparison with typed constants: `str(x)`, `int(5)`,
 * `float(0.5)`, `bool(true)`, `bin(…)`, `hex(…)`, `ts(…)`, a list `(c1, c2)`.
 */
import type { ComparisonExpression, Literal, ObjectPath, ObservationExpression } from './ast.ts';

const KINDS = { string: 'str', integer: 'int', float: 'float', boolean: 'bool', binary: 'bin', hex: 'hex', timestamp: 'ts' } as const;

function literal(value: Literal): string {
  return `${KINDS[value.kind]}(${String(value.value)})`;
}

function path(p: ObjectPath): string {
  const steps = p.steps.map((step, i) => {
    if (step.kind === 'index') return `[${step.index}]`;
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(step.name) ? step.name : `'${step.name}'`;
    return i === 0 ? name : `.${name}`;
  });
  return `${p.objectType}:${steps.join('')}`;
}

function comparison(c: ComparisonExpression): string {
  switch (c.kind) {
    case 'comparison-and': return `{${comparison(c.left)} & ${comparison(c.right)}}`;
    case 'comparison-or': return `{${comparison(c.left)} | ${comparison(c.right)}}`;
    case 'exists': return `EXISTS ${path(c.path)}`;
    case 'comparison': {
      const value = Array.isArray(c.value) ? `(${c.value.map(literal).join(', ')})` : literal(c.value);
      return `${path(c.path)} ${c.negated ? 'NOT ' : ''}${c.operator} ${value}`;
    }
  }
}

/** The one-line form of a pattern tree (see the module note). */
export function shapeOf(e: ObservationExpression): string {
  switch (e.kind) {
    case 'observation': return `[${comparison(e.comparison)}]`;
    case 'qualified': {
      const q = e.qualifier;
      const text = q.kind === 'within' ? `WITHIN ${q.seconds}` : q.kind === 'repeats' ? `REPEATS ${q.times}` : `START ${q.start} STOP ${q.stop}`;
      return `(${shapeOf(e.expression)} ${text})`;
    }
    default: return `(${shapeOf(e.left)} ${e.kind.toUpperCase()} ${shapeOf(e.right)})`;
  }
}
