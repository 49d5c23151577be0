import { describe, expect, it } from 'vitest';
import { SRO_TYPES } from './sro-types.ts';
import { VALID, findings, variant } from '../testing/stix-fixtures.ts';

describe('SRO declarations', () => {
  it('declares relationship and sighting', () => {
    expect(SRO_TYPES.map((definition) => definition.type)).toEqual(['relationship', 'sighting']);
  });

  it.each(['relationship', 'sighting'])('accepts a valid %s with no finding', (type) => {
    expect(findings(VALID[type])).toEqual([]);
  });

  it('accepts relationships to custom and observable objects', () => {
    expect(findings(variant('relationship', {
      relationship_type: 'related-to',
      source_ref: 'x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a',
      target_ref: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    }))).toEqual([]);
  });
});

const INVALID: [string, string, Record<string, unknown>, string][] = [
  ['relationship without target_ref', 'relationship', { target_ref: undefined }, 'error required-property $.target_ref'],
  ['relationship from a marking definition', 'relationship',
    { source_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' }, 'error ref-type $.source_ref'],
  ['relationship to another relationship', 'relationship',
    { target_ref: 'relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e' }, 'error ref-type $.target_ref'],
  ['relationship type with capitals', 'relationship', { relationship_type: 'Uses' }, 'error invalid-format $.relationship_type'],
  ['relationship type the spec does not define', 'relationship', { relationship_type: 'detects' },
    'warning vocab-value $.relationship_type'],
  ['relationship stopping when it starts', 'relationship',
    { start_time: '2016-01-01T00:00:00Z', stop_time: '2016-01-01T00:00:00Z' }, 'error timestamp-order $.stop_time'],
  ['relationship with a malformed source id', 'relationship', { source_ref: 'indicator--1234' },
    'error invalid-identifier $.source_ref'],
  ['sighting of an observable', 'sighting', { sighting_of_ref: 'file--949eb97a-da1e-5292-8959-03c4249dc9f3' },
    'error ref-type $.sighting_of_ref'],
  ['sighting with a negative count', 'sighting', { count: -1 }, 'error out-of-range $.count'],
  ['sighting seen by a malware', 'sighting', { where_sighted_refs: ['malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b'] },
    'error ref-type $.where_sighted_refs[0]'],
  ['sighting with observed data of another type', 'sighting',
    { observed_data_refs: ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] }, 'error ref-type $.observed_data_refs[0]'],
  ['sighting with summary as a string', 'sighting', { summary: 'true' }, 'error wrong-type $.summary'],
  ['sighting last seen before first seen', 'sighting', { last_seen: '2015-12-20T19:00:00Z' }, 'error timestamp-order $.last_seen'],
];

describe('SRO checks', () => {
  it.each(INVALID)('reports %s', (_description, type, changes, expected) => {
    expect(findings(variant(type, changes))).toEqual([expected]);
  });
});
