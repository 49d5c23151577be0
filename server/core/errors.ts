/**
 * Domain errors: one class, a stable `code`, a `kind` that adapters map once (TAXII error message, REST JSON,
 * CLI exit code) and `params` for translation. Services never mention HTTP; adapters never match on messages.
 */

export type ErrorKind =
  | 'invalid' // the request or its content is wrong
  | 'unauthenticated' // no or bad credentials
  | 'forbidden' // known caller, not allowed
  | 'not_found' // absent, or not visible to the caller
  | 'conflict' // state forbids the change
  | 'too_large' // body or batch beyond the advertised limit
  | 'unsupported_media_type' // request body in a media type we do not take
  | 'not_acceptable' // the caller accepts no media type we produce
  | 'method_not_allowed' // the resource exists, the method does not apply to it
  | 'unavailable'; // a dependency (database) is down

export type ErrorParams = Record<string, string | number | boolean | null | undefined>;

/**
 * One problem of an input refused whole, such as a file: its rule code (sentences in shared/i18n/problems),
 * where it is (`path`, and more precise fields such as `line` and `column`) and what is wrong, in English.
 */
export type ErrorProblem = Readonly<{ rule: string; path: string; message: string } & Record<string, string | number | null>>;

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: ErrorParams;
  /** Every problem of an input refused whole; undefined for an error that is one problem only. */
  readonly problems: readonly ErrorProblem[] | undefined;

  constructor(kind: ErrorKind, code: string, message: string, params: ErrorParams = {}, problems?: readonly ErrorProblem[]) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

export const invalid = (code: string, message: string, params?: ErrorParams, problems?: readonly ErrorProblem[]) =>
  new DomainError('invalid', code, message, params, problems);
export const notFound = (code: string, message: string, params?: ErrorParams) =>
  new DomainError('not_found', code, message, params);
export const forbidden = (code: string, message: string, params?: ErrorParams) =>
  new DomainError('forbidden', code, message, params);
export const unauthenticated = (code: string, message: string, params?: ErrorParams) =>
  new DomainError('unauthenticated', code, message, params);
export const conflict = (code: string, message: string, params?: ErrorParams) =>
  new DomainError('conflict', code, message, params);
export const tooLarge = (code: string, message: string, params?: ErrorParams) =>
  new DomainError('too_large', code, message, params);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The error for a language that is not one of the six UN languages Thiqa speaks. */
export function unknownLanguage(language: string): DomainError {
  const known = 'ar, zh, en, fr, ru, es';
  return invalid('language.unknown', `"${language}" is not one of the languages: ${known}`, { language, known, field: 'language' });
}
