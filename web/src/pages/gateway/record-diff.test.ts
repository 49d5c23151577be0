import { describe, expect, it } from 'vitest';
import { diffRecord } from './record-diff.ts';

const published = { title: { en: 'National Cybersecurity Strategy', ar: 'الاستراتيجية الوطنية للأمن السيبراني' }, source_url: 'https://example.tn/s', country: 'TN', year: 2020 };

describe('diffRecord', () => {
  it('lists the fields that change, in the order the type declares them', () => {
    const corrected = { ...published, year: 2021, status: 'adopted', title: { ar: 'الاستراتيجية الوطنية للأمن السيبراني', en: 'National Cybersecurity Strategy' } };
    const { country: _country, ...withoutCountry } = corrected;
    expect(diffRecord('strategy', published, withoutCountry)).toEqual([
      { field: 'country', change: 'removed', before: 'TN', after: undefined },
      { field: 'year', change: 'changed', before: 2020, after: 2021 },
      { field: 'status', change: 'added', before: undefined, after: 'adopted' },
    ]);
  });

  it('finds nothing between a record and itself, whatever the order of its texts’ languages', () => {
    expect(diffRecord('strategy', published, { ...published, title: { ar: published.title.ar, en: published.title.en } })).toEqual([]);
  });

  it('counts a list in another order as a change', () => {
    expect(diffRecord('initiative', { countries: ['TN', 'MA'] }, { countries: ['MA', 'TN'] })).toHaveLength(1);
  });
});
