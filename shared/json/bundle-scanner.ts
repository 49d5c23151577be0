/**
 * An incremental, strict JSON scanner specialised for STIX bundles. It reads text in chunks split anywhere
 * (inside a string, an escape, a number or a literal), keeps no more than the element in progress, and hands
 * out each element of the top-level `objects` array as soon as it is complete — parsed by `JSON.parse`,
 * which is native and fast, once the scanner has found where the element ends.
 *
 * The scanner checks the whole grammar itself (not only brackets and quotes) so that a syntax error is
 * reported where it is, in bytes, with what was expected — not as a `JSON.parse` message about a fragment.
 */
import { BundleReadError, type BundleReadErrorCode } from './bundle-read-error.ts';
import { firstNumberState, isDigit, isHex, nextNumberState, NUMBER_ENDED, NUMBER_INVALID, SIMPLE_ESCAPES } from './json-lexical.ts';
import { describeCharacter, utf8Length } from './text-position.ts';

// Syntactic states (plain numbers: erasable syntax has no enum, and these are compared in the hot loop).
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY_OR_CLOSE = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const DONE = 6;
const STRING = 7;
const NUMBER = 8;
const LITERAL = 9;

const OBJECT = 0;
const ARRAY = 1;

/** What each state waits for, in words, for error messages (the states that depend on more are in `expectation`). */
const EXPECTED: Readonly<Record<number, string>> = {
  [VALUE]: 'a value',
  [VALUE_OR_CLOSE]: "a value or ']'",
  [KEY_OR_CLOSE]: "a property name in double quotes or '}'",
  [KEY]: 'a property name in double quotes',
  [COLON]: "':'",
  [NUMBER]: 'a digit',
};

/** What the scanner reports besides the elements of `objects`. */
export interface BundleHandlers {
  /** Each member of the bundle other than `objects` (`type`, `id`, `spec_version`, custom ones), once read. */
  onMember?: (name: string, value: unknown) => void;
  /** The `objects` list closed, after `count` elements (0 for `"objects": []`). */
  onObjectsEnd?: (count: number) => void;
}

/** Feed with `write` (any split of the text), then `end`. Throws `BundleReadError`. */
export class BundleScanner {
  private readonly handlers: BundleHandlers;
  private state = VALUE;
  private readonly stack: number[] = [];
  private numberState = 0;
  /** 0: none; 1: after a backslash; 2..5: that many hexadecimal digits of `\u` still expected, minus one. */
  private escape = 0;
  private stringIsKey = false;
  private literal = '';
  private literalIndex = 0;

  /** Start of the value being kept, in the current chunk (0 when it began in an earlier one); -1: none. */
  private captureStart = -1;
  private captureKind: 'key' | 'member' | 'element' = 'element';
  private readonly pieces: string[] = [];

  private memberName = '';
  private readonly memberNames = new Set<string>();
  private inObjects = false;
  private elementCount = 0;

  private text = '';
  private chunkStartByte = 0;
  private chunkStartChar = 0;
  private line = 1;
  private lineStartChar = 0;

  constructor(handlers: BundleHandlers = {}) {
    this.handlers = handlers;
  }

