import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_SPECS } from './record-types.ts';
import { GATEWAY_RULES, validateRecord } from './record-validation.ts';
import { EXAMPLE_RECORDS } from './testing/examples.ts';

const where = (type: string, input: unknown, at?: string) => validateRecord(type, input, at).problems.map((p) => `${p.rule} ${p.path}`);
const cirt = (changes: Record<string, unknown>) => ({ ...EXAMPLE_RECORDS.cirt, ...changes });

describe('validateRecord', () => {
  it.each(RECORD_TYPES)('accepts the example %s record as it is', (type) => {
    expect(validateRecord(type, EXAMPLE_RECORDS[type])).toEqual({ record: EXAMPLE_RECORDS[type], problems: [] });
  });

  it.each(RECORD_TYPES)('accepts a %s record of only its required fields', (type) => {
    const example = EXAMPLE_RECORDS[type];
    const minimal = Object.fromEntries(RECORD_TYPE_SPECS[type].fields.filter((f) => f.required).map((f) => [f.name, example[f.name]]));
    expect(validateRecord(type, minimal).problems).toEqual([]);
  });

  it('normalises: texts trimmed and NFC, codes in their case, years from digits, empty values left out', () => {
    const { record, problems } = validateRecord('strategy', {
      title: { en: '  Strate\u0301gie nationale ', fr: '' },
      summary: null,
      source_url: ' https://example.org/s ',
      country: 'tn',
      year: '2024',
      status: 'Adopted',
      languages: ['AR', 'fra'],
      pillars: ['Organisational'],
      indicators: [],
      document_url: '',
    });
    expect(problems).toEqual([]);
    expect(record).toEqual({ title: { en: 'Stratégie nationale' }, source_url: 'https://example.org/s', country: 'TN', year: 2024, status: 'adopted', languages: ['ar', 'fr'], pillars: ['organisational'] });
  });

  const CASES: [string, string, unknown, string[], string][] = [
    ['an unknown type', 'blog', {}, ['gateway-unknown-type $'], '"blog" is not a record type'],
    ['a record that is not an object', 'cirt', ['x'], ['gateway-not-an-object $'], 'a record is a JSON object'],
    ['an unknown field', 'cirt', cirt({ colour: 'red', 'odd key': 1 }), ['gateway-unknown-field $.colour', 'gateway-unknown-field $["odd key"]'], '"colour" is not a field of a cirt record'],
    ['a missing title', 'cirt', cirt({ title: { en: '  ' } }), ['gateway-missing-field $.title'], 'the title is required, in at least one of ar, zh, en, fr, ru, es'],
    ['a missing source', 'cirt', cirt({ source_url: undefined }), ['gateway-missing-field $.source_url'], 'the source_url is required'],
    ['a missing required enum', 'initiative', { ...EXAMPLE_RECORDS.initiative, scope: null }, ['gateway-missing-field $.scope'], 'the scope is required'],
    ['a title given as a string', 'cirt', cirt({ title: 'CERT' }), ['gateway-wrong-kind $.title'], 'an object of texts by language'],
    ['a text that is not a string', 'cirt', cirt({ title: { en: 42 } }), ['gateway-wrong-kind $.title.en'], 'the title in en is not a text'],
    ['a country given as a list', 'cirt', cirt({ country: ['FR'] }), ['gateway-wrong-kind $.country'], 'the country is a text, not a list'],
    ['a list given as a string', 'cirt', cirt({ memberships: 'FIRST' }), ['gateway-wrong-kind $.memberships'], 'the memberships is a list'],
    ['a list item that is not a string', 'cirt', cirt({ memberships: ['FIRST', 7] }), ['gateway-wrong-kind $.memberships[1]'], 'item 2 of the memberships is not a text'],
    ['a title too long', 'cirt', cirt({ title: { en: 'x'.repeat(501) } }), ['gateway-too-long $.title.en'], '501 characters, more than 500'],
    ['a plain text too long', 'standard', { ...EXAMPLE_RECORDS.standard, body: 'x'.repeat(501) }, ['gateway-too-long $.body'], 'more than 500'],
    ['a list too long', 'cirt', cirt({ memberships: Array.from({ length: 501 }, (_, i) => `m${i}`) }), ['gateway-too-long $.memberships'], '501 items'],
    ['a text in an unknown language', 'cirt', cirt({ title: { en: 'CERT', de: 'CERT' } }), ['gateway-unknown-text-language $.title.de'], '"de" is not one of the languages'],
    ['an Arabic title in Latin letters', 'cirt', cirt({ title: { ar: 'National CERT' } }), ['gateway-unexpected-script $.title.ar'], 'the title given in ar has no letter of the Arabic script'],
    ['a Chinese summary without Han', 'cirt', cirt({ summary: { zh: 'Guojia wangluo anquan' } }), ['gateway-unexpected-script $.summary.zh'], 'Han script'],
    ['a Russian text without Cyrillic', 'cirt', cirt({ constituency: { ru: 'Natsionalnaya gruppa' } }), ['gateway-unexpected-script $.constituency.ru'], 'Cyrillic script'],
    ['an English title in Arabic', 'cirt', cirt({ title: { en: 'الفريق الوطني' } }), ['gateway-unexpected-script $.title.en'], 'Latin script'],
    ['an unknown enum value', 'cirt', cirt({ kind: 'military' }), ['gateway-unknown-value $.kind'], '"military" is not a value of the kind; the values are national, government, sector, other'],
    ['an unknown enum list value', 'legislation', { ...EXAMPLE_RECORDS.legislation, kinds: ['data-protection', 'tax'] }, ['gateway-unknown-value $.kinds[1]'], '"tax" is not a value of the kinds'],
    ['an unknown country', 'cirt', cirt({ country: 'XX' }), ['gateway-unknown-country $.country'], 'unknown country code "XX": not an assigned ISO 3166-1 alpha-2 code'],
    ['an alpha-3 country', 'strategy', { ...EXAMPLE_RECORDS.strategy, country: 'TUN' }, ['gateway-unknown-country $.country'], '"TUN"'],
    ['an unknown country in a list', 'agreement', { ...EXAMPLE_RECORDS.agreement, countries: ['CN', 'UK'] }, ['gateway-unknown-country $.countries[1]'], '"UK"'],
    ['an unknown region', 'exercise', { ...EXAMPLE_RECORDS.exercise, regions: ['145', '999', '2'] }, ['gateway-unknown-region $.regions[1]', 'gateway-unknown-region $.regions[2]'], 'not a UN M49 region code'],
    ['a malformed date', 'cirt', cirt({ last_verified: '14/03/2025' }), ['gateway-malformed-date $.last_verified'], '"14/03/2025" is not a date: write YYYY-MM-DD, a real day'],
    ['a day that does not exist', 'cirt', cirt({ last_verified: '2023-02-29' }), ['gateway-malformed-date $.last_verified'], 'not a date'],
    ['a month where a day is needed', 'cirt', cirt({ last_verified: '2025-03' }), ['gateway-malformed-date $.last_verified'], 'write YYYY-MM-DD,'],
    ['a month 13', 'exercise', { ...EXAMPLE_RECORDS.exercise, date: '2024-13' }, ['gateway-malformed-date $.date'], 'YYYY-MM-DD, YYYY-MM or YYYY'],
    ['a year out of range', 'cirt', cirt({ established: 1850 }), ['gateway-bad-year $.established'], '1850 is not a year from 1900 to 2100'],
    ['a year that is not a number', 'legislation', { ...EXAMPLE_RECORDS.legislation, year: '2009a' }, ['gateway-bad-year $.year'], '"2009a" is not a year'],
    ['a fractional year', 'legislation', { ...EXAMPLE_RECORDS.legislation, year: 2009.5 }, ['gateway-bad-year $.year'], '2009.5'],
    ['an ftp address', 'cirt', cirt({ source_url: 'ftp://example.org/x' }), ['gateway-malformed-url $.source_url'], 'not an http or https address'],
    ['an address with no scheme', 'cirt', cirt({ website: 'www.example.org' }), ['gateway-malformed-url $.website'], '"www.example.org"'],
    ['an address with a space', 'cirt', cirt({ links: ['https://example.org/a b'] }), ['gateway-malformed-url $.links[0]'], 'not an http or https address'],
    ['a malformed e-mail', 'cirt', cirt({ contact_email: 'incident at example.org' }), ['gateway-malformed-email $.contact_email'], 'not an e-mail address'],
    ['an unknown language code', 'resource', { ...EXAMPLE_RECORDS.resource, languages: ['en', 'xx', 'english'] }, ['gateway-unknown-language $.languages[1]', 'gateway-unknown-language $.languages[2]'], 'not an ISO 639 language code'],
    ['an unknown pillar', 'cirt', cirt({ pillars: ['technical', 'financial'] }), ['gateway-unknown-pillar $.pillars[1]'], 'the pillars are legal, technical, organisational, capacity, cooperation'],
    ['an unknown indicator', 'cirt', cirt({ indicators: ['technical-national-cirt', '2.1'] }), ['gateway-unknown-indicator $.indicators[1]'], '"2.1" is not an indicator of the GCA framework'],
    ['an empty list item', 'cirt', cirt({ memberships: ['FIRST', ' '] }), ['gateway-bad-list-item $.memberships[1]'], 'item 2 of the memberships is empty'],
    ['a list item with ";"', 'cirt', cirt({ memberships: ['FIRST; TF-CSIRT'] }), ['gateway-bad-list-item $.memberships[0]'], 'contains ";"'],
    ['a list item twice', 'agreement', { ...EXAMPLE_RECORDS.agreement, countries: ['CN', 'cn'] }, ['gateway-bad-list-item $.countries[1]'], '"CN" is in the countries twice (items 1 and 2)'],
  ];

  it.each(CASES)('reports %s with its rule and path', (_case, type, input, expected, message) => {
    const { record, problems } = validateRecord(type, input);
    expect(record).toBeUndefined();
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(expected);
    expect(problems[0]!.message).toContain(message);
  });

  it('names the field of each problem, starts every path at `at`, and reports every problem of a record', () => {
    const problems = validateRecord('cirt', cirt({ country: 'XX', kind: 'big', title: { ar: 'CERT team' }, extra: 1 }), '$.records[4]').problems;
    expect(problems.map((p) => `${p.rule} ${p.path} ${p.field}`)).toEqual([
      'gateway-unknown-field $.records[4].extra extra',
      'gateway-unexpected-script $.records[4].title.ar title',
      'gateway-unknown-country $.records[4].country country',
      'gateway-unknown-value $.records[4].kind kind',
    ]);
  });

  it('allows acronyms, identifiers and numbers in a text of any script', () => {
    expect(where('cirt', cirt({ title: { zh: 'CNCERT/CC', ar: 'فريق CERT الوطني', ru: 'ISO 27001' } }))).toEqual([]);
  });

  it('has a case above for every rule of a record (the others are rules of files)', () => {
    const fired = new Set(CASES.flatMap(([, , , expected]) => expected.map((e) => e.split(' ')[0])));
    const recordRules = GATEWAY_RULES.filter((rule) => !rule.startsWith('gateway-file-') && !rule.endsWith('-column') && rule !== 'gateway-bad-row');
    expect(recordRules.filter((rule) => !fired.has(rule))).toEqual([]);
  });
});
