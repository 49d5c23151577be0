import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorKind } from '../server/core/errors.ts';
import { BundleReadError } from '../shared/json/index.ts';
import { EXIT, exitCodeOf, failureOf } from './exit-codes.ts';

describe('exit codes', () => {
  it.each<[ErrorKind, string, number]>([
    ['invalid', 'user.invalid_name', EXIT.invalid],
    ['conflict', 'user.exists', EXIT.invalid],
    ['invalid', 'usage.password_missing', EXIT.usage],
    ['invalid', 'config.invalid_integer', EXIT.usage],
    ['not_found', 'collection.not_found', EXIT.notFound],
    ['unavailable', 'database.unreachable', EXIT.unavailable],
    ['forbidden', 'collection.write_forbidden', EXIT.denied],
    ['unauthenticated', 'auth.bad_credentials', EXIT.denied],
  ])('%s %s exits %i', (kind, code, exit) => {
    expect(exitCodeOf(new DomainError(kind, code, 'message'))).toBe(exit);
  });

  it('reports a domain error with its code, message and parameters', () => {
    const failure = failureOf(new DomainError('not_found', 'user.not_found', 'no user named "x"', { name: 'x' }), false);
    expect(failure).toMatchObject({ exitCode: 3, report: { code: 'user.not_found', message: 'no user named "x"', params: { name: 'x' } } });
  });

  it('turns commander errors into usage (2), help into success, and reports them only with --json', () => {
    const usage = new CommanderError(1, 'commander.missingArgument', "error: missing required argument 'name'");
    expect(failureOf(usage, false)).toMatchObject({ exitCode: 2, report: undefined });
    expect(failureOf(usage, true).report).toEqual({ code: 'usage.missingArgument', message: "missing required argument 'name'", params: {} });
    expect(failureOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), true)).toMatchObject({ exitCode: 0, report: undefined });
  });

  it('maps a malformed bundle to 1, a closed stdout to 141 and anything else to 70', () => {
    const malformed = new BundleReadError('json.syntax', { offset: 5, line: 1, column: 6 }, 'a value', '"]"');
    expect(failureOf(malformed, false)).toMatchObject({ exitCode: 1, report: { code: 'json.syntax', params: { offset: 5 } } });
    expect(failureOf(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), false)).toMatchObject({ exitCode: 141, report: undefined });
    expect(failureOf(new TypeError('x is undefined'), false)).toMatchObject({ exitCode: 70, report: { code: 'internal', message: 'internal error: x is undefined' } });
  });
});
