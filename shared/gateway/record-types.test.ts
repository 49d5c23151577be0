// The record types as declared, the GCA ids they accept, and the country and region facts they check against,
// compared with the UN's country list in the reference data (../shared/data/countries/iso3166-m49.csv).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { parseCsv } from '../assessment/csv.ts';
import { validateFramework } from '../assessment/framework-validation.ts';
import { questionsOf, type Framework } from '../assessment/framework.ts';
import { countryByAlpha2 } from '../assessment/iso3166.ts';
import { GCA_PILLARS } from '../assessment/published-results.ts';
import { COMMON_FIELDS, GCA_INDICATOR_PILLAR, GCA_PILLAR_IDS, M49_AREAS, RECORD_TYPES, RECORD_TYPE_SPECS } from './record-types.ts';

const gca = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'assessment', 'frameworks', 'gca-commitment.json'), 'utf8')) as Framework;

function unM49Countries() {
  const [head, ...rows] = parseCsv(fs.readFileSync(path.join(referenceDataDir(), 'countries', 'iso3166-m49.csv'), 'utf8'));
  const at = (fields: string[], column: string) => fields[head!.fields.indexOf(column)] ?? '';
  return rows.map(({ fields }) => ({
    name: at(fields, 'name'),
    alpha2: at(fields, 'alpha-2'),
    alpha3: at(fields, 'alpha-3'),
    region: at(fields, 'region-code') || null,
    subRegion: at(fields, 'sub-region-code') || null,
    intermediate: at(fields, 'intermediate-region-code') || null,
  }));
}

describe('the record types', () => {
  it('are the nine, each with the common fields first and no field named twice', () => {
    expect(RECORD_TYPES).toEqual(['initiative', 'strategy', 'cirt', 'legislation', 'agreement', 'standard', 'exercise', 'resource', 'assistance']);
    for (const type of RECORD_TYPES) {
      const names = RECORD_TYPE_SPECS[type].fields.map((f) => f.name);
      expect(names.slice(0, COMMON_FIELDS.length), type).toEqual(['title', 'summary', 'source_url', 'last_verified', 'pillars', 'indicators']);
      expect(new Set(names).size, type).toBe(names.length);
      expect(names.every((name) => /^[a-z][a-z_]*[a-z]$/.test(name)), type).toBe(true);
    }
  });

  it('require a title and a source, and declare the values of every enumeration as stable lower-case codes', () => {
    for (const type of RECORD_TYPES) {
      const fields = RECORD_TYPE_SPECS[type].fields;
      expect(fields.filter((f) => ['title', 'source_url'].includes(f.name)).every((f) => f.required), type).toBe(true);
      for (const field of fields.filter((f) => f.kind === 'enum' || f.kind === 'enum-list')) {
        expect(field.values?.length, `${type}.${field.name}`).toBeGreaterThan(1);
        expect(field.values!.every((value) => /^[a-z][a-z-]*[a-z]$/.test(value)), `${type}.${field.name}`).toBe(true);
      }
      expect(fields.filter((f) => f.kind !== 'enum' && f.kind !== 'enum-list').every((f) => f.values === undefined), type).toBe(true);
    }
  });

  it('accept the pillars and indicators of the shipped GCA framework, and only those', () => {
    expect(validateFramework(gca).problems).toEqual([]);
    expect(GCA_PILLAR_IDS).toEqual([...GCA_PILLARS]);
    const indicators = gca.pillars.flatMap((p) => p.indicators.flatMap((i) => [[i.id, p.id], ...(i.subIndicators ?? []).map((s) => [s.id, p.id])]));
    expect([...GCA_INDICATOR_PILLAR]).toEqual(indicators);
    expect(GCA_INDICATOR_PILLAR.size).toBe(20);
    const questions = new Set(questionsOf(gca).map((q) => q.id));
    expect([...GCA_INDICATOR_PILLAR.keys()].some((id) => questions.has(id))).toBe(false);
  });
});

describe('the countries and regions records name, against the UN list (iso3166-m49.csv)', () => {
  const listed = unM49Countries();

  it('knows every country the UN list gives, with its alpha-3 code, M49 region and sub-region', () => {
    expect(listed).toHaveLength(249);
    const differences = listed.flatMap((row) => {
      const known = countryByAlpha2(row.alpha2);
      if (!known) return [`${row.alpha2} (${row.name}) unknown`];
      const ours = `${known.alpha3} ${known.region} ${known.subRegion}`;
      const theirs = `${row.alpha3} ${row.region} ${row.subRegion}`;
      return ours === theirs ? [] : [`${row.alpha2} (${row.name}): ${ours}, the UN list ${theirs}`];
    });
    expect(differences).toEqual([]);
  });

  it('accepts as regions the world and exactly the regions, sub-regions and intermediate regions of the UN list', () => {
    const areas = new Set(listed.flatMap((row) => [row.region, row.subRegion, row.intermediate]).filter((code) => code !== null));
    expect([...M49_AREAS].sort()).toEqual(['001', ...areas].sort());
  });
});
