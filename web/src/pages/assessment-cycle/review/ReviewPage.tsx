/**
 * The review of one country's answers in an edition: the answers awaiting a decision (or, on request, every
 * answer), by pillar, each with the focal point's comment, its evidence, the decision and its history.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoringModel } from '../../../../../shared/assessment/scoring.ts';
import { cyclePages, cyclePaths, type Answer, type CountryAnswers, type EditionWithFramework } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { useCountries } from '../../../components/useCountries.ts';
import { BASIS, EDITION_STATUS, PARTICIPANT_STATUS, textIn } from '../cycle-labels.ts';
import { counted, QuestionNumber, StatusBadge } from '../cycle-parts.tsx';
import { cycleRights } from '../../../components/cycle-rights.ts';
import { awaitingReview } from '../questionnaire-state.ts';
import { ReviewCard } from './ReviewCard.tsx';

export function ReviewPage({ name, country }: { name: string; country: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rights = cycleRights(useCaller().user.roles);
  const meta = useApi<EditionWithFramework>(cyclePaths.edition(name));
  const loaded = useApi<CountryAnswers>(cyclePaths.answers(name, country));
  const countries = useCountries();
  const framework = meta.data?.framework ?? undefined;
  const model = useMemo(() => (framework ? scoringModel(framework) : undefined), [framework]);
  const [answers, setAnswers] = useState<ReadonlyMap<string, Answer>>(new Map());
  const [everything, setEverything] = useState(false);
  // Answers decided on this page stay in view (with their new status) until the page is left.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (loaded.data) setAnswers(new Map(loaded.data.answers.map((a) => [a.question, a])));
  }, [loaded.data]);

  const data = loaded.data;
  const countryName = countries.get(country) ?? country;
  const waiting = model ? awaitingReview(model, answers) : [];
  const shown = model ? model.questions.filter((q) => answers.has(q.id) && (everything || decided.has(q.id) || answers.get(q.id)!.status === 'submitted')) : [];
  const mayReview = rights.review && data?.edition.status === 'open';

  return (
    <section>
      <p className="breadcrumb">
        <Link to={rights.manage ? cyclePages.edition(name) : cyclePages.reviewQueue}>
          <UserText text={name} />
        </Link>
      </p>
      <h1 tabIndex={-1}>{t('cycle.review_title', { country: countryName })}</h1>
      <ErrorNotice error={meta.error ?? loaded.error} />
      {(meta.loading || loaded.loading) && !(meta.data && data) && <Loading />}
      {model && data && (
        <>
          <div className="object-facts">
            <StatusBadge status={data.edition.status} label={t(EDITION_STATUS[data.edition.status])} />
            <StatusBadge status={data.participant.status} label={t(PARTICIPANT_STATUS[data.participant.status])} />
            <span>{t(BASIS[data.participant.basis])}</span>
            {data.participant.focal_point && (
              <span>
                {t('cycle.focal_point')}: <bdi dir="ltr">{data.participant.focal_point.name}</bdi>
              </span>
            )}
          </div>
          <p className="summary-line" role="status">
            {t('cycle.awaiting_count', counted(language, waiting.length))}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={everything} onChange={(e) => setEverything(e.target.checked)} /> {t('cycle.show_all_answers')}
          </label>
          {shown.length === 0 && <p>{everything ? t('cycle.no_answers') : t('cycle.nothing_to_review')}</p>}
          {model.framework.pillars.map((pillar) => {
            const questions = shown.filter((q) => q.pillar === pillar.id);
            if (questions.length === 0) return null;
            return (
              <section key={pillar.id} aria-labelledby={`review-${pillar.id}`} className="pillar">
                <h2 id={`review-${pillar.id}`}>
                  <QuestionNumber number={pillar.number} /> {textIn(pillar.title, language)}
                </h2>
                {questions.map((question) => (
                  <ReviewCard
                    key={question.id}
                    question={question}
                    answer={answers.get(question.id)!}
                    framework={model.framework}
                    evidence={data.evidence.filter((e) => e.question === question.id)}
                    answerPath={cyclePaths.answer(name, country, question.id)}
                    mayReview={mayReview}
                    onDecided={(answer) => {
                      setAnswers((current) => new Map(current).set(answer.question, answer));
                      setDecided((current) => new Set(current).add(answer.question));
                    }}
                    onConflict={loaded.reload}
                  />
                ))}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
