/**
 * The questionnaire's summary and its one step: progress over all pillars, the deadline, the round, and the
 * submission of every draft answer for review (with how many will go, and a warning about unsaved changes,
 * which are not sent).
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { cyclePaths, type Answer, type CycleEdition, type Participant } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useAction } from '../../../components/useAction.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { ConfirmButton, counted, DueDate, ProgressMeter } from '../cycle-parts.tsx';
import { toSubmit, totalProgress, type PillarProgress } from '../questionnaire-state.ts';

export function SubmitBar({
  edition,
  participant,
  answers,
  progress,
  unsaved,
  mayAnswer,
  onSubmitted,
}: {
  edition: CycleEdition;
  participant: Participant;
  answers: ReadonlyMap<string, Answer>;
  progress: readonly PillarProgress[];
  unsaved: number;
  mayAnswer: boolean;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction(onSubmitted);
  const total = totalProgress(progress);
  const count = toSubmit(answers.values()).length;
  const open = edition.status === 'open';
  return (
    <section className="card submit-bar" aria-label={t('cycle.summary')}>
      <ProgressMeter answered={total.answered} applicable={total.applicable} label={t('cycle.progress_total')} />
      <p className="due-line">
        <DueDate label={t('cycle.answers_due')} due={edition.answers_due} />
        {participant.round > 0 && <span className="muted"> {t('cycle.round_n', { round: formatNumber(language, participant.round) })}</span>}
      </p>
      {mayAnswer && open && (
        <>
          {unsaved > 0 && <p className="notice notice-warning">{t('cycle.unsaved_count', counted(language, unsaved))}</p>}
          <div className="toolbar">
            <ConfirmButton
              label={count > 0 ? t('cycle.submit_count', counted(language, count)) : t('cycle.submit_nothing')}
              question={t('cycle.submit_confirm', counted(language, count))}
              confirmLabel={t('cycle.submit_now')}
              disabled={count === 0}
              busy={busy}
              onConfirm={() => run(() => api('POST', cyclePaths.submit(edition.name, participant.country)))}
            />
          </div>
          <p className="muted small">{t('cycle.submit_hint')}</p>
          <ErrorNotice error={error} />
        </>
      )}
    </section>
  );
}
