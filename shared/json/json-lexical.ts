/** Character classes and the number grammar of JSON (RFC 8259), one character at a time. */

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
/** The characters allowed after a backslash: " \ / b f n r t (`u` starts a `\uXXXX` escape, handled apart). */
export const SIMPLE_ESCAPES: ReadonlySet<number> = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

// Number states, after: '-', a leading 0, integer digits, '.', fraction digits, 'e', exponent sign, exponent digits.
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRAC = 4;
const N_E = 5;
const N_ESIGN = 6;
const N_EXP = 7;
/** `nextNumberState` answers: the number was complete before this character (which is not part of it). */
export const NUMBER_ENDED = -1;
/** `nextNumberState` answers: this character cannot come here (a digit was expected). */
export const NUMBER_INVALID = -2;

/** The state after the first character of a number (`-` or a digit). */
export function firstNumberState(c: number): number {
  return c === 0x2d ? N_MINUS : c === 0x30 ? N_ZERO : N_INT;
}

/** The state after `c`, or `NUMBER_ENDED` / `NUMBER_INVALID`. */
export function nextNumberState(state: number, c: number): number {
  const digit = isDigit(c);
  switch (state) {
    case N_MINUS:
      return digit ? (c === 0x30 ? N_ZERO : N_INT) : NUMBER_INVALID;
    case N_DOT:
      return digit ? N_FRAC : NUMBER_INVALID;
    case N_E:
      if (c === 0x2b || c === 0x2d) return N_ESIGN;
      return digit ? N_EXP : NUMBER_INVALID;
    case N_ESIGN:
      return digit ? N_EXP : NUMBER_INVALID;
    default:
      // A complete number so far: more digits (not after a leading 0), a fraction, an exponent, or its end.
      if (digit && state !== N_ZERO) return state;
      if (c === 0x2e && (state === N_ZERO || state === N_INT)) return N_DOT;
      if ((c === 0x65 || c === 0x45) && state !== N_EXP) return N_E;
      return NUMBER_ENDED;
  }
}
