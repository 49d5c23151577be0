/**
 * An assessment framework as data: pillars → indicators → (sub-indicators →) questions, each question with a
 * weight, the evidence it expects and an explanatory note, and an answer scale giving a credit per level.
 * A question may depend on another (`parent`): it is asked only when the parent's answer is one of the
 * framework's `gateLevels`. Every text is given in the six languages. The GCA commitment questionnaire and a
 * CSIRT maturity self-assessment are both frameworks of this one shape, so the engine stays generic.
 */
import type { Language } from '../i18n/languages.ts';

/** A text in each of the six languages. */
export type Text = Readonly<Record<Language, string>>;

export type EvidenceKind = 'document' | 'link' | 'none';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['document', 'link', 'none'];

/** One level of the answer scale and the credit it earns (0 … the scale's highest credit). */
export interface AnswerLevel {
  code: string;
  credit: number;
  label: Text;
}

export interface Question {
  id: string;
  /** Hierarchical number shown to people (`1.2.3`). */
  number: string;
  text: Text;
  /** What counts as "in place" for this question. */
  note: Text;
  evidence: EvidenceKind;
  weight: number;
  /** A question this one depends on: asked only when that one is answered with a gate level. */
  parent?: string | undefined;
}

export interface SubIndicator {
  id: string;
  number: string;
  title: Text;
  questions: readonly Question[];
}

export interface Indicator {
  id: string;
  number: string;
  title: Text;
  questions?: readonly Question[] | undefined;
  subIndicators?: readonly SubIndicator[] | undefined;
}

export interface Pillar {
  id: string;
  number: string;
  title: Text;
  indicators: readonly Indicator[];
}

export interface Framework {
  id: string;
  version: string;
  title: Text;
  scale: readonly AnswerLevel[];
  /** Answers to a parent question that open its children (the GCA default: in place, partial). */
  gateLevels: readonly string[];
  pillars: readonly Pillar[];
}

/** A question with where it sits, as the scoring and the needs use it. */
export interface PlacedQuestion extends Question {
  pillar: string;
  indicator: string;
  subIndicator: string | undefined;
  /** JSON path of the question in the framework file. */
  path: string;
}

/** Every question of a framework, in framework order, with its pillar, indicator and path (from `root`). */
export function questionsOf(framework: Framework, root = '$'): PlacedQuestion[] {
  const placed: PlacedQuestion[] = [];
  framework.pillars.forEach((pillar, p) =>
    pillar.indicators.forEach((indicator, i) => {
      const base = `${root}.pillars[${p}].indicators[${i}]`;
      (indicator.questions ?? []).forEach((question, q) =>
        placed.push({ ...question, pillar: pillar.id, indicator: indicator.id, subIndicator: undefined, path: `${base}.questions[${q}]` }),
      );
      (indicator.subIndicators ?? []).forEach((sub, s) =>
        sub.questions.forEach((question, q) =>
          placed.push({ ...question, pillar: pillar.id, indicator: indicator.id, subIndicator: sub.id, path: `${base}.subIndicators[${s}].questions[${q}]` }),
        ),
      );
    }),
  );
  return placed;
}

/** The highest credit of the scale: what "fully in place" earns. */
export function maxCredit(framework: Framework): number {
  return Math.max(0, ...framework.scale.map((level) => level.credit));
}
