import { describe, expect, it } from 'vitest';
import { SDO_TYPES } from './sdo-types.ts';
import { VALID, findings, variant } from '../testing/stix-fixtures.ts';

describe('SDO declarations', () => {
  it('declares the 19 SDOs of STIX 2.1', () => {
    expect(SDO_TYPES.map((definition) => definition.type).sort()).toEqual([
      'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
      'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion',
      'report', 'threat-actor', 'tool', 'vulnerability',
    ]);
  });

  it.each(SDO_TYPES.map((definition) => definition.type))('accepts a valid %s with no finding', (type) => {
    expect(findings(VALID[type])).toEqual([]);
  });
});

/** [description, type, changes, expected finding]. */
const INVALID: [string, string, Record<string, unknown>, string][] = [
  ['attack-pattern without name', 'attack-pattern', { name: undefined }, 'error required-property $.name'],
  ['attack-pattern with a kill chain phase lacking phase_name', 'attack-pattern',
    { kill_chain_phases: [{ kill_chain_name: 'x' }] }, 'error required-property $.kill_chain_phases[0].phase_name'],
  ['campaign seen last before first', 'campaign', { last_seen: '2015-01-01T00:00:00Z' }, 'error timestamp-order $.last_seen'],
  ['course-of-action with the reserved action', 'course-of-action', { action: 'block' }, 'error reserved-property $.action'],
  ['grouping without context', 'grouping', { context: undefined }, 'error required-property $.context'],
  ['grouping with an unknown context', 'grouping', { context: 'holiday' }, 'warning vocab-value $.context'],
  ['grouping with empty object_refs', 'grouping', { object_refs: [] }, 'error empty-list $.object_refs'],
  ['identity with a sector as a string', 'identity', { sectors: 'technology' }, 'error wrong-type $.sectors'],
  ['identity with an unknown sector', 'identity', { sectors: ['technology', 'space'] }, 'warning vocab-value $.sectors[1]'],
  ['incident without name', 'incident', { name: undefined }, 'error required-property $.name'],
  ['indicator without pattern_type', 'indicator', { pattern_type: undefined }, 'error required-property $.pattern_type'],
  ['indicator valid_until equal to valid_from', 'indicator', { valid_until: '2016-01-01T00:00:00.000Z' },
    'error timestamp-order $.valid_until'],
  ['indicator marked by a non-marking', 'indicator', { object_marking_refs: ['identity--f431f809-377b-45e0-aa1c-6a4751cae5ff'] },
    'error ref-type $.object_marking_refs[0]'],
  ['infrastructure with an unknown type', 'infrastructure', { infrastructure_types: ['cloud'] },
    'warning vocab-value $.infrastructure_types[0]'],
  ['intrusion-set with goals as a string', 'intrusion-set', { goals: 'theft' }, 'error wrong-type $.goals'],
  ['location latitude out of range', 'location', { latitude: 91 }, 'error out-of-range $.latitude'],
  ['location longitude without latitude', 'location', { latitude: undefined, precision: undefined },
    'error dependent-property $.longitude'],
  ['location with nothing to locate', 'location',
    { latitude: undefined, longitude: undefined, precision: undefined, region: undefined, country: undefined },
    'error one-of-required $'],
  ['malware without is_family', 'malware', { is_family: undefined }, 'error required-property $.is_family'],
  ['malware family without name', 'malware', { name: undefined }, 'error conditional-property $.name'],
  ['malware sample that is not a file or artifact', 'malware', { sample_refs: ['url--47c3cf9a-5027-5bf0-997a-017c7edc7c55'] },
    'error ref-type $.sample_refs[0]'],
  ['malware-analysis without result or SCOs', 'malware-analysis', { result: undefined }, 'error one-of-required $'],
  ['malware-analysis on a non-software host', 'malware-analysis', { host_vm_ref: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
    'error ref-type $.host_vm_ref'],
  ['note without content', 'note', { content: undefined }, 'error required-property $.content'],
  ['observed-data observed zero times', 'observed-data', { number_observed: 0 }, 'error out-of-range $.number_observed'],
  ['observed-data with both objects and object_refs', 'observed-data', { objects: { 0: { type: 'ipv4-addr', value: '1.2.3.4' } } },
    'error mutually-exclusive $.object_refs'],
  ['observed-data referencing an SDO', 'observed-data', { object_refs: ['malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b'] },
    'error ref-type $.object_refs[0]'],
  ['opinion outside the enumeration', 'opinion', { opinion: 'meh' }, 'error enum-value $.opinion'],
  ['report without published', 'report', { published: undefined }, 'error required-property $.published'],
  ['report referencing a bundle', 'report', { object_refs: ['bundle--44af6c39-c09b-49c5-9de2-394224b04982'] },
    'error ref-type $.object_refs[0]'],
  ['threat-actor with an unknown sophistication', 'threat-actor', { sophistication: 'genius' },
    'warning vocab-value $.sophistication'],
  ['tool with a numeric version', 'tool', { tool_version: 3 }, 'error wrong-type $.tool_version'],
  ['vulnerability with an incomplete external reference', 'vulnerability', { external_references: [{ source_name: 'cve' }] },
    'error external-reference-incomplete $.external_references[0]'],
];

describe('SDO checks', () => {
  it.each(INVALID)('reports %s', (_description, type, changes, expected) => {
    expect(findings(variant(type, changes))).toEqual([expected]);
  });
});
