// The EU CSIRTs Network's list of teams (../shared/data/csirts/eu-csirts-network.csv) read as cirt records.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { parseCsv } from '../assessment/csv.ts';
import { EU_CSIRTS_COLUMNS } from './eu-csirts-file.ts';
import { readRecordFile, recordsToImport } from './record-file.ts';

const file = path.join(referenceDataDir(), 'csirts', 'eu-csirts-network.csv');
const text = fs.readFileSync(file, 'utf8');
const HEADER = EU_CSIRTS_COLUMNS.join(',');

describe('the EU CSIRTs Network list', () => {
  const read = readRecordFile('cirt', text);
  const byTeam = new Map(read.rows.map((row) => [(row.record?.title as { en: string } | undefined)?.en, row.record]));

  it('is recognised by its header and read with no problem, one record per data row', () => {
    const dataRows = parseCsv(text).length - 1;
    expect(dataRows).toBe(33);
    expect(read.format).toBe('eu-csirts-network');
    expect([...read.problems, ...read.rows.flatMap((row) => row.problems)]).toEqual([]);
    expect(read.rows).toHaveLength(dataRows);
    expect(read.valid).toBe(dataRows);
    expect(recordsToImport(read)?.records).toHaveLength(dataRows);
    expect(read.rows[0]!.line).toBe(2);
  });

  it('files the team under English, keeps its country, and takes the first advisory address as the source', () => {
    expect(byTeam.get('CERT.at')).toEqual({
      title: { en: 'CERT.at' },
      source_url: 'https://cert.at/de/meldungen/warnungen/',
      pillars: ['technical'],
      country: 'AT',
      memberships: ['EU CSIRTs Network'],
      links: ['https://cert.at/de/meldungen/aktuelles/', 'https://github.com/certat'],
    });
    expect(byTeam.get('NÚKIB')).toMatchObject({ country: 'CZ', source_url: 'https://github.com/NUKIB' });
    expect(byTeam.get('NÚKIB')).not.toHaveProperty('links');
  });

  it('gives no country to the EU bodies and institutions (EU, EUI), and no kind to any team: the file says neither', () => {
    expect(byTeam.get('CERT-EU')).not.toHaveProperty('country');
    expect(byTeam.get('CNW Tooling WG')).toMatchObject({ source_url: 'https://github.com/csirt-tooling-org' });
    expect(byTeam.get('CNW Tooling WG')).not.toHaveProperty('country');
    expect(read.rows.filter((row) => row.record?.country === undefined).map((row) => row.line)).toEqual([13, 14]);
    expect(read.rows.some((row) => 'kind' in (row.record ?? {}))).toBe(false);
  });

  it('names the line and the file’s own column of a problem', () => {
    const bad = readRecordFile('cirt', `${HEADER}\nQQ,Team,EN,T,https://example.org,,\nFR,,,,,,\nFR,Team,EN,T,https://example.org; not-a-url,EN,ftp://example.org\n`);
    expect(bad.rows.flatMap((row) => row.problems).map((p) => `${p.rule} ${p.path}`)).toEqual([
      'gateway-unknown-country line 2, country',
      'gateway-missing-field line 3, team',
      'gateway-missing-field line 3, advisory_urls',
      'gateway-malformed-url line 4, advisory_urls',
      'gateway-malformed-url line 4, repository_url',
    ]);
    expect(bad.valid).toBe(0);
  });

  it('is refused as a file of another record type', () => {
    const other = readRecordFile('standard', text);
    expect(other.problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['gateway-file-format line 1']);
    expect(other.problems[0]!.message).toContain("the EU CSIRTs Network's list of teams, which holds cirt records");
  });
});
