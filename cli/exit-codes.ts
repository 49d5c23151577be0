/**
 * The one mapping from failures to exit statuses and to what the user is told.
 *
 * 0 success; 1 invalid input or content (rejected objects, malformed bundles) or a conflict; 2 wrong usage
 * (unknown option, missing argument, bad configuration value); 3 something named does not exist; 4 a
 * dependency (the database) is unavailable; 5 not allowed; 70 an internal error (a bug); 130 interrupted at
 * a prompt; 141 stdout closed by its reader (`thiqa export x | head`), as a process killed by SIGPIPE.
 */
import { CommanderError } from 'commander';
import { isDomainError, type DomainError } from '../server/core/errors.ts';
import { isBundleReadError } from '../shared/json/index.ts';

export const EXIT = {
  ok: 0,
  invalid: 1,
  usage: 2,
  notFound: 3,
  unavailable: 4,
  denied: 5,
  internal: 70,
  brokenPipe: 141,
} as const;

/** What is printed for a failure: `thiqa: <message>`, or `{ "error": … }` with `--json`. */
export interface ErrorReport {
  code: string;
  message: string;
  params: Record<string, unknown>;
}

export interface Failure {
  exitCode: number;
  /** Undefined when there is nothing to add (commander has printed the usage message already). */
  report: ErrorReport | undefined;
  /** For THIQA_DEBUG=1 only. */
  stack: string | undefined;
}

/** The exit status of a domain error: by kind, and the `usage.` / `config.` code prefixes (a wrong call). */
export function exitCodeOf(error: DomainError): number {
  if (error.code.startsWith('usage.') || error.code.startsWith('config.')) return EXIT.usage;
  switch (error.kind) {
    case 'not_found':
      return EXIT.notFound;
    case 'unavailable':
      return EXIT.unavailable;
    case 'unauthenticated':
    case 'forbidden':
      return EXIT.denied;
    default:
      return EXIT.invalid;
  }
}

/** Classifies anything a command threw. `json` decides whether commander's own usage errors get a report. */
export function failureOf(error: unknown, json: boolean): Failure {
  const stack = error instanceof Error ? error.stack : undefined;
  if (error instanceof CommanderError) {
    // Help and version end here too, successfully. Commander has printed its message on stderr already.
    if (error.exitCode === 0) return { exitCode: EXIT.ok, report: undefined, stack: undefined };
    const report = { code: `usage.${error.code.replace(/^commander\./, '')}`, message: error.message.replace(/^error: /, ''), params: {} };
    return { exitCode: EXIT.usage, report: json ? report : undefined, stack: undefined };
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return { exitCode: EXIT.brokenPipe, report: undefined, stack: undefined };
  if (isDomainError(error)) return { exitCode: exitCodeOf(error), report: { code: error.code, message: error.message, params: error.params }, stack };
  if (isBundleReadError(error)) {
    const params = { offset: error.offset, line: error.line, column: error.column };
    return { exitCode: EXIT.invalid, report: { code: error.code, message: error.message, params }, stack };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.internal, report: { code: 'internal', message: `internal error: ${message}`, params: {} }, stack };
}
