import { describe, expect, it } from 'vitest';
import { canonical, diffObjects } from './diff.ts';

describe('diffObjects', () => {
  it('names each property added, removed, changed or unchanged, newer order first', () => {
    const before = { id: 'x', name: 'Old', labels: ['a'], revoked: false };
    const after = { id: 'x', name: 'New', labels: ['a'], confidence: 80 };
    expect(diffObjects(before, after).map((row) => [row.property, row.change])).toEqual([
      ['id', 'unchanged'],
      ['name', 'changed'],
      ['labels', 'unchanged'],
      ['confidence', 'added'],
      ['revoked', 'removed'],
    ]);
  });

  it('does not count a different key order inside a value as a change', () => {
    const before = { hashes: { MD5: '1', 'SHA-256': '2' } };
    const after = { hashes: { 'SHA-256': '2', MD5: '1' } };
    expect(diffObjects(before, after)[0]!.change).toBe('unchanged');
    expect(canonical(before.hashes)).toBe(canonical(after.hashes));
  });

  it('counts a changed array order as a change (STIX lists are ordered)', () => {
    expect(diffObjects({ labels: ['a', 'b'] }, { labels: ['b', 'a'] })[0]!.change).toBe('changed');
  });
});
