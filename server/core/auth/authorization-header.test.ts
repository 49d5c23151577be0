import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { parseAuthorizationHeader } from './authorization-header.ts';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('reading the Authorization header', () => {
  it('reads Basic credentials as UTF-8, splitting at the first colon', () => {
    expect(parseAuthorizationHeader(basic('alice:s3cret:with:colons'))).toEqual({
      scheme: 'basic',
      name: 'alice',
      password: 's3cret:with:colons',
    });
    expect(parseAuthorizationHeader(basic('ليلى:كلمة'))).toEqual({ scheme: 'basic', name: 'ليلى', password: 'كلمة' });
  });

  it('takes schemes in any case, surrounding spaces and Basic without padding', () => {
    expect(parseAuthorizationHeader('  bEaReR thq_abc  ')).toEqual({ scheme: 'bearer', token: 'thq_abc' });
    const unpadded = Buffer.from('bob:pw').toString('base64').replace(/=+$/, '');
    expect(parseAuthorizationHeader(`BASIC ${unpadded}`)).toEqual({ scheme: 'basic', name: 'bob', password: 'pw' });
  });

  it.each([
    '',
    'Basic',
    'Bearer',
    'Basic ',
    'Basic a b',
    'Basic !!!!',
    'Basic YWxpY2U=', // "alice": no colon
    'Basic /w==', // 0xff: not UTF-8
    'Basic YW=xp',
    'Bearer thq_a b',
    'Bearer tok\u0000en',
    'thq_abcdef',
  ])('refuses the malformed header %j', (header) => {
    expect(() => parseAuthorizationHeader(header)).toThrow(expect.objectContaining({ code: 'auth.malformed_header' }));
  });

  it('names a scheme it does not support', () => {
    expect(() => parseAuthorizationHeader('Digest abc')).toThrow(
      expect.objectContaining({ kind: 'unauthenticated', code: 'auth.unsupported_scheme' }),
    );
  });

  it('answers credentials or an unauthenticated error for any string, never another failure', () => {
    const header = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string().map((text) => basic(text)),
      fc.string().map((text) => `Basic ${text}`),
      fc.string().map((text) => `Bearer ${text}`),
    );
    fc.assert(
      fc.property(header, (text) => {
        try {
          const credentials = parseAuthorizationHeader(text);
          expect(['basic', 'bearer']).toContain(credentials.scheme);
        } catch (error) {
          expect(isDomainError(error) && error.kind === 'unauthenticated').toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
