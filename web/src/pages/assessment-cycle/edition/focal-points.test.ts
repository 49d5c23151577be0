import { describe, expect, it } from 'vitest';
import type { Organisation, User } from '../../../api/types.ts';
import { focalPointsOf } from './focal-points.ts';

const org = (id: string, type: string, country: string | null): Organisation => ({
  id,
  name: id,
  type,
  subtype: null,
  country,
  sector: null,
  identity_id: `identity--${id}`,
  created_at: '2025-01-01T00:00:00Z',
});
const user = (name: string, organisation: string | null, roles = ['focal-point'], disabled = false): User => ({
  id: `${name}-id`,
  name,
  admin: false,
  roles,
  language: null,
  disabled,
  organisation_id: organisation,
  created_at: '2025-01-01T00:00:00Z',
});

describe('focal points offered for a country', () => {
  const organisations = [org('tn-cert', 'member-state', 'TN'), org('tn-bank', 'sector-member', 'TN'), org('ke-cirt', 'member-state', 'KE')];

  it('offers enabled focal points of member-state organisations of that country only', () => {
    const users = [
      user('amina', 'tn-cert'),
      user('sami', 'tn-cert', ['analyst']),
      user('old', 'tn-cert', ['focal-point'], true),
      user('banker', 'tn-bank'),
      user('otieno', 'ke-cirt'),
      user('nobody', null),
    ];
    expect(focalPointsOf('TN', users, organisations).map((u) => u.name)).toEqual(['amina']);
    expect(focalPointsOf('KE', users, organisations).map((u) => u.name)).toEqual(['otieno']);
    expect(focalPointsOf('FR', users, organisations)).toEqual([]);
  });
});
