// The value tests the matcher relies on: CIDR containment over both families, LIKE wildcards, MATCHES flags.
import { describe, expect, it } from 'vitest';
import { isSubnetOf, likeToRegExp, matchesToRegExp } from './match-values.ts';

describe('CIDR containment', () => {
  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/7', '10.0.0.0/8', false],
    ['11.0.0.1', '10.0.0.0/8', false],
    ['0.0.0.0/0', '0.0.0.0/0', true],
    ['203.0.113.255', '203.0.113.128/25', true],
    ['203.0.113.127', '203.0.113.128/25', false],
    ['2001:db8:1::5', '2001:db8::/32', true],
    ['2001:db9::5', '2001:db8::/32', false],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.0/120', true],
    ['::ffff:192.0.3.1', '::ffff:192.0.2.0/120', false],
    ['10.0.0.1', '::/0', false],
    ['not an address', '10.0.0.0/8', false],
  ])('%s in %s: %s', (inner, outer, expected) => {
    expect(isSubnetOf(inner, outer)).toBe(expected);
  });
});

describe('LIKE and MATCHES', () => {
  it.each([
    ['a%', 'abc', true], ['a%', 'ba', false], ['%', '', true], ['_', '', false], ['a_c', 'abc', true],
    ['a.c', 'abc', false], ['100%', '100% sure', true], ['(x)', '(x)', true], ['%\n%', 'line\nbreak', true],
  ])('LIKE %j against %j: %s', (like, value, expected) => {
    expect(likeToRegExp(like).test(value)).toBe(expected);
  });

  it('takes leading PCRE flags and answers null for what JavaScript cannot compile', () => {
    expect(matchesToRegExp('(?i)abc')?.test('ABC')).toBe(true);
    expect(matchesToRegExp('(?s)a.c')?.test('a\nc')).toBe(true);
    expect(matchesToRegExp('a.c')?.test('a\nc')).toBe(false);
    expect(matchesToRegExp('a++b')).toBeNull();
    expect(matchesToRegExp('(?x) a b')).toBeNull();
  });
});
