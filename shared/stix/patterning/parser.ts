/**
 * A recursive-descent parser for STIX 2.1 patterning, written from the grammar of §9 (observation operators
 * FOLLOWEDBY < OR < AND by precedence, qualifiers after an observation expression, comparison operators OR < AND
 * inside brackets). It builds the tree of ast.ts and stops at the first syntax error, saying where, what the
 * grammar allowed there and what was found.
 */
import { PatternSyntaxError, patternError, quoteFound, type ComparisonExpression, type ComparisonOperator, type Literal, type ObjectPath,
  type ObservationExpression, type PathStep, type Qualifier, type Span } from './ast.ts';
import { END_OF_PATTERN, expecting } from './expectations.ts';
import { tokenize, type Token } from './lexer.ts';

const COMPARISON_OPERATORS = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);
const ORDERED = new Set(['<', '<=', '>', '>=']);
const ORDERABLE_KINDS = new Set(['string', 'integer', 'float', 'binary', 'hex', 'timestamp']);
const MAX_NESTING = 100;
const OBSERVATION_OPERATORS: Record<string, 'and' | 'or' | 'followedby'> = { AND: 'and', OR: 'or', FOLLOWEDBY: 'followedby' };

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  private get token(): Token {
    return this.tokens[this.index]!;
  }

  private is(text: string): boolean {
    const t = this.token;
    return (t.kind === 'punct' || t.kind === 'keyword') && t.text === text;
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? END_OF_PATTERN : quoteFound(this.source.slice(token.start, token.end));
  }

  private fail(expected: string[]): never {
    throw new PatternSyntaxError(patternError(this.source, this.token.start, expected, this.describe(this.token)));
  }

  private expect(text: string, expected: string[] = [`'${text}'`]): void {
    if (!this.is(text)) this.fail(expected);
    this.index++;
  }

  private span(start: number): Span {
    return { start, end: this.tokens[this.index - 1]!.end };
  }

  /** Steps over an opening bracket; nesting is bounded so that no input can exhaust the stack. */
  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      throw new PatternSyntaxError(patternError(this.source, this.token.start, [expecting('nesting', MAX_NESTING)], this.describe(this.token),
        `brackets are nested more than ${MAX_NESTING} deep`));
    }
    this.index++;
  }

  parsePattern(): ObservationExpression {
    const pattern = this.observationLevel(0);
    if (this.token.kind !== 'end') this.fail([expecting('observation-operator'), expecting('qualifier'), expecting('end')]);
    return pattern;
  }

  /** Level 0 is FOLLOWEDBY, 1 OR, 2 AND; above that, a qualified observation expression. */
  private observationLevel(level: number): ObservationExpression {
    if (level === 3) return this.qualifiedObservation();
    const operator = ['FOLLOWEDBY', 'OR', 'AND'][level]!;
    const start = this.token.start;
    let left = this.observationLevel(level + 1);
    while (this.is(operator)) {
      this.index++;
      const right = this.observationLevel(level + 1);
      left = { kind: OBSERVATION_OPERATORS[operator]!, left, right, span: this.span(start) };
    }
    return left;
  }

  private qualifiedObservation(): ObservationExpression {
    const start = this.token.start;
    let expression: ObservationExpression;
    if (this.is('[')) {
      this.enter();
      const comparison = this.comparisonLevel(0);
      this.expect(']', ['AND', 'OR', "']'"]);
      this.depth--;
      expression = { kind: 'observation', comparison, span: this.span(start) };
    } else if (this.is('(')) {
      this.enter();
      expression = this.observationLevel(0);
      this.expect(')', [expecting('observation-operator'), expecting('qualifier'), "')'"]);
      this.depth--;
      expression = { ...expression, span: this.span(start) };
    } else {
      this.fail(["'['", "'('"]);
    }
    while (this.is('WITHIN') || this.is('REPEATS') || this.is('START')) {
      const qualifier = this.qualifier();
      expression = { kind: 'qualified', expression, qualifier, span: this.span(start) };
    }
    return expression;
  }

  private qualifier(): Qualifier {
    const start = this.token.start;
    const keyword = this.tokens[this.index++]!.text;
    if (keyword === 'WITHIN') {
      const amount = this.token;
      if (amount.kind !== 'integer' && amount.kind !== 'float') this.fail([expecting('seconds')]);
      this.index++;
      this.expect('SECONDS');
      return { kind: 'within', seconds: Number(amount.text), span: this.span(start) };
    }
    if (keyword === 'REPEATS') {
      const amount = this.token;
      if (amount.kind !== 'integer') this.fail([expecting('times')]);
      this.index++;
      this.expect('TIMES');
      return { kind: 'repeats', times: Number(amount.text), span: this.span(start) };
    }
    const from = this.timestamp();
    this.expect('STOP');
    const to = this.timestamp();
    return { kind: 'start-stop', start: from, stop: to, span: this.span(start) };
  }

  private timestamp(): string {
    const token = this.token;
    if (token.kind !== 'timestamp') this.fail([expecting('timestamp')]);
    this.index++;
    return token.text;
  }

  /** Level 0 is OR, 1 AND; above that, one comparison, EXISTS or a parenthesised comparison expression. */
  private comparisonLevel(level: number): ComparisonExpression {
    if (level === 2) return this.propertyTest();
    const operator = level === 0 ? 'OR' : 'AND';
    const start = this.token.start;
    let left = this.comparisonLevel(level + 1);
    while (this.is(operator)) {
      this.index++;
      const right = this.comparisonLevel(level + 1);
      left = { kind: level === 0 ? 'comparison-or' : 'comparison-and', left, right, span: this.span(start) };
    }
    return left;
  }

  private propertyTest(): ComparisonExpression {
    const start = this.token.start;
    if (this.is('(')) {
      this.enter();
      const inner = this.comparisonLevel(0);
      this.expect(')', ['AND', 'OR', "')'"]);
      this.depth--;
      return { ...inner, span: this.span(start) };
    }
    if (this.is('EXISTS')) {
      this.index++;
      const path = this.objectPath();
      return { kind: 'exists', path, span: this.span(start) };
    }
    if (this.token.kind !== 'identifier') this.fail([expecting('object-path'), 'EXISTS', "'('"]);
    const path = this.objectPath();
    const negated = this.is('NOT');
    if (negated) this.index++;
    const op = this.token;
    if (!((op.kind === 'punct' || op.kind === 'keyword') && COMPARISON_OPERATORS.has(op.text))) {
      this.fail([expecting(negated ? 'operator-after-not' : 'comparison-operator')]);
    }
    this.index++;
    const operator = (op.text === '==' ? '=' : op.text === '<>' ? '!=' : op.text) as ComparisonOperator;
    const value = operator === 'IN' ? this.set() : this.literal(operator);
    return { kind: 'comparison', path, operator, negated, value, span: this.span(start) };
  }

  private set(): Literal[] {
    this.expect('(', [expecting('list-start')]);
    const items: Literal[] = [];
    if (this.is(')')) {
      this.index++;
      return items;
    }
    items.push(this.literal('IN'));
    while (this.is(',')) {
      this.index++;
      items.push(this.literal('IN'));
    }
    this.expect(')', ["','", "')'"]);
    return items;
  }

  private literal(operator: ComparisonOperator): Literal {
    const token = this.token;
    const span = { start: token.start, end: token.end };
    const stringOnly = operator === 'LIKE' || operator === 'MATCHES' || operator === 'ISSUBSET' || operator === 'ISSUPERSET';
    if (stringOnly) {
      if (token.kind !== 'string') this.fail([expecting('string-after', operator)]);
    } else if (ORDERED.has(operator)) {
      if (!ORDERABLE_KINDS.has(token.kind)) this.fail([expecting('orderable-after', operator)]);
    } else if (!ORDERABLE_KINDS.has(token.kind) && token.kind !== 'boolean') {
      this.fail([expecting('constant')]);
    }
    this.index++;
    switch (token.kind) {
      case 'integer':
        return { kind: 'integer', value: Number(token.text), span };
      case 'float':
        return { kind: 'float', value: Number(token.text), span };
      case 'boolean':
        return { kind: 'boolean', value: token.text === 'true', span };
      default:
        return { kind: token.kind as 'string' | 'binary' | 'hex' | 'timestamp', value: token.text, span };
    }
  }

  /** `type:first.second[0].'quoted'[*]`: the type, a colon, a first property, then properties and indexes. */
  private objectPath(): ObjectPath {
    const start = this.token.start;
    const type = this.token;
    if (type.kind !== 'identifier') this.fail([expecting('object-type')]);
    this.index++;
    this.expect(':', [expecting('colon-after-type')]);
    const steps: PathStep[] = [this.propertyName()];
    for (;;) {
      if (this.is('.')) {
        this.index++;
        steps.push(this.propertyName());
      } else if (this.is('[')) {
        this.index++;
        steps.push(this.listIndex());
      } else {
        break;
      }
    }
    return { objectType: type.text, steps, span: this.span(start) };
  }

  private propertyName(): PathStep {
    const token = this.token;
    if (token.kind === 'string' || (token.kind === 'identifier' && !token.text.includes('-'))) {
      this.index++;
      return { kind: 'property', name: token.text };
    }
    return this.fail([expecting('property-name')]);
  }

  private listIndex(): PathStep {
    const token = this.token;
    let index: number | '*';
    if (this.is('*')) index = '*';
    else if (token.kind === 'integer') index = Number(token.text);
    else return this.fail(["'*'", expecting('list-index')]);
    this.index++;
    this.expect(']', ["']'"]);
    return { kind: 'index', index };
  }
}

/**
 * Parses a STIX pattern into its tree (syntax only; see `checkPattern` for the rules of §9 beyond the grammar).
 * @throws PatternSyntaxError with the position, the expected tokens and what was found.
 */
export function parsePatternSyntax(source: string): ObservationExpression {
  return new Parser(source).parsePattern();
}
