import { describe, expect, it } from 'vitest';
import { validateObject } from '../../../shared/stix/index.ts';
import { buildOrganisationIdentity, industrySectorOf } from './organisation-identity.ts';

const facts = {
  id: 'identity--4b2c7d9e-1f3a-4c5b-8d6e-7f8091a2b3c4',
  name: 'Autorité de Régulation des Télécommunications',
  type: 'member-state',
  subtype: 'regulator',
  country: 'SN',
  sector: 'Telecommunications',
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
};

describe('the STIX identity of an organisation', () => {
  it('is a valid STIX 2.1 identity with zero problems, named as the organisation', () => {
    const identity = buildOrganisationIdentity(facts);
    expect(validateObject(identity)).toEqual([]);
    expect(identity).toEqual({
      type: 'identity',
      spec_version: '2.1',
      id: facts.id,
      created: '2026-01-02T03:04:05.006Z',
      modified: '2026-01-02T03:04:05.006Z',
      name: facts.name,
      identity_class: 'organization',
      sectors: ['telecommunications'],
      x_thiqa_organisation_type: 'member-state',
      x_thiqa_organisation_subtype: 'regulator',
      x_thiqa_country: 'SN',
      x_thiqa_sector: 'Telecommunications',
    });
  });

  it('leaves out sectors outside the vocabulary and absent facts, and stays valid', () => {
    const identity = buildOrganisationIdentity({ ...facts, type: 'regional-international', subtype: null, country: null, sector: 'cyber diplomacy' });
    expect(validateObject(identity)).toEqual([]);
    expect(identity).not.toHaveProperty('sectors');
    expect(identity).not.toHaveProperty('x_thiqa_country');
    expect(identity).not.toHaveProperty('x_thiqa_organisation_subtype');
    expect(identity.x_thiqa_sector).toBe('cyber diplomacy');
  });

  it('maps sector texts onto industry-sector-ov values', () => {
    expect(industrySectorOf('Financial Services')).toBe('financial-services');
    expect(industrySectorOf('energy')).toBe('energy');
    expect(industrySectorOf('banking')).toBeUndefined();
  });
});
