/**
 * The commitment index's computations against their goals: scoring 194 countries × 100 questions (≤ 50 ms)
 * and a sensitivity analysis of 10,000 weight draws for 194 countries (≤ 5 s). A synthetic framework of the
 * GCA's shape (5 pillars, 20 indicators, 100 questions, one in five depending on another) and answers drawn
 * per country; no store is involved.
 */
import { LANGUAGES } from '../shared/i18n/languages.ts';
import type { Framework, Question, Text } from '../shared/assessment/framework.ts';
import { scoreAll, scoringModel, type Answers } from '../shared/assessment/scoring.ts';
import { sensitivity } from '../shared/assessment/sensitivity.ts';
import { SeededRandom } from '../shared/synthetic/random.ts';
import { gcaScale } from '../shared/assessment/testing/small-framework.ts';
import type { Measurement } from './measurement.ts';
import { median } from './stats.ts';

const COUNTRIES = 194;
const QUESTIONS = 100;
const DRAWS = 10_000;

const text = (words: string): Text => Object.fromEntries(LANGUAGES.map((l) => [l, words])) as Text;

function syntheticFramework(random: SeededRandom): Framework {
  let n = 0;
  const pillars = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'].map((id, p) => ({
    id,
    number: String(p + 1),
    title: text(id),
    indicators: Array.from({ length: 4 }, (_, i) => ({
      id: `${id}-${i + 1}`,
      number: `${p + 1}.${i + 1}`,
      title: text(`${id} ${i + 1}`),
      questions: Array.from({ length: QUESTIONS / 20 }, (_, q): Question => {
        const id = `q${++n}`;
        return { id, number: `${p + 1}.${i + 1}.${q + 1}`, text: text(id), note: text(id), evidence: 'document', weight: 1 + random.int(0, 3), ...(q > 0 && q % 5 === 4 ? { parent: `q${n - 1}` } : {}) };
      }),
    })),
  }));
  return {
    id: 'bench',
    version: '1',
    title: text('bench'),
    scale: gcaScale(),
    gateLevels: ['in-place', 'partial'],
    pillars,
  };
}

export function measureAssessment(): Measurement[] {
  const random = new SeededRandom(2026);
  const model = scoringModel(syntheticFramework(random));
  const levels = ['nonexistent', 'partial', 'in-place'];
  const answers: Record<string, Answers> = {};
  for (let c = 0; c < COUNTRIES; c++) {
    // Each country has its own level of commitment, so the scores spread over the tiers.
    const commitment = random.next();
    answers[`C${c}`] = Object.fromEntries(model.questions.map((q) => [q.id, levels[Math.min(2, Math.floor((commitment + random.next()) * 1.5))]!]));
  }
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    scoreAll(model, answers);
    times.push(performance.now() - started);
  }
  const started = performance.now();
  const analysis = sensitivity(model, answers, { draws: DRAWS, spread: 0.25, seed: 1 });
  const sensitivityMs = performance.now() - started;
  const kept = analysis.filter((entry) => entry.tierKept === 1).length;
  return [
    { name: `assessment: score ${COUNTRIES} countries × ${QUESTIONS} questions (median)`, database: 'none', size: COUNTRIES, value: median(times), unit: 'ms', goal: 'assessmentScore', detail: { runs: times.length } },
    { name: `assessment: sensitivity, ${DRAWS.toLocaleString('en-US')} draws ±25 %`, database: 'none', size: COUNTRIES, value: sensitivityMs, unit: 'ms', goal: 'assessmentSensitivity', detail: { countriesAlwaysInTier: kept } },
  ];
}
