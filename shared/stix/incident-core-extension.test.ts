import { describe, expect, it } from 'vitest';
import { INCIDENT_CORE_EXTENSION_ID as ID } from './types/incident-core-extension.ts';
import { findings, variant } from './testing/stix-fixtures.ts';

const withCore = (core: Record<string, unknown>, type = 'incident') => variant(type, { extensions: { [ID]: { extension_type: 'property-extension', ...core } } });
const at = (path: string) => `$.extensions['${ID}']${path}`;

describe('the Incident Core Extension', () => {
  it('accepts the specification’s example content, with the Extension Suite’s own properties', () => {
    expect(findings(withCore({
      investigation_status: 'open', determination: 'successful-attempt', detection_methods: ['user-reporting'],
      incident_types: ['compromised-system', 'denial-of-service', 'major'], criticality: 75,
      impacted_entity_counts: { individual: 100, system: 0 }, recoverability: 'supplemented',
      scores: [{ name: 'Tool exposure score', value: 7.5 }],
      impact_refs: ['impact--8a8c50a3-c57f-4440-9fde-ff4d14da03d3'],
    }))).toEqual([]);
  });

  it('requires determination and investigation_status', () => {
    expect(findings(withCore({}))).toEqual([`error required-property ${at('.determination')}`, `error required-property ${at('.investigation_status')}`]);
  });

  it('closes the enumerations and only warns outside the open vocabularies', () => {
    expect(findings(withCore({ determination: 'confirmed', investigation_status: 'triaged', recoverability: 'soon', incident_types: ['major', 'spam'] }))).toEqual([
      `error enum-value ${at('.determination')}`,
      `warning vocab-value ${at('.investigation_status')}`,
      `error enum-value ${at('.recoverability')}`,
      `warning vocab-value ${at('.incident_types[1]')}`,
    ]);
  });

  it('keeps criticality within 0 to 100 and counts whole and not negative', () => {
    expect(findings(withCore({ determination: 'suspected', investigation_status: 'new', criticality: 101, impacted_entity_counts: { system: -1 }, scores: [{ value: 1 }] }))).toEqual([
      `error out-of-range ${at('.criticality')}`,
      `error out-of-range ${at(".impacted_entity_counts.system")}`,
      `error required-property ${at('.scores[0].name')}`,
    ]);
  });

  it('checks only the names of the same extension on another type', () => {
    expect(findings(withCore({ determination: 'confirmed' }, 'malware'))).toEqual([]);
  });
});
