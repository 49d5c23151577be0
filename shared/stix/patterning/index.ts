/**
 * STIX 2.1 patterning (§9): parse a pattern into a tree with source positions, check the rules of the
 * specification, and match it against observations. See shared/stix/README.md for what is decided where the
 * specification leaves room.
 * @example const result = parsePattern("[ipv4-addr:value = '198.51.100.1']");
 *   if (result.ok) matchPattern(result.pattern, observations); else console.log(result.error.message);
 */
import { PatternSyntaxError, type Pattern, type PatternError } from './ast.ts';
import { checkPattern } from './check.ts';
import { parsePatternSyntax } from './parser.ts';

export type { ComparisonExpression, Literal, ObjectPath, ObservationExpression, PathStep, Pattern, PatternError, Qualifier, SourcePosition, Span } from './ast.ts';
export { matchPattern, type Observation } from './match.ts';

export type ParseResult = { ok: true; pattern: Pattern } | { ok: false; error: PatternError };

/** Parses and checks a pattern; never throws. */
export function parsePattern(source: string): ParseResult {
  let pattern: Pattern;
  try {
    pattern = parsePatternSyntax(source);
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
  const error = checkPattern(source, pattern);
  return error ? { ok: false, error } : { ok: true, pattern };
}

/** The problem with a pattern, or undefined when it is a valid STIX 2.1 pattern. */
export function patternProblem(source: string): PatternError | undefined {
  const result = parsePattern(source);
  return result.ok ? undefined : result.error;
}
