// The frameworks Thiqa ships: valid, written in all six languages (no text left in English), and scoring as
// the index says (everything in place: 100; nothing: 0).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/languages.ts';
import { validateFramework } from './framework-validation.ts';
import { questionsOf, type Framework, type Text } from './framework.ts';
import { GCA_PILLARS } from './published-results.ts';
import { score, scoringModel } from './scoring.ts';

const dir = path.join(import.meta.dirname, 'frameworks');
/** Texts a language writes as English does (the word is the same), by file: these alone may equal the English. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  // « Organisation »: the French word for the SIM3 category is the English one.
  'csirt-maturity.json': ['$.pillars[0].title.fr'],
};
const shipped = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));

function textsOf(node: unknown, at = '$', found: [string, Text][] = []): [string, Text][] {
  if (Array.isArray(node)) node.forEach((item, i) => textsOf(item, `${at}[${i}]`, found));
  else if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.length === LANGUAGES.length && LANGUAGES.every((l) => keys.includes(l))) found.push([at, node as Text]);
    else for (const [key, value] of Object.entries(node)) textsOf(value, `${at}.${key}`, found);
  }
  return found;
}

describe.each(shipped)('the shipped framework %s', (file) => {
  const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

  it('is valid', () => {
    expect(validateFramework(json).problems).toEqual([]);
  });

  it('is written in every language, nothing left in English', () => {
    const untranslated = textsOf(json).flatMap(([at, text]) =>
      LANGUAGES.filter((l) => l !== 'en' && /\p{L}{3,}/u.test(text.en) && text[l] === text.en).map((l) => `${at}.${l}`),
    );
    expect(untranslated).toEqual(SAME_AS_ENGLISH[file] ?? []);
  });

  it('scores 100 with everything at the top of the scale and 0 with nothing', () => {
    const framework = json as Framework;
    const model = scoringModel(framework);
    const best = [...framework.scale].sort((a, b) => b.credit - a.credit)[0]!.code;
    expect(score(model, Object.fromEntries(questionsOf(framework).map((q) => [q.id, best]))).overall).toBeCloseTo(100, 9);
    expect(score(model, {}).overall).toBe(0);
  });
});

describe('the GCA commitment questionnaire', () => {
  it('has the five GCA pillars, so its scores compare with the published GCI', () => {
    const framework = JSON.parse(fs.readFileSync(path.join(dir, 'gca-commitment.json'), 'utf8')) as Framework;
    expect(framework.pillars.map((p) => p.id)).toEqual([...GCA_PILLARS]);
    expect(questionsOf(framework).length).toBeGreaterThanOrEqual(80);
  });
});
