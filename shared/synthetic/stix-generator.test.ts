import { describe, expect, it } from 'vitest';
import { generateObjects } from './stix-generator.ts';

const take = (options: Parameters<typeof generateObjects>[0]) => [...generateObjects(options)];

describe('generateObjects: determinism and count', () => {
  it('gives byte-identical output for one seed and different output for another', () => {
    const a = JSON.stringify(take({ seed: 11, count: 2_000 }));
    expect(JSON.stringify(take({ seed: 11, count: 2_000 }))).toBe(a);
    expect(JSON.stringify(take({ seed: 12, count: 2_000 }))).not.toBe(a);
  });

  it('yields exactly the count asked for, even fewer than the identities', () => {
    for (const count of [0, 1, 3, 8, 14, 15, 1_234]) expect(take({ count })).toHaveLength(count);
    expect(take({ count: 2, identityCount: 5 }).map((o) => o.type)).toEqual(['identity', 'identity']);
  });

  it('makes a shorter stream a prefix of a longer one with the same options', () => {
    const long = JSON.stringify(take({ seed: 4, count: 800 }).slice(0, 300));
    expect(JSON.stringify(take({ seed: 4, count: 300 }))).toBe(long);
  });

  it('rejects a bad count, identity count or start', () => {
    expect(() => take({ count: -1 })).toThrow(RangeError);
    expect(() => take({ count: 1.5 })).toThrow(RangeError);
    expect(() => take({ count: 5, identityCount: 0 })).toThrow(RangeError);
    expect(() => take({ count: 5, start: 'yesterday' })).toThrow(RangeError);
  });
});

describe('generateObjects: content', () => {
  const objects = take({ seed: 21, count: 5_000 });

  it('contains every promised type', () => {
    const types = new Set(objects.map((o) => o.type));
    for (const type of [
      'identity', 'indicator', 'ipv4-addr', 'domain-name', 'url', 'file', 'email-addr', 'malware', 'threat-actor',
      'intrusion-set', 'campaign', 'attack-pattern', 'vulnerability', 'relationship', 'sighting', 'report', 'note',
    ]) expect(types, type).toContain(type);
    const relationshipTypes = new Set(objects.filter((o) => o.type === 'relationship').map((o) => o.relationship_type));
    for (const type of ['indicates', 'uses', 'targets', 'related-to']) expect(relationshipTypes).toContain(type);
  });

  it('writes compound patterns and kill chain phases on some indicators', () => {
    const indicators = objects.filter((o) => o.type === 'indicator');
    expect(indicators.some((o) => / (AND|OR) /.test(o.pattern as string))).toBe(true);
    expect(indicators.some((o) => o.kill_chain_phases)).toBe(true);
    for (const pattern of ["[ipv4-addr:value = '", "[domain-name:value = '", "[file:hashes.'SHA-256' = '", "[url:value = '"]) {
      expect(indicators.some((o) => (o.pattern as string).startsWith(pattern)), pattern).toBe(true);
    }
  });

  it('republishes some objects as later versions and never repeats an id and version', () => {
    const versions = new Map<string, string[]>();
    for (const o of objects) versions.set(o.id as string, [...(versions.get(o.id as string) ?? []), String(o.modified)]);
    expect([...versions.values()].filter((v) => v.length > 1).length).toBeGreaterThan(20);
    for (const list of versions.values()) {
      expect(new Set(list).size).toBe(list.length);
      expect([...list].sort()).toEqual(list); // each version is later than the one before
    }
  });

  it('moves time forward from the start', () => {
    const start = '2024-03-01T00:00:00.000Z';
    const created = take({ count: 1_000, start })
      .filter((o) => o.created && o.created === o.modified)
      .map((o) => o.created as string);
    expect(created[0]! >= start).toBe(true);
    expect([...created].sort()).toEqual(created);
  });

  it('credits every SDO and SRO to one of the identities, and marks objects with the given markings', () => {
    const markingRefs = ['marking-definition--11111111-1111-4111-8111-111111111111'];
    const identities = new Set<string>();
    for (const o of take({ count: 1_000, markingRefs, identityCount: 3 })) {
      if (o.type === 'identity') identities.add(o.id as string);
      else if (o.created) expect(identities).toContain(o.created_by_ref);
      expect(o.object_marking_refs).toEqual(markingRefs);
    }
    expect(identities.size).toBe(3);
    expect(take({ count: 300, markingRefs: [] }).every((o) => o.object_marking_refs === undefined)).toBe(true);
  });
});
