/**
 * The rules of STIX 2.1 §9 that the grammar alone does not enforce, checked on a parsed pattern: object types
 * are valid type names (§3.1: 3–250 characters of a–z, 0–9 and hyphens, starting with a letter); comparison
 * expressions joined by AND inside one observation expression use one object type (§9.5: they are evaluated
 * against one object); WITHIN takes a positive number of seconds and REPEATS a positive number of times (§9.7);
 * START comes before STOP; timestamps are real instants; ISSUBSET and ISSUPERSET compare IP addresses or
 * CIDR blocks (§9.6). Answers the first problem found, in source order.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { matchesFormat } from '../formats.ts';
import { isTypeName } from '../identifier.ts';
import { parseTimestamp } from '../timestamp.ts';
import { expecting } from './expectations.ts';
import { patternError, quoteFound, type ComparisonExpression, type Literal, type ObservationExpression, type PatternError, type Span } from './ast.ts';

type Found = { span: Span; expected: string; reason: string } | undefined;

const problem = (span: Span, expected: string, reason: string): Found => ({ span, expected, reason });

/** True for an IPv4 or IPv6 address, with or without a CIDR prefix. */
export function isIpOrCidr(text: string): boolean {
  return matchesFormat('ipv4-cidr', text) || matchesFormat('ipv6-cidr', text) || isIPv4(text) || isIPv6(text);
}

function checkLiteral(literal: Literal, operator: string): Found {
  if (literal.kind === 'timestamp' && !parseTimestamp(literal.value)) {
    return problem(literal.span, expecting('real-timestamp'), `the timestamp t'${literal.value}' names no real instant`);
  }
  if ((operator === 'ISSUBSET' || operator === 'ISSUPERSET') && !isIpOrCidr(String(literal.value))) {
    return problem(literal.span, expecting('ip-or-cidr'), `${operator} compares IP addresses: '${literal.value}' is not an IPv4 or IPv6 address or CIDR block`);
  }
  return undefined;
}

/** The object types a comparison expression's paths name, in source order. */
function typesOf(expression: ComparisonExpression, into: Set<string> = new Set()): Set<string> {
  if (expression.kind === 'comparison-and' || expression.kind === 'comparison-or') {
    typesOf(expression.left, into);
    typesOf(expression.right, into);
  } else {
    into.add(expression.path.objectType);
  }
  return into;
}

function checkComparison(expression: ComparisonExpression): Found {
  if (expression.kind === 'comparison-and' || expression.kind === 'comparison-or') {
    const found = checkComparison(expression.left) ?? checkComparison(expression.right);
    if (found || expression.kind === 'comparison-or') return found;
    const left = [...typesOf(expression.left)];
    const right = [...typesOf(expression.right)];
    const all = new Set([...left, ...right]);
    if (all.size > 1) {
      return problem(expression.right.span, expecting('one-type', left[0]),
        `comparisons joined by AND must all be on one object type, found ${[...all].join(' and ')}`);
    }
    return undefined;
  }
  const { path } = expression;
  if (!isTypeName(path.objectType)) {
    return problem(path.span, expecting('type-name'),
      `'${path.objectType}' is not a valid object type name`);
  }
  if (expression.kind === 'exists') return undefined;
  const values = Array.isArray(expression.value) ? expression.value : [expression.value];
  for (const value of values) {
    const found = checkLiteral(value, expression.operator);
    if (found) return found;
  }
  return undefined;
}

function checkObservation(expression: ObservationExpression): Found {
  switch (expression.kind) {
    case 'observation':
      return checkComparison(expression.comparison);
    case 'qualified': {
      const found = checkObservation(expression.expression);
      if (found) return found;
      const q = expression.qualifier;
      if (q.kind === 'within' && !(q.seconds > 0)) return problem(q.span, expecting('positive-seconds'), `WITHIN needs a positive number of seconds, found ${q.seconds}`);
      if (q.kind === 'repeats' && !(q.times > 0)) return problem(q.span, expecting('positive-times'), `REPEATS needs a positive number of times, found ${q.times}`);
      if (q.kind === 'start-stop') {
        const start = parseTimestamp(q.start), stop = parseTimestamp(q.stop);
        if (!start) return problem(q.span, expecting('real-timestamp'), `the START timestamp t'${q.start}' names no real instant`);
        if (!stop) return problem(q.span, expecting('real-timestamp'), `the STOP timestamp t'${q.stop}' names no real instant`);
        if (!(start.key < stop.key)) return problem(q.span, expecting('stop-after-start'), `START t'${q.start}' must come before STOP t'${q.stop}'`);
      }
      return undefined;
    }
    default:
      return checkObservation(expression.left) ?? checkObservation(expression.right);
  }
}

/** The first rule of §9 beyond the grammar that `pattern` (parsed from `source`) breaks, or undefined. */
export function checkPattern(source: string, pattern: ObservationExpression): PatternError | undefined {
  const found = checkObservation(pattern);
  if (!found) return undefined;
  return patternError(source, found.span.start, [found.expected], quoteFound(source.slice(found.span.start, found.span.end)), found.reason);
}