  /** Scans the next piece of text; appends the elements of `objects` completed in it to `out`, in order. */
  write(text: string, out: unknown[]): void {
    this.text = text;
    const n = text.length;
    // A byte-order mark is not JSON, but editors on some systems add one; it carries no meaning.
    let i = this.chunkStartChar === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < n) {
      if (this.state === STRING) i = this.scanString(text, i, out);
      else if (this.state === NUMBER) i = this.scanNumber(text, i, out);
      else if (this.state === LITERAL) i = this.scanLiteral(text, i, out);
      else i = this.scanStructure(text, i, out);
    }
    if (this.captureStart >= 0) {
      this.pieces.push(text.slice(this.captureStart));
      this.captureStart = 0;
    }
    this.chunkStartByte += utf8Length(text, n);
    this.chunkStartChar += n;
  }

  /** Says the input is over; throws when the bundle is not complete. */
  end(): void {
    this.text = '';
    if (this.state === DONE) return;
    if (this.chunkStartChar === 0) throw this.fail('json.syntax', 0, "a JSON object (a STIX bundle)", 'an empty input');
    throw this.fail('json.syntax', 0, this.expectation(), 'end of input');
  }

  private scanStructure(text: string, i: number, out: unknown[]): number {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) return i + 1;
    if (c === 0x0a) {
      this.line++;
      this.lineStartChar = this.chunkStartChar + i + 1;
      return i + 1;
    }
    switch (this.state) {
      case VALUE_OR_CLOSE:
        if (c === 0x5d) return this.close(ARRAY, i, out);
        return this.beginValue(c, i);
      case VALUE:
        return this.beginValue(c, i);
      case KEY_OR_CLOSE:
        if (c === 0x7d) return this.close(OBJECT, i, out);
        return this.beginKey(c, i);
      case KEY:
        return this.beginKey(c, i);
      case COLON:
        if (c !== 0x3a) throw this.fail('json.syntax', i, "':'");
        this.state = VALUE;
        return i + 1;
      case COMMA_OR_CLOSE: {
        const top = this.stack[this.stack.length - 1];
        if (c === 0x2c) {
          this.state = top === OBJECT ? KEY : VALUE;
          return i + 1;
        }
        if (c === (top === OBJECT ? 0x7d : 0x5d)) return this.close(top ?? OBJECT, i, out);
        throw this.fail('json.syntax', i, this.expectation());
      }
      default:
        throw this.fail('json.syntax', i, 'end of input');
    }
  }

  private beginKey(c: number, i: number): number {
    if (c !== 0x22) throw this.fail('json.syntax', i, this.expectation());
    if (this.stack.length === 1) this.startCapture('key', i);
    this.state = STRING;
    this.stringIsKey = true;
    this.escape = 0;
    return i + 1;
  }

  private beginValue(c: number, i: number): number {
    const depth = this.stack.length;
    const startsValue = c === 0x7b || c === 0x5b || c === 0x22 || c === 0x2d || isDigit(c) || c === 0x74 || c === 0x66 || c === 0x6e;
    if (!startsValue) throw this.fail('json.syntax', i, this.expectation());
    if (depth === 0 && c !== 0x7b) throw this.fail('bundle.not_an_object', i, "'{' (a STIX bundle is a JSON object)");
    if (depth === 1) {
      if (this.memberName === 'objects') {
        if (c !== 0x5b) throw this.fail('bundle.objects_not_a_list', i, "'[' (\"objects\" is a list)");
        this.inObjects = true;
      } else {
        this.startCapture('member', i);
      }
    } else if (depth === 2 && this.inObjects) {
      this.startCapture('element', i);
    }
    if (c === 0x7b) {
      this.stack.push(OBJECT);
      this.state = KEY_OR_CLOSE;
    } else if (c === 0x5b) {
      this.stack.push(ARRAY);
      this.state = VALUE_OR_CLOSE;
    } else if (c === 0x22) {
      this.state = STRING;
      this.stringIsKey = false;
      this.escape = 0;
    } else if (c === 0x2d || isDigit(c)) {
      this.state = NUMBER;
      this.numberState = firstNumberState(c);
    } else {
      this.state = LITERAL;
      this.literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      this.literalIndex = 1;
    }
    return i + 1;
  }

  private close(kind: number, i: number, out: unknown[]): number {
    this.stack.pop();
    if (kind === ARRAY && this.inObjects && this.stack.length === 1) {
      this.inObjects = false;
      this.handlers.onObjectsEnd?.(this.elementCount);
    }
    this.valueDone(i + 1, out);
    return i + 1;
  }

  /** A value ended just before `end`: hand it out if it is one the scanner keeps. */
  private valueDone(end: number, out: unknown[]): void {
    const depth = this.stack.length;
    this.state = depth === 0 ? DONE : COMMA_OR_CLOSE;
    if (this.captureStart < 0) return;
    if (this.captureKind === 'element' ? depth !== 2 : depth !== 1) return;
    const value = JSON.parse(this.endCapture(end)) as unknown;
    if (this.captureKind === 'element') {
      out.push(value);
      this.elementCount++;
    } else this.member(value, end);
  }

  private member(value: unknown, end: number): void {
    if (this.memberName === 'type' && value !== 'bundle') {
      throw this.fail('bundle.wrong_type', end, '"bundle"', JSON.stringify(value), `"type" is ${JSON.stringify(value)}, expected "bundle"`);
    }
    this.handlers.onMember?.(this.memberName, value);
  }

  private scanString(text: string, i: number, out: unknown[]): number {
    const n = text.length;
    while (i < n) {
      if (this.escape === 0) {
        // The hot loop: most of a bundle is string content.
        let c = text.charCodeAt(i);
        while (c !== 0x22 && c !== 0x5c && c >= 0x20) {
          if (++i === n) return n;
          c = text.charCodeAt(i);
        }
        if (c === 0x22) return this.stringDone(i + 1, out);
        if (c === 0x5c) this.escape = 1;
        else throw this.fail('json.syntax', i, 'a character other than a control character (escape it)');
      } else if (this.escape === 1) {
        const c = text.charCodeAt(i);
        if (c === 0x75) this.escape = 5;
        else if (SIMPLE_ESCAPES.has(c)) this.escape = 0;
        else throw this.fail('json.syntax', i, 'an escape character (one of " \\ / b f n r t u)');
      } else {
        if (!isHex(text.charCodeAt(i))) throw this.fail('json.syntax', i, 'a hexadecimal digit');
        this.escape = this.escape === 2 ? 0 : this.escape - 1;
      }
      i++;
    }
    return n;
  }

  private stringDone(end: number, out: unknown[]): number {
    if (!this.stringIsKey) {
      this.valueDone(end, out);
      return end;
    }
    this.state = COLON;
    if (this.stack.length === 1) {
      const name = JSON.parse(this.endCapture(end)) as string;
      if (this.memberNames.has(name)) {
        throw this.fail('bundle.duplicate_member', end, 'each member once', JSON.stringify(name), `member ${JSON.stringify(name)} appears twice`);
      }
      this.memberNames.add(name);
      this.memberName = name;
    }
    return end;
  }

  private scanNumber(text: string, i: number, out: unknown[]): number {
    const next = nextNumberState(this.numberState, text.charCodeAt(i));
    if (next === NUMBER_INVALID) throw this.fail('json.syntax', i, 'a digit');
    if (next === NUMBER_ENDED) {
      // The character that ended the number belongs to what follows: it is scanned again, not consumed.
      this.valueDone(i, out);
      return i;
    }
    this.numberState = next;
    return i + 1;
  }

  private scanLiteral(text: string, i: number, out: unknown[]): number {
    if (text.charCodeAt(i) !== this.literal.charCodeAt(this.literalIndex)) {
      throw this.fail('json.syntax', i, `"${this.literal}"`);
    }
    if (++this.literalIndex === this.literal.length) this.valueDone(i + 1, out);
    return i + 1;
  }

  private startCapture(kind: 'key' | 'member' | 'element', i: number): void {
    this.captureKind = kind;
    this.captureStart = i;
  }

  private endCapture(end: number): string {
    const tail = this.text.slice(this.captureStart, end);
    this.captureStart = -1;
    if (this.pieces.length === 0) return tail;
    this.pieces.push(tail);
    const whole = this.pieces.join('');
    this.pieces.length = 0;
    return whole;
  }

  private expectation(): string {
    const state = this.state;
    if (state === VALUE && this.stack.length === 0) return 'a JSON object (a STIX bundle)';
    // A number can end anywhere a digit is optional; the input ending there lacks what follows the number.
    const numberComplete = state === NUMBER && nextNumberState(this.numberState, 0x20) === NUMBER_ENDED;
    if (state === COMMA_OR_CLOSE || numberComplete) return this.stack[this.stack.length - 1] === OBJECT ? "',' or '}'" : "',' or ']'";
    if (state === STRING) return this.escape === 0 ? "'\"' (the end of the string)" : this.escape === 1 ? 'an escape character' : 'a hexadecimal digit';
    if (state === LITERAL) return `"${this.literal}"`;
    return EXPECTED[state] ?? 'end of input';
  }

  /** The error for position `i` of the current chunk (or the end of the input when no chunk is current). */
  private fail(code: BundleReadErrorCode, i: number, expected: string, found?: string, detail?: string): BundleReadError {
    const atEnd = this.text.length === 0;
    const offset = this.chunkStartByte + (atEnd ? 0 : utf8Length(this.text, i));
    const column = this.chunkStartChar + (atEnd ? 0 : i) - this.lineStartChar + 1;
    const shown = found ?? (atEnd || i >= this.text.length ? 'end of input' : describeCharacter(this.text, i));
    return new BundleReadError(code, { offset, line: this.line, column }, expected, shown, detail);
  }
}
