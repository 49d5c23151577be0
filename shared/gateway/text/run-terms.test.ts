// Remembered run terms change nothing: a run gives the terms its rule gives, in the same order, whether met
// before or not, whatever was met in between, past the bound too; and a text's terms do not depend on the
// texts read before it (Han runs segmented together included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termsOf } from '../search-terms.ts';
import { indexLatin } from './latin.ts';
import { RUNS_REMEMBERED, RunTerms } from './run-terms.ts';

const ruleTerms = (rule: (run: string, out: Set<string>) => void, run: string) => {
  const out = new Set<string>();
  rule(run, out);
  return [...out];
};

describe('RunTerms', () => {
  it('gives each run its rule’s terms, works each out once, and stays right past its bound', () => {
    let calls = 0;
    const counted = (run: string, out: Set<string>) => {
      calls++;
      indexLatin(run, out);
    };
    const terms = new RunTerms(counted);
    const runs = ["cyber-sécurité", "l'état", 'Strategies', 'ipv6', 'aujourd’hui'];
    for (const run of [...runs, ...runs]) expect(terms.of(run)).toEqual(ruleTerms(indexLatin, run));
    expect(calls).toBe(runs.length);
    for (let i = 0; i <= RUNS_REMEMBERED; i++) terms.of(`w${i}`);
    for (const run of runs) expect(terms.of(run)).toEqual(ruleTerms(indexLatin, run));
    const out = new Set(['x', 'strategi']);
    terms.addTo('Strategies', out);
    expect([...out]).toEqual(['x', 'strategi']);
  });
});

const TEXTS = [
  'Stratégie nationale de cybersécurité 2024',
  'الاستراتيجية الوطنية للأمن السيبراني والأمن',
  '国家网络安全战略和信息安全法',
  '网络安全的国家战略 与 法',
  'Национальная стратегия кибербезопасности',
  'Estrategia Nacional de Ciberseguridad — CERT-MX',
  '計算機 法 国家的网络安全',
];

describe('termsOf with remembered runs', () => {
  it('gives a text the same terms whatever texts were read before it', () => {
    const first = TEXTS.map(termsOf);
    fc.assert(
      fc.property(fc.shuffledSubarray(TEXTS.map((_, i) => i), { minLength: 1 }), fc.array(fc.constantFrom(...TEXTS.join(' ').split(' ')), { maxLength: 6 }), (order, words) => {
        termsOf(words.join(' '));
        for (const i of order) expect(termsOf(TEXTS[i]!)).toEqual(first[i]);
      }),
    );
  });
});
