/**
 * A small framework for tests: two pillars, GCA answer scale, one dependent question. Texts are the same
 * words in each language, marked with the language, which is enough for the engine (not for people).
 */
import { LANGUAGES } from '../../i18n/languages.ts';
import type { AnswerLevel, Framework, Question, Text } from '../framework.ts';

export const text = (words: string): Text => Object.fromEntries(LANGUAGES.map((l) => [l, `${words} (${l})`])) as Text;

export const question = (id: string, number: string, weight: number, parent?: string): Question => ({
  id,
  number,
  text: text(`question ${id}`),
  note: text(`what counts for ${id}`),
  evidence: 'document',
  weight,
  ...(parent ? { parent } : {}),
});

/** The GCA answer scale: nonexistent 0, partial 0.5, in place 1. */
export const gcaScale = (): AnswerLevel[] => [
  { code: 'nonexistent', credit: 0, label: text('nonexistent') },
  { code: 'partial', credit: 0.5, label: text('partial') },
  { code: 'in-place', credit: 1, label: text('in place') },
];

/** legal: q1 (weight 2), q2 (1, asked when q1 is in place or partial); technical: q3 (1), q4 (3) in a sub-indicator. */
export function smallFramework(): Framework {
  return {
    id: 'test-framework',
    version: '1',
    title: text('test framework'),
    scale: gcaScale(),
    gateLevels: ['in-place', 'partial'],
    pillars: [
      { id: 'legal', number: '1', title: text('legal'), indicators: [{ id: 'law', number: '1.1', title: text('law'), questions: [question('q1', '1.1.1', 2), question('q2', '1.1.2', 1, 'q1')] }] },
      {
        id: 'technical',
        number: '2',
        title: text('technical'),
        indicators: [
          {
            id: 'cirt',
            number: '2.1',
            title: text('CIRT'),
            questions: [question('q3', '2.1.1', 1)],
            subIndicators: [{ id: 'tools', number: '2.1.1', title: text('tools'), questions: [question('q4', '2.1.1.1', 3)] }],
          },
        ],
      },
    ],
  };
}
