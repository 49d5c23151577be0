/**
 * Realistic synthetic Gateway records, deterministic for a seed (the benchmark; a demo later): every type, in
 * one to three of the six languages (English most often, then French, Arabic, Spanish, Russian, Chinese), titles
 * naming a kind of document, a subject and often the country (named by ICU in the record's language), a summary
 * in some, countries, GCA pillars and indicators, years and dates. Every record is valid (`validateRecord`).
 * @example generateGatewayRecords(42, 3).map((r) => r.type) // the same three types on every run
 */
import { COUNTRY_CODES } from '../assessment/iso3166.ts';
import { GCA_INDICATOR_PILLAR, GCA_PILLAR_IDS, type GatewayRecord, type MultilingualText, type RecordType } from '../gateway/record-types.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { SeededRandom, type Weighted } from './random.ts';
import { KINDS, SENTENCES, SUBJECTS, TITLE } from './gateway-vocabulary.ts';

export interface SyntheticRecord {
  type: RecordType;
  record: GatewayRecord;
}

const TYPE_WEIGHTS: readonly Weighted<RecordType>[] = [
  ['initiative', 12],
  ['strategy', 10],
  ['cirt', 8],
  ['legislation', 16],
  ['agreement', 10],
  ['standard', 8],
  ['exercise', 8],
  ['resource', 18],
  ['assistance', 10],
];
const LANGUAGE_WEIGHTS: readonly Weighted<Language>[] = [
  ['en', 35],
  ['fr', 20],
  ['ar', 13],
  ['es', 12],
  ['ru', 10],
  ['zh', 10],
];
const COUNTRIES = COUNTRY_CODES.filter((c) => c.region !== null).map((c) => c.alpha2);
const INDICATORS = [...GCA_INDICATOR_PILLAR.keys()];
const BODIES = ['ISO/IEC', 'ITU-T', 'ETSI', 'NIST', 'IETF'];
const PROVIDERS = ['Example Cyber Capacity Fund', 'Example Development Agency', 'Example Regional Cybersecurity Centre', 'Example University'];
const LEGAL_KINDS = ['cybercrime-substantive', 'cybercrime-procedural', 'data-protection', 'child-online-protection', 'critical-infrastructure', 'e-transactions'];
const ASSISTANCE_KINDS = ['cirt-establishment', 'strategy-drafting', 'legal-drafting', 'training', 'equipment'];
const AUDIENCES = ['policy-makers', 'technical-staff', 'legal-professionals', 'law-enforcement', 'educators', 'general-public', 'children'];

const countryNames = new Map<Language, Intl.DisplayNames>();
function countryName(language: Language, country: string): string {
  let names = countryNames.get(language);
  if (!names) countryNames.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
  return names.of(country) ?? country;
}

/** The languages of a record: one, sometimes two or three, distinct, in the order of `LANGUAGES`. */
function languagesOf(random: SeededRandom): Language[] {
  const chosen = new Set<Language>([random.weighted(LANGUAGE_WEIGHTS)]);
  if (random.chance(0.3)) chosen.add(chosen.has('en') ? random.pick(LANGUAGES) : 'en');
  if (random.chance(0.1)) chosen.add(random.pick(LANGUAGES));
  return LANGUAGES.filter((l) => chosen.has(l));
}

/** The fields a type requires or commonly has, beyond the common ones. */
function ownFields(type: RecordType, random: SeededRandom, countries: string[], year: number): Record<string, unknown> {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  switch (type) {
    case 'initiative':
      return { scope: random.pick(['national', 'regional', 'international']), status: random.pick(['planned', 'ongoing', 'completed']), start_date: `${year}-${month}`, countries };
    case 'strategy':
      return { country: countries[0], year, status: random.pick(['draft', 'adopted', 'under-revision']) };
    case 'cirt':
      return { country: countries[0], kind: random.pick(['national', 'government', 'sector']), established: year };
    case 'legislation':
      return { country: countries[0], kinds: random.sample(LEGAL_KINDS, random.int(1, 2)), year };
    case 'agreement':
      return { form: countries.length > 2 ? 'multilateral' : 'bilateral', countries, status: random.pick(['signed', 'in-force']), signed_date: `${year}-${month}-${day}` };
    case 'standard':
      return { body: random.pick(BODIES), identifier: `${random.pick(['X', 'E', 'TS'])}.${random.int(100, 9999)}:${year}`, status: 'published' };
    case 'exercise':
      return { date: `${year}-${month}`, countries };
    case 'resource':
      return { kind: random.pick(['training', 'guide', 'toolkit']), audiences: random.sample(AUDIENCES, random.int(1, 2)) };
    case 'assistance':
      return { provider: random.pick(PROVIDERS), kinds: random.sample(ASSISTANCE_KINDS, random.int(1, 2)), countries };
  }
}

/** Where a type names countries: how many (0 for none). */
const COUNTRY_COUNT: Readonly<Record<RecordType, readonly [number, number]>> = {
  initiative: [1, 3],
  strategy: [1, 1],
  cirt: [1, 1],
  legislation: [1, 1],
  agreement: [2, 4],
  standard: [0, 0],
  exercise: [1, 5],
  resource: [0, 0],
  assistance: [1, 3],
};

/** One record, drawn from `random`; `n` makes its source address unique. */
export function generateGatewayRecord(random: SeededRandom, n: number): SyntheticRecord {
  const type = random.weighted(TYPE_WEIGHTS);
  const [least, most] = COUNTRY_COUNT[type];
  const countries = random.sample(COUNTRIES, random.int(least, most));
  const year = random.int(2005, 2026);
  const languages = languagesOf(random);
  const kind = random.int(0, KINDS[type].en.length - 1);
  const [subject, other] = random.sample([...SUBJECTS.en.keys()], 2) as [number, number];
  const named = countries.length === 1 && random.chance(0.6) ? countries[0] : undefined;
  const period = type === 'strategy' && random.chance(0.5) ? `${year}–${year + random.int(3, 5)}` : undefined;
  const title: MultilingualText = {};
  for (const language of languages) title[language] = TITLE[language](KINDS[type][language][kind]!, SUBJECTS[language][subject]!, named && countryName(language, named), period);
  const record: Record<string, unknown> = { title };
  if (random.chance(0.7)) {
    const sentence = random.int(0, SENTENCES.en.length - 1);
    const summary: MultilingualText = {};
    for (const language of languages.filter((_, i) => i === 0 || random.chance(0.5))) summary[language] = SENTENCES[language][sentence]!(SUBJECTS[language][subject]!, SUBJECTS[language][other]!);
    record.summary = summary;
  }
  record.source_url = `https://example.org/gateway/${type}/${n}`;
  if (random.chance(0.5)) record.last_verified = `${random.int(2023, 2026)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
  record.pillars = random.sample(GCA_PILLAR_IDS, random.int(1, 2));
  if (random.chance(0.4)) record.indicators = random.sample(INDICATORS, random.int(1, 2));
  Object.assign(record, ownFields(type, random, countries, year));
  return { type, record: record as GatewayRecord };
}

/** `count` records for `seed`: the same on every run and platform. */
export function generateGatewayRecords(seed: number, count: number): SyntheticRecord[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, n) => generateGatewayRecord(random, n));
}

