import { describe, expect, it } from 'vitest';
import { essentialProperties, parseTlpLevel, redactObject, sharingFactsOf, tlpRankOfMarking } from './sharing.ts';
import { TLP1_MARKINGS, TLP2_MARKINGS } from './tlp.ts';

const indicator = (extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  description: 'seen at the border router',
  pattern: "[domain-name:value = 'bad.example']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('TLP levels', () => {
  it('ranks TLP 1.0 and 2.0 markings alike, WHITE as CLEAR, and knows no other marking', () => {
    expect(tlpRankOfMarking(TLP1_MARKINGS.white)).toBe(0);
    expect(tlpRankOfMarking(TLP2_MARKINGS.clear)).toBe(0);
    expect(tlpRankOfMarking(TLP1_MARKINGS.amber)).toBe(tlpRankOfMarking(TLP2_MARKINGS.amber));
    expect(tlpRankOfMarking(TLP2_MARKINGS['amber+strict'])).toBe(3);
    expect(tlpRankOfMarking(TLP1_MARKINGS.red)).toBe(4);
    expect(tlpRankOfMarking('marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168')).toBeUndefined();
  });

  it('reads a level as people write it, and nothing else', () => {
    expect(['clear', 'WHITE', 'TLP:GREEN', ' amber ', 'Amber+Strict', 'tlp:red'].map(parseTlpLevel)).toEqual([0, 0, 1, 2, 3, 4]);
    expect(['amber-strict', 'orange', ''].map(parseTlpLevel)).toEqual([undefined, undefined, undefined]);
  });
});

describe('sharing facts of an object', () => {
  it('takes the most restrictive object marking, ignoring markings that are not TLP', () => {
    const facts = sharingFactsOf(indicator({ object_marking_refs: [TLP2_MARKINGS.green, 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168', TLP1_MARKINGS.amber] }));
    expect(facts.level).toBe(2);
    expect(sharingFactsOf(indicator()).level).toBeUndefined();
  });

  it('gives each top-level property the most restrictive granular TLP marking selecting into it', () => {
    const facts = sharingFactsOf(
      indicator({
        labels: ['a', 'b'],
        granular_markings: [
          { marking_ref: TLP2_MARKINGS.green, selectors: ['labels.[0]', 'description'] },
          { marking_ref: TLP2_MARKINGS.red, selectors: ['labels.[1]'] },
          { lang: 'fr', selectors: ['pattern'] },
        ],
      }),
    );
    expect([...facts.fieldLevels]).toEqual([
      ['labels', 4],
      ['description', 1],
    ]);
  });

  it('reads the named recipients, and says what is wrong with a malformed list', () => {
    const facts = sharingFactsOf(indicator({ x_thiqa_recipient_refs: ['identity--1', 'identity--1'], x_thiqa_recipient_users: 'alice' }));
    expect(facts.recipientRefs).toEqual(['identity--1']);
    expect(facts.recipientUsers).toEqual([]);
    expect(facts.problems).toEqual([['x_thiqa_recipient_users', 'must be a non-empty list of strings']]);
  });
});

describe('restricting properties', () => {
  it('counts required properties and the markings as essential, optional ones not', () => {
    const essential = essentialProperties('indicator');
    for (const name of ['id', 'type', 'pattern', 'pattern_type', 'valid_from', 'granular_markings']) expect(essential.has(name)).toBe(true);
    for (const name of ['description', 'name', 'labels']) expect(essential.has(name)).toBe(false);
    expect(essentialProperties('x-custom-thing').has('name')).toBe(false);
  });

  it('removes hidden properties and the granular selectors that pointed into them', () => {
    const object = indicator({
      labels: ['a'],
      granular_markings: [
        { marking_ref: TLP2_MARKINGS.red, selectors: ['description'] },
        { marking_ref: TLP2_MARKINGS.green, selectors: ['description', 'labels.[0]'] },
      ],
    });
    const redacted = redactObject(object, new Set(['description']));
    expect(redacted.description).toBeUndefined();
    expect(redacted.granular_markings).toEqual([{ marking_ref: TLP2_MARKINGS.green, selectors: ['labels.[0]'] }]);
    expect(redactObject(indicator({ granular_markings: [{ marking_ref: TLP2_MARKINGS.red, selectors: ['description'] }] }), new Set(['description']))).toEqual(
      (({ description: _d, ...rest }) => rest)(indicator()),
    );
  });
});
