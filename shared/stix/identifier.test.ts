import { describe, expect, it } from 'vitest';
import { identifierSeparator, isIdentifier, isTypeName, isUuidAt, uuidV5 } from './identifier.ts';

describe('uuidV5', () => {
  it('matches RFC 4122 name-based UUIDs computed elsewhere', () => {
    // Python's documented example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('identifiers', () => {
  it.each([
    ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', true],
    ['x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a', true],
    ['indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F', true],
    ['indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', false],
    ['indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f', false],
    ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f0', false],
    ['indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f', false],
    ['Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', false],
    ['ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', false],
    ['--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', false],
    [42, false],
  ])('%s is an identifier: %s', (text, expected) => {
    expect(isIdentifier(text)).toBe(expected);
  });

  it('finds the separator after the type', () => {
    expect(identifierSeparator('x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a')).toBe(14);
    expect(isUuidAt('x--69da72d2-f550-41c5-ab9e-e8255707f28a', 3)).toBe(true);
  });

  it.each([
    ['indicator', true], ['x-mitre-data-component', true], ['a1b', true], ['ab', false], ['x--y', false],
    ['x-y-', false], ['1abc', false], ['abc_def', false], ['a'.repeat(250), true], ['a'.repeat(251), false],
  ])('%s is a type name: %s', (text, expected) => {
    expect(isTypeName(text)).toBe(expected);
  });
});
