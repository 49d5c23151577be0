import { describe, expect, it } from 'vitest';
import { normaliseTitle, queryTerms, termsOf, textMatches, titleSimilarity } from './search-terms.ts';

type Row = readonly [language: string, query: string, text: string, matches: boolean, why: string];

// Each row: a query, a text, and whether the text must be found. The rows that must not match say what light
// stemming does not reach, or what would be a false match.
const MATRIX: readonly Row[] = [
  ['ar', 'الأمن السيبراني', 'الاستراتيجية الوطنية للأمن السيبراني', true, 'article after li- (لل)'],
  ['ar', 'الأمن', 'والأمن الوطني', true, 'wa + article (وال)'],
  ['ar', 'الأمن', 'الأَمْنُ', true, 'tashkeel'],
  ['ar', 'الأمن', 'الامن', true, 'hamza on alef'],
  ['ar', 'الأمن السيبراني', 'بالأمن السيبرانيّ', true, 'bi + article, shadda'],
  ['ar', 'استراتيجية', 'الاستراتيجيـــة', true, 'tatweel'],
  ['ar', 'الاستراتيجية', 'استراتيجيات الأمن', true, 'feminine plural -ات'],
  ['ar', 'الوطنية', 'مركز وطني', true, 'feminine and masculine nisba'],
  ['ar', 'الاستراتيجية', 'استراتيجيتها الوطنية', true, 'ة becomes ت before a pronoun'],
  ['ar', 'الاستراتيجية الوطنية', 'استراتيجيتها', false, 'the text does not say national'],
  ['ar', 'وزارة', 'بوزارة الاتصالات', true, 'one-letter prefix bi-, taken off the text only'],
  ['ar', 'وزارة الاتصالات', 'فالوزارة وللاتصالات', true, 'fa + article, wa + li + article'],
  ['ar', 'مسؤول', 'مسئول', true, 'the seat of hamza'],
  ['ar', 'هيئة', 'هيئه', true, 'ta marbuta written as ha'],
  ['ar', 'مستشفى', 'مستشفي', true, 'alef maqsura written as ya'],
  ['ar', 'الأمن في الإمارات', 'أمن الإمارات', true, 'stop word في left out of the query'],
  ['ar', 'وطن', 'طن', false, 'a short word keeps its first letter'],
  ['ar', 'طن', 'وطن', false, 'و of a three-letter word is not a prefix'],
  ['ar', 'مركز', 'مراكز الاستجابة', false, 'broken plural, beyond light stemming'],
  ['ar', 'جنة', 'لجنة', true, 'a false match: ل of لجنة may be a prefix'],
  ['ar', '2018', 'قانون رقم ١٧٥ لسنة ٢٠١٨', true, 'Arabic-Indic digits'],
  ['zh', '网络安全', '国家网络安全战略', true, 'bigrams inside a longer word'],
  ['zh', '网络安全法', '中华人民共和国网络安全法', true, 'bigrams across words'],
  ['zh', '计算机', '计算机应急响应小组', true, 'segmented 计算 | 机, matched by bigrams'],
  ['zh', '国家网络安全', '国家的网络安全战略', true, '的 taken out of the text'],
  ['zh', '网络和信息安全', '网络与信息安全应急预案', true, 'the query split at 和'],
  ['zh', '法', '中华人民共和国网络安全法', true, 'one character that is a word'],
  ['zh', '法', '方法论', false, 'one character inside a word'],
  ['zh', '安全网络', '国家网络安全战略', false, 'order of characters counts'],
  ['zh', '网络安全', '信息安全', false, 'one bigram missing'],
  ['en', 'incident response teams', 'Incident Response Team', true, 'plural'],
  ['en', 'national strategy', 'National Cybersecurity Strategies', true, '-y / -ies'],
  ['en', 'the strategy of', 'National Strategy', true, 'stop words left out'],
  ['en', 'the', 'The Hague Programme', true, 'a query of stop words only keeps them'],
  ['en', 'CERTs', 'National CERT of Tunisia', true, 'plural of an acronym'],
  ['en', "nation's", 'Nations', true, 'possessive'],
  ['en', 'cybersecurity', 'Cyber-Security Act', true, 'hyphenated pieces joined in the text'],
  ['en', 'cyber security', 'Cybersecurity Act', false, 'two words do not find one'],
  ['en', 'ISO 27001', 'ISO/IEC 27001:2022', true, 'numbers are terms'],
  ['en', '2022', 'ISO/IEC 27001:2013', false, 'another number'],
  ['en', 'strategy', 'Strategic plan', false, 'derivation is not followed'],
  ['en', 'national', 'International cooperation', false, 'no match inside a word'],
  ['fr', 'stratégie', 'National Cybersecurity Strategies', true, 'French singular, English plural'],
  ['fr', 'les stratégies nationales', 'Stratégie nationale de cybersécurité', true, 'plural, feminine, stop words'],
  ['fr', 'sécurité', 'SECURITE DES SYSTEMES', true, 'accents and case'],
  ['fr', 'securite', 'Sécurité', true, 'accents and case'],
  ['fr', "l'état", "État d'urgence", true, 'elision'],
  ['fr', 'urgence', 'plan d’urgence', true, 'elision with a typographic apostrophe'],
  ['fr', 'réseaux', 'réseau national', true, '-eaux'],
  ['fr', 'nationaux', 'la stratégie nationale', true, '-aux / -al'],
  ['fr', 'œuvre', 'mise en oeuvre', true, 'œ'],
  ['fr', 'stratégique', 'stratégie nationale', false, 'adjective and noun kept apart'],
  ['es', 'estrategias nacionales', 'Estrategia Nacional de Ciberseguridad', true, 'plural'],
  ['es', 'ciberseguridad', 'CIBERSEGURIDAD', true, 'case'],
  ['es', 'acción', 'Plan de acciones', true, '-ión / -iones and accent'],
  ['es', 'leyes', 'Ley de protección de datos', true, '-es after y'],
  ['es', 'país', 'países de la región', true, 'plural with accent'],
  ['es', 'datos personales', 'Protección de Datos Personales', true, 'plural -es, -os'],
  ['es', 'nacional', 'cooperación internacional', false, 'no match inside a word'],
  ['ru', 'стратегия', 'стратегии', true, 'noun endings'],
  ['ru', 'кибербезопасность', 'Доктрина кибербезопасности', true, 'soft-sign noun'],
  ['ru', 'национальная стратегия', 'Национальной стратегией', true, 'adjective and noun, instrumental'],
  ['ru', 'центр реагирования', 'центров реагирования на инциденты', true, 'genitive plural'],
  ['ru', 'объём', 'ОБЪЕМ', true, 'ё and case'],
  ['ru', 'безопасность', 'кибер-безопасность', true, 'hyphenated pieces'],
  ['ru', 'стратегия', 'стратегический', false, 'adjective and noun kept apart'],
  ['ru', 'закон', 'законодательство', false, 'derivation is not followed'],
  ['mixed', 'ITU 网络安全', 'ITU 国家网络安全指南', true, 'scripts side by side'],
  ['mixed', 'الأمن ISO', 'ISO 27001 والأمن', true, 'Arabic and Latin in one query'],
];

