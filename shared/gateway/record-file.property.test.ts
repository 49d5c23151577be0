// Properties of bulk files: any valid record written as CSV (or JSON) reads back as the same record, and
// reading never throws, whatever the text or bytes, always saying where each problem is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../assessment/iso3166.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { csvColumnsOf, writeRecordCsv } from './record-csv.ts';
import { readRecordFile } from './record-file.ts';
import { GCA_INDICATOR_PILLAR, GCA_PILLAR_IDS, M49_AREAS, RECORD_TYPES, RECORD_TYPE_SPECS, YEAR_MAX, YEAR_MIN, type FieldSpec, type GatewayRecord, type RecordType } from './record-types.ts';
import { GATEWAY_RULES, normaliseText, validateRecord } from './record-validation.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 200);

/** Letters of each language's script (precomposed, so NFC keeps them), and what any text may hold besides. */
const LETTERS: Record<Language, string> = {
  ar: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوية',
  zh: '国家网络安全战略法律合作中心应急响应',
  en: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  fr: 'abcdeéèêëàâçîïôûùœ',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяНС',
  es: 'abcdefghijklmnñopqrstuvwxyzáéíóúü¿¡',
};
const ANY = ' ,;"\'\n\r\t-–—/().:0123456789«»“”CERTISO';
const chars = (alphabet: string, min: number, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((list) => list.join(''));

const textIn = (language: Language) => fc.tuple(chars(LETTERS[language], 1, 3), chars(LETTERS[language] + ANY, 0, 40)).map(([letters, rest]) => normaliseText(letters + rest));
const plain = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map(normaliseText)
  .filter((text) => text !== '' && !text.includes('\u0000'));
const listItem = plain.filter((text) => !text.includes(';'));
const fullDate = fc.date({ min: new Date(Date.UTC(YEAR_MIN, 0, 1)), max: new Date(Date.UTC(YEAR_MAX, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const label = chars('abcdefghijklmnopqrstuvwxyz0123456789', 1, 12);
const url = fc.tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.array(label, { maxLength: 3 })).map(([scheme, host, path]) => `${scheme}://${host}/${path.join('/')}`);
const email = fc.tuple(chars('abcdefghijklmnopqrstuvwxyz0123456789._+-', 1, 20), fc.domain()).map(([local, domain]) => `${local}@${domain}`).filter((e) => /\.[a-z]+$/.test(e));
const unique = <T,>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { minLength: 1, maxLength: 5 });

function valueOf(field: FieldSpec): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return fc.subarray([...LANGUAGES], { minLength: 1 }).chain((languages) => fc.tuple(...languages.map(textIn)).map((texts) => Object.fromEntries(languages.map((l, i) => [l, texts[i]]))));
    case 'plain': return plain;
    case 'string-list': return unique(listItem);
    case 'enum': return fc.constantFrom(...field.values!);
    case 'enum-list': return unique(fc.constantFrom(...field.values!));
    case 'country': return fc.constantFrom(...COUNTRY_CODES.map((c) => c.alpha2));
    case 'country-list': return unique(fc.constantFrom(...COUNTRY_CODES.map((c) => c.alpha2)));
    case 'region-list': return unique(fc.constantFrom(...M49_AREAS));
    case 'date': return field.partial ? fc.oneof(fullDate, fullDate.map((d) => d.slice(0, 7)), fullDate.map((d) => d.slice(0, 4))) : fullDate;
    case 'year': return fc.integer({ min: YEAR_MIN, max: YEAR_MAX });
    case 'url': return url;
    case 'url-list': return unique(url);
    case 'email': return email;
    case 'language-list': return unique(fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es', 'pt', 'de', 'sw', 'fil', 'hi'));
    case 'pillar-list': return unique(fc.constantFrom(...GCA_PILLAR_IDS));
    case 'indicator-list': return unique(fc.constantFrom(...GCA_INDICATOR_PILLAR.keys()));
  }
}

/** A valid record of `type`: every required field, any of the others. */
const recordOf = (type: RecordType): fc.Arbitrary<GatewayRecord> =>
  fc
    .tuple(...RECORD_TYPE_SPECS[type].fields.map((field) => (field.required ? valueOf(field) : fc.option(valueOf(field), { nil: undefined })).map((value) => [field.name, value] as const)))
    .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as GatewayRecord);
const fileOf = fc.constantFrom(...RECORD_TYPES).chain((type) => fc.tuple(fc.constant(type), fc.array(recordOf(type), { minLength: 1, maxLength: 5 })));

describe('bulk files, generated', () => {
  it('read back any valid records written as CSV or as JSON, as the same records', () => {
    fc.assert(
      fc.property(fileOf, ([type, records]) => {
        for (const record of records) expect(validateRecord(type, record)).toEqual({ record, problems: [] });
        for (const text of [writeRecordCsv(type, records), JSON.stringify(records, null, 1), JSON.stringify({ type, records })]) {
          const file = readRecordFile(type, text);
          expect([...file.problems, ...file.rows.flatMap((row) => row.problems)]).toEqual([]);
          expect(file.rows.map((row) => row.record)).toEqual(records);
        }
      }),
      { numRuns: RUNS },
    );
  });

  const rules = new Set<string>(GATEWAY_RULES);
  const checkShape = (type: RecordType, read: () => ReturnType<typeof readRecordFile>) => {
    const file = read();
    expect(file.valid).toBe(file.rows.filter((row) => row.record !== undefined).length);
    for (const problem of file.problems) expect(rules.has(problem.rule) && problem.path !== '').toBe(true);
    for (const row of file.rows) {
      expect(row.line !== undefined || row.index !== undefined).toBe(true);
      expect(row.record === undefined).toBe(row.problems.length > 0);
      for (const problem of row.problems) {
        expect(rules.has(problem.rule)).toBe(true);
        expect(file.format === 'json' ? problem.index === row.index : problem.line === row.line).toBe(true);
      }
    }
    if (file.rows.some((row) => row.record)) expect(file.type).toBe(type);
  };

  it('never throw on arbitrary text or bytes, and say where every problem is', () => {
    const type = fc.constantFrom(...RECORD_TYPES);
    const format = fc.constantFrom(undefined, 'csv' as const, 'json' as const);
    fc.assert(
      fc.property(type, fc.string({ unit: 'binary', maxLength: 300 }), format, (t, text, f) => checkShape(t, () => readRecordFile(t, text, { format: f }))),
      { numRuns: RUNS },
    );
    fc.assert(fc.property(type, fc.uint8Array({ maxLength: 300 }), (t, bytes) => checkShape(t, () => readRecordFile(t, bytes))), { numRuns: RUNS });
    fc.assert(fc.property(type, fc.jsonValue(), (t, json) => checkShape(t, () => readRecordFile(t, JSON.stringify(json) ?? ''))), { numRuns: RUNS });
  });

  it('never throw on CSV of the right columns with arbitrary cells', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', 'TN', 'XX', '2024-02-30', 'https://example.org', 'legal;technical', '"', 'ar'));
    fc.assert(
      fc.property(fc.constantFrom(...RECORD_TYPES).chain((t) => fc.tuple(fc.constant(t), fc.array(fc.array(cell, { minLength: 1, maxLength: csvColumnsOf(t).length + 1 }), { maxLength: 5 }))), ([t, rows]) => {
        const header = csvColumnsOf(t).map((c) => c.column).join(',');
        const text = [header, ...rows.map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        checkShape(t, () => readRecordFile(t, text));
      }),
      { numRuns: RUNS },
    );
  });
});
