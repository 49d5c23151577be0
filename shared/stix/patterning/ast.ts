/**
 * The tree a STIX 2.1 pattern (§9) parses into. Every node keeps the span of source text it was read from
 * (0-based offsets, end exclusive) so that checks and tools can point at it. Binary operators are left
 * associative and kept binary: `[a] AND [b] AND [c]` is `(([a] AND [b]) AND [c])`.
 */
import { expectationText } from './expectations.ts';

export interface Span {
  start: number;
  end: number;
}

/** Where a problem is: the 0-based offset in the pattern, and the 1-based line and column people count in. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

export type Literal =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'integer'; value: number; span: Span }
  | { kind: 'float'; value: number; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  /** `b'…'`: the base64 text as written. */
  | { kind: 'binary'; value: string; span: Span }
  /** `h'…'`: the hex digits as written. */
  | { kind: 'hex'; value: string; span: Span }
  /** `t'…'`: the RFC 3339 text as written. */
  | { kind: 'timestamp'; value: string; span: Span };

/** One step after the object type: a property (`.name`, `.'quoted-key'`) or a list index (`[0]`, `[*]`). */
export type PathStep = { kind: 'property'; name: string } | { kind: 'index'; index: number | '*' };

export interface ObjectPath {
  objectType: string;
  steps: PathStep[];
  span: Span;
}

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type ComparisonExpression =
  | { kind: 'comparison'; path: ObjectPath; operator: ComparisonOperator; negated: boolean; value: Literal | Literal[]; span: Span }
  | { kind: 'exists'; path: ObjectPath; span: Span }
  | { kind: 'comparison-and'; left: ComparisonExpression; right: ComparisonExpression; span: Span }
  | { kind: 'comparison-or'; left: ComparisonExpression; right: ComparisonExpression; span: Span };

export type Qualifier =
  | { kind: 'within'; seconds: number; span: Span }
  | { kind: 'repeats'; times: number; span: Span }
  | { kind: 'start-stop'; start: string; stop: string; span: Span };

export type ObservationExpression =
  | { kind: 'observation'; comparison: ComparisonExpression; span: Span }
  | { kind: 'and' | 'or' | 'followedby'; left: ObservationExpression; right: ObservationExpression; span: Span }
  | { kind: 'qualified'; expression: ObservationExpression; qualifier: Qualifier; span: Span };

/** A whole pattern is one observation expression. */
export type Pattern = ObservationExpression;

/** Why a pattern was refused: where, what the grammar or a rule of §9 expected there, and what was found. */
export interface PatternError {
  position: SourcePosition;
  /** Tokens and codes (`expectations.ts`): `expectationText` gives their English words. */
  expected: string[];
  found: string;
  /** `at column 17: expected ']' or a comparison operator, found 'foo'`. */
  message: string;
}

/** Line and column of a 0-based offset. */
export function positionOf(source: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Source text as an error's `found`: in quotes, unless it is a quoted constant that shows its own. */
export function quoteFound(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return /^[tbh]?'/.test(text) ? short : `'${short}'`;
}

/** Builds the error for `offset`, with the message people read. */
export function patternError(source: string, offset: number, expected: string[], found: string, reason?: string): PatternError {
  const position = positionOf(source, offset);
  const where = position.line > 1 ? `at line ${position.line}, column ${position.column}` : `at column ${position.column}`;
  const what = reason ?? `expected ${listing(expected.map(expectationText))}, found ${found}`;
  return { position, expected, found, message: `${where}: ${what}` };
}

/** Thrown inside the parser, caught at its entry point: never escapes the module. */
export class PatternSyntaxError extends Error {
  readonly detail: PatternError;

  constructor(detail: PatternError) {
    super(detail.message);
    this.detail = detail;
  }
}