describe('matching: a query finds a text when every query term is among the text’s terms', () => {
  it.each(MATRIX)('%s: «%s» in «%s» → %s (%s)', (_language, query, text, expected) => {
    expect(textMatches(query, text)).toBe(expected);
  });

  it('covers the six languages with rows that must and must not match', () => {
    expect(MATRIX.length).toBeGreaterThanOrEqual(40);
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const rows = MATRIX.filter((row) => row[0] === language);
      expect(rows.some((row) => row[3]), language).toBe(true);
      expect(rows.some((row) => !row[3]), language).toBe(true);
    }
  });
});

describe('terms', () => {
  it('reduces the forms of a word in each script to one term', () => {
    expect(termsOf('stratégie stratégies strategy strategies')).toEqual(['strategi']);
    expect(termsOf('стратегия стратегии стратегий стратегиями')).toEqual(['стратег']);
    expect(queryTerms('الوطنية الوطني وطنية')).toEqual(['وطن']);
    // A text also indexes a word without a first letter that may be a prefix (و ف ب ك ل).
    expect(termsOf('وطنية')).toEqual(['وطن', 'طني']);
    expect(termsOf('Straße STRASSE')).toEqual(['strass']);
  });

  it('gives Han runs as bigrams and one-character words', () => {
    expect(termsOf('国家网络安全战略')).toEqual(['国家', '家网', '网络', '络安', '安全', '全战', '战略']);
    expect(queryTerms('网络安全')).toEqual(['网络', '络安', '安全']);
    expect(queryTerms('法')).toEqual(['法']);
  });

  it('keeps numbers, splits at punctuation, and treats NFKC variants alike', () => {
    expect(termsOf('ISO/IEC 27001:2022, v2.0')).toEqual(['iso', 'iec', '27001', '2022', 'v2', '0']);
    expect(termsOf('ＩＳＯ　２７００１')).toEqual(['iso', '27001']);
    expect(termsOf('ﻻ')).toEqual(termsOf('لا'));
  });

  it('leaves stop words out of a query unless it has nothing else, and keeps them in texts', () => {
    expect(queryTerms('la stratégie de la France')).toEqual(['strategi', 'franc']);
    expect(queryTerms('de la')).toEqual(['de', 'la']);
    expect(termsOf('de la')).toEqual(['de', 'la']);
    expect(queryTerms('UN AU')).toEqual(['un', 'au']);
    expect(queryTerms('في')).toEqual(['في']);
    expect(queryTerms('的')).toEqual(['的']);
  });

  it('has no terms for a query without letters or digits, and such a query matches nothing', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms(' — !? 🙂 ')).toEqual([]);
    expect(textMatches('', 'anything')).toBe(false);
  });

  it('gives other scripts as lower-cased words', () => {
    expect(termsOf('Κυβερνοασφάλεια サイバーセキュリティ')).toEqual(['κυβερνοασφάλεια', 'サイバーセキュリティ']);
  });

  it('cuts a very long word to the longest term', () => {
    const [term] = termsOf('x'.repeat(1000));
    expect(term).toHaveLength(64);
  });
});

describe('titles', () => {
  it('gives the same normalised title to spellings of one title', () => {
    const key = normaliseTitle('Stratégie nationale de cybersécurité');
    expect(key).toBe('cybersecurit national strategi');
    expect(normaliseTitle('STRATEGIES NATIONALES DE LA CYBERSECURITE')).toBe(key);
    expect(normaliseTitle('Cybersécurité : la stratégie nationale')).toBe(key);
    expect(normaliseTitle('الاستراتيجية الوطنية للأمن السيبراني')).toBe(normaliseTitle('استراتيجية وطنية للامن السيبرانى'));
    expect(normaliseTitle('国家网络安全战略')).toBe(normaliseTitle('国家网络安全战略。'));
    expect(normaliseTitle('National Cybersecurity Strategy')).not.toBe(normaliseTitle('National Cybersecurity Act'));
  });

  it('measures how alike two titles are', () => {
    expect(titleSimilarity('National Cybersecurity Strategy', 'national cybersecurity strategies')).toBe(1);
    expect(titleSimilarity('National Cybersecurity Strategy', 'National Cybersecurity Act')).toBeCloseTo(2 / 4);
    expect(titleSimilarity('National Cybersecurity Strategy', '国家网络安全战略')).toBe(0);
  });
});
