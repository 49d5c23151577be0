/**
 * One question of the questionnaire: its number and text, the explanatory note (folded), the reviewer's
 * request when the answer came back for clarification, the answer scale as radio buttons, a comment, a save
 * button (sending the revision read, so a change made meanwhile by someone else is never overwritten), and the
 * answer's evidence. An answer with the reviewer, decided, or of a closed edition is shown, not edited.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework, PlacedQuestion } from '../../../../../shared/assessment/framework.ts';
import type { ApiError } from '../../../api/client.ts';
import { ANSWER_CONFLICT, type Answer, type Evidence } from '../../../api/cycle-types.ts';
import type { PublishedRecord } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useAction } from '../../../components/useAction.ts';
import { isolate, UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { ANSWER_STATUS, textIn } from '../cycle-labels.ts';
import { QuestionNumber, StatusBadge } from '../cycle-parts.tsx';
import { EvidenceList } from '../EvidenceList.tsx';
import { isChanged, type Draft } from '../questionnaire-state.ts';
import { AddEvidence } from './AddEvidence.tsx';


export interface QuestionCardProps {
  question: PlacedQuestion;
  framework: Framework;
  answer: Answer | undefined;
  draft: Draft | undefined;
  /** The reader's unsaved choice when a save met a newer revision (the answer shown is then the newer one). */
  conflict: Draft | undefined;
  editable: boolean;
  /** The question whose saved answer does not open this one yet. */
  closedBy: PlacedQuestion | undefined;
  evidence: readonly Evidence[];
  answerPath: string;
  /** The Gateway's published records on the country, to cite as evidence. */
  gatewayRecords: readonly PublishedRecord[];
  onDraft(draft: Draft): void;
  onSave(): Promise<void>;
  onRestore(): void;
  onEvidenceAdded(item: Evidence): void;
  onEvidenceRemoved(id: string): void;
}

function ReviewerNote({ answer, framework }: { answer: Answer; framework: Framework }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const review = answer.review;
  if (!review || (answer.status !== 'clarification' && answer.status !== 'adjusted')) return null;
  const level = framework.scale.find((l) => l.code === answer.level);
  return (
    <div className={answer.status === 'clarification' ? 'reviewer-note reviewer-clarify' : 'reviewer-note'} role="note">
      <p>
        <strong>{answer.status === 'clarification' ? t('cycle.reviewer_asks') : t('cycle.reviewer_adjusted', { level: textIn(level?.label, language) })}</strong>
      </p>
      <UserText text={review.comment} block />
      <p className="muted small">
        <bdi dir="ltr">{review.by.name}</bdi> · <time dateTime={review.at}>{formatDateTime(language, review.at)}</time>
      </p>
    </div>
  );
}

function ConflictNote({ conflict, framework, onRestore }: { conflict: Draft; framework: Framework; onRestore(): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const level = framework.scale.find((l) => l.code === conflict.level);
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t('cycle.conflict')}</p>
      <p>
        {t('cycle.conflict_yours', { level: isolate(textIn(level?.label, language) || '—') })}
        {conflict.comment && <UserText text={conflict.comment} block className="muted" />}
      </p>
      <button type="button" className="button-secondary" onClick={onRestore}>
        {t('cycle.conflict_restore')}
      </button>
    </div>
  );
}

export function QuestionCard(props: QuestionCardProps) {
  const { question, framework, answer, draft, conflict, editable, closedBy, evidence, answerPath } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const textId = useId();
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const level = draft ? draft.level : (answer?.level ?? null);
  const comment = draft ? draft.comment : (answer?.comment ?? '');
  const changed = isChanged(draft, answer);
  const setDraft = (change: Partial<Draft>) => {
    setSaved(false);
    props.onDraft({ level, comment, ...change });
  };
  const handleSave = async () => setSaved(await run(props.onSave));
  const shownError: ApiError | undefined = error?.code === ANSWER_CONFLICT ? undefined : error;
  const levelLabel = framework.scale.find((l) => l.code === answer?.level);

  return (
    <article
      className={`question-card${question.parent ? ' question-child' : ''}${answer ? ` answer-${answer.status}` : ''}`}
      aria-labelledby={textId}
      data-question={question.id}
    >
      <div className="question-head">
        <p id={textId} className="question-text">
          <QuestionNumber number={question.number} /> {textIn(question.text, language)}
        </p>
        {answer ? <StatusBadge status={answer.status} label={t(ANSWER_STATUS[answer.status])} /> : <StatusBadge status="unanswered" label={t('cycle.unanswered')} />}
      </div>
      <details className="question-note">
        <summary>{t('cycle.note')}</summary>
        <p>{textIn(question.note, language)}</p>
      </details>
      {answer && <ReviewerNote answer={answer} framework={framework} />}
      {conflict && <ConflictNote conflict={conflict} framework={framework} onRestore={props.onRestore} />}
      {editable ? (
        <>
          <fieldset className="radio-group" aria-labelledby={textId}>
            {framework.scale.map((option) => (
              <label key={option.code} className="radio">
                <input type="radio" name={`level-${question.id}`} value={option.code} checked={level === option.code} onChange={() => setDraft({ level: option.code })} />
                {textIn(option.label, language)}
              </label>
            ))}
          </fieldset>
          <Field label={t('cycle.comment')} hint={t('cycle.comment_hint')}>
            <textarea dir="auto" rows={2} value={comment} onChange={(e) => setDraft({ comment: e.target.value })} />
          </Field>
          {closedBy && changed && (
            <p className="muted small">{t('cycle.save_parent_first', { number: isolate(closedBy.number) })}</p>
          )}
          <div className="toolbar">
            <button type="button" disabled={busy || !changed || level === null || closedBy !== undefined} onClick={() => void handleSave()}>
              {busy ? t('cycle.saving') : t('cycle.save')}
            </button>
            {changed && <span className="muted small">{t('cycle.unsaved')}</span>}
            {saved && !changed && (
              <span className="saved small" role="status">
                {t('cycle.saved')}
              </span>
            )}
          </div>
          <ErrorNotice error={shownError} />
        </>
      ) : (
        <dl className="answer-facts">
          <dt>{t('cycle.answer_level')}</dt>
          <dd>{levelLabel ? textIn(levelLabel.label, language) : <span className="muted">{t('cycle.unanswered')}</span>}</dd>
          {answer?.comment && (
            <>
              <dt>{t('cycle.comment')}</dt>
              <dd>
                <UserText text={answer.comment} block />
              </dd>
            </>
          )}
        </dl>
      )}
      <div className="question-evidence">
        <p className="evidence-heading">{t('cycle.evidence')}</p>
        <EvidenceList items={evidence} removable={editable} onRemoved={props.onEvidenceRemoved} />
        {editable && <AddEvidence answerPath={answerPath} question={question} evidence={evidence} gatewayRecords={props.gatewayRecords} onAdded={props.onEvidenceAdded} />}
      </div>
    </article>
  );
}
