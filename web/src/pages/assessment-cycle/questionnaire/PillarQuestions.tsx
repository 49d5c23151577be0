/**
 * The questions of one pillar, by indicator and sub-indicator, as the levels shown open them: a child appears
 * when its parent is answered with a gate level and vanishes when the parent changes to another.
 */
import { useTranslation } from 'react-i18next';
import type { Pillar, PlacedQuestion } from '../../../../../shared/assessment/framework.ts';
import { applies, type Answers, type ScoringModel } from '../../../../../shared/assessment/scoring.ts';
import type { Answer, EditionStatus, Evidence } from '../../../api/cycle-types.ts';
import type { PublishedRecord } from '../../../api/gateway-types.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { textIn } from '../cycle-labels.ts';
import { QuestionNumber } from '../cycle-parts.tsx';
import { closedBy, isEditable, type Draft } from '../questionnaire-state.ts';
import { QuestionCard } from './QuestionCard.tsx';

interface PillarQuestionsProps {
  pillar: Pillar;
  model: ScoringModel;
  /** Saved levels with the drafts over them: what decides which questions show. */
  levels: Answers;
  saved: Answers;
  answers: ReadonlyMap<string, Answer>;
  drafts: Readonly<Record<string, Draft>>;
  conflicts: Readonly<Record<string, Draft>>;
  evidence: readonly Evidence[];
  editionStatus: EditionStatus;
  mayAnswer: boolean;
  answerPath(question: string): string;
  gatewayRecords: readonly PublishedRecord[];
  onDraft(question: string, draft: Draft): void;
  onSave(question: string): Promise<void>;
  onRestore(question: string): void;
  onEvidenceAdded(item: Evidence): void;
  onEvidenceRemoved(id: string): void;
}

export function PillarQuestions(props: PillarQuestionsProps) {
  const { pillar, model, levels, saved, answers, drafts, conflicts, evidence } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const placed = new Map(model.questions.map((q) => [q.id, q]));

  const card = (id: string) => {
    const question: PlacedQuestion | undefined = placed.get(id);
    if (!question || !applies(model, question, levels, placed)) return null;
    const answer = answers.get(id);
    return (
      <QuestionCard
        key={id}
        question={question}
        framework={model.framework}
        answer={answer}
        draft={drafts[id]}
        conflict={conflicts[id]}
        editable={isEditable(answer, props.editionStatus, props.mayAnswer)}
        closedBy={closedBy(model, question, saved)}
        evidence={evidence.filter((e) => e.question === id)}
        answerPath={props.answerPath(id)}
        gatewayRecords={props.gatewayRecords}
        onDraft={(draft) => props.onDraft(id, draft)}
        onSave={() => props.onSave(id)}
        onRestore={() => props.onRestore(id)}
        onEvidenceAdded={props.onEvidenceAdded}
        onEvidenceRemoved={props.onEvidenceRemoved}
      />
    );
  };

  return (
    <section aria-labelledby={`pillar-${pillar.id}`} className="pillar">
      <h2 id={`pillar-${pillar.id}`}>
        <QuestionNumber number={pillar.number} /> {textIn(pillar.title, language)}
      </h2>
      {pillar.indicators.map((indicator) => (
        <section key={indicator.id} aria-labelledby={`indicator-${indicator.id}`} className="indicator">
          <h3 id={`indicator-${indicator.id}`}>
            <QuestionNumber number={indicator.number} /> {textIn(indicator.title, language)}
          </h3>
          {(indicator.questions ?? []).map((q) => card(q.id))}
          {(indicator.subIndicators ?? []).map((sub) => (
            <section key={sub.id} aria-labelledby={`sub-${sub.id}`} className="sub-indicator">
              <h4 id={`sub-${sub.id}`}>
                <QuestionNumber number={sub.number} /> {textIn(sub.title, language)}
              </h4>
              {sub.questions.map((q) => card(q.id))}
            </section>
          ))}
        </section>
      ))}
      <p className="muted small">{t('cycle.gated_hint')}</p>
    </section>
  );
}
