import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { parseCsv } from './csv.ts';
import { readPublishedResults } from './published-results.ts';

const gci = (name: string) => fs.readFileSync(path.join(referenceDataDir(), 'gci', name), 'utf8');

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes, CRLF and a byte-order mark, with line numbers', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n3,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['3', ''] },
    ]);
  });
});

describe('readPublishedResults', () => {
  it('reads GCI 2024 (wide, Data360) exactly: 194 countries, every pillar and the published overall score', () => {
    const { results, problems } = readPublishedResults(gci('gci_2024.csv'));
    expect(problems).toEqual([]);
    expect(results!.year).toBe(2024);
    expect(results!.results).toHaveLength(194);
    const albania = results!.results.find((r) => r.country === 'AL')!;
    expect(albania).toEqual({
      country: 'AL',
      pillars: { legal: 20, technical: 18.378615933412604, organisational: 19.465132154006245, capacity: 12.077979891913667, cooperation: 16.58461017586758 },
      overall: 86.5063381552001,
    });
  });

  it('reads GCI 2020 (long) exactly, leaving out the pillars the file does not give', () => {
    const { results, problems } = readPublishedResults(gci('gci_2020.csv'));
    expect(problems).toEqual([]);
    expect(results!.year).toBe(2020);
    expect(results!.results).toHaveLength(191);
    expect(results!.results.find((r) => r.country === 'AF')!.overall).toBe(5.2);
    expect(results!.results.find((r) => r.country === 'AF')!.pillars.legal).toBe(0.4);
    expect(results!.results.filter((r) => r.pillars.cooperation === undefined)).toHaveLength(3);
    expect(results!.results.filter((r) => r.pillars.capacity === undefined)).toHaveLength(1);
  });

  it('names every problem with its line and column, and reads nothing from a file that has any', () => {
    const text = 'country,legal,technical,organizational,capacity,cooperation,gci,iso3,year\nA,1,2,3,4,5,15,XXX,2024\nB,21,2,3,4,5,35,ALB,2024\nC,1,2,3,4,5,15,ALB,2024\nD,1,2,3,4,5,abc,DZA,2023\n';
    const { results, problems } = readPublishedResults(text);
    expect(results).toBeUndefined();
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
      'results-unknown-country line 2, iso3',
      'results-bad-value line 3, legal',
      'results-duplicate-country line 4, iso3',
      'results-bad-value line 5, gci',
      'results-bad-value line 5',
      'results-bad-value line 1',
    ]);
    expect(readPublishedResults('a,b\n1,2\n').problems.map((p) => p.rule)).toEqual(['results-unknown-format']);
  });
});
