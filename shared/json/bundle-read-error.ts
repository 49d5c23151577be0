/**
 * Why a bundle could not be read, and where. Positions are those of the input as bytes (UTF-8), so an
 * operator can `dd`/`tail -c` to the spot in a file too large for an editor; line and column help with the
 * small ones.
 */

/** Stable codes; adapters map them (the CLI to exit code 1), never the message. */
export type BundleReadErrorCode =
  | 'json.syntax' // not JSON at all at this point
  | 'json.invalid_utf8' // the bytes are not UTF-8 text
  | 'bundle.not_an_object' // the document is JSON, but not a JSON object
  | 'bundle.wrong_type' // `type` is present and is not "bundle"
  | 'bundle.objects_not_a_list' // `objects` is not a JSON array
  | 'bundle.duplicate_member'; // a member of the bundle appears twice (`objects` twice would merge silently)

/** Where in the input something happened. */
export interface InputPosition {
  /** Bytes from the start of the input (0-based). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

/** A bundle that is malformed JSON or not a STIX bundle. Thrown by `readBundleObjects`. */
export class BundleReadError extends Error {
  readonly code: BundleReadErrorCode;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** What the reader expected at this position, in words (`',' or ']'`). */
  readonly expected: string;
  /** What it found (`"x"`, or `end of input`). */
  readonly found: string;

  constructor(code: BundleReadErrorCode, position: InputPosition, expected: string, found: string, detail?: string) {
    const what = code === 'json.syntax' ? 'malformed JSON' : code === 'json.invalid_utf8' ? 'not UTF-8 text' : 'not a STIX bundle';
    // Line and column are 0 when unknown (bytes that are not text have neither).
    const where = `at byte ${position.offset}${position.line > 0 ? ` (line ${position.line}, column ${position.column})` : ''}`;
    super(`${what} ${where}: ${detail ?? `expected ${expected}, found ${found}`}`);
    this.name = 'BundleReadError';
    this.code = code;
    this.offset = position.offset;
    this.line = position.line;
    this.column = position.column;
    this.expected = expected;
    this.found = found;
  }
}

/** True for errors of the bundle reader (as opposed to I/O errors of the source). */
export function isBundleReadError(error: unknown): error is BundleReadError {
  return error instanceof BundleReadError;
}
