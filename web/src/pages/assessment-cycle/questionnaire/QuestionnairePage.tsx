/**
 * A country's questionnaire in an edition: the framework's pillars as tabs, each with its progress (answered
 * among the questions that apply: a child question shows only while its parent is answered "in place" or
 * "partial"), the questions of the chosen pillar by indicator, and the submission of the drafts for review
 * with the deadline. Whoever does not answer for the country (team, reviewers) reads the same page.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoringModel } from '../../../../../shared/assessment/scoring.ts';
import { api, ApiError } from '../../../api/client.ts';
import { ANSWER_CONFLICT, cyclePages, cyclePaths, type Answer, type CountryAnswers, type EditionWithFramework, type Evidence } from '../../../api/cycle-types.ts';
import { gatewayPaths, type CountryFacts } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { useCountries } from '../../../components/useCountries.ts';
import { EDITION_STATUS, PARTICIPANT_STATUS, textIn } from '../cycle-labels.ts';
import { StatusBadge } from '../cycle-parts.tsx';
import { cycleRights } from '../../../components/cycle-rights.ts';
import { answersFor, isChanged, progressByPillar, savedLevels, shownLevels, shownQuestions, type Draft } from '../questionnaire-state.ts';
import { PillarQuestions } from './PillarQuestions.tsx';
import { PillarTabs } from './PillarTabs.tsx';
import { SubmitBar } from './SubmitBar.tsx';

const without = <T,>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

export function QuestionnairePage({ name, country, pillar }: { name: string; country: string; pillar: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const caller = useCaller();
  const rights = cycleRights(caller.user.roles);
  const meta = useApi<EditionWithFramework>(cyclePaths.edition(name));
  const loaded = useApi<CountryAnswers>(cyclePaths.answers(name, country));
  const countries = useCountries();
  // The Gateway's records on the country, to cite as evidence; the questionnaire works without them.
  const gateway = useApi<CountryFacts>(gatewayPaths.facts(country));
  const framework = meta.data?.framework ?? undefined;
  const model = useMemo(() => (framework ? scoringModel(framework) : undefined), [framework]);
  const [answers, setAnswers] = useState<ReadonlyMap<string, Answer>>(new Map());
  const [evidence, setEvidence] = useState<readonly Evidence[]>([]);
  const [drafts, setDrafts] = useState<Readonly<Record<string, Draft>>>({});
  const [conflicts, setConflicts] = useState<Readonly<Record<string, Draft>>>({});

  useEffect(() => {
    if (!loaded.data) return;
    setAnswers(new Map(loaded.data.answers.map((a) => [a.question, a])));
    setEvidence(loaded.data.evidence);
  }, [loaded.data]);

  const saved = useMemo(() => savedLevels(answers.values()), [answers]);
  const levels = useMemo(() => shownLevels(saved, drafts), [saved, drafts]);
  const progress = useMemo(() => (model ? progressByPillar(model, levels) : []), [model, levels]);
  const unsaved = useMemo(
    () => (model ? shownQuestions(model, levels).filter((q) => isChanged(drafts[q.id], answers.get(q.id))).length : 0),
    [model, levels, drafts, answers],
  );

  const save = useCallback(
    async (question: string) => {
      const draft = drafts[question];
      if (!draft) return;
      const body = { level: draft.level, comment: draft.comment.trim(), revision: answers.get(question)?.revision ?? 0 };
      try {
        const answer = await api<Answer>('PUT', cyclePaths.answer(name, country, question), body);
        setAnswers((current) => new Map(current).set(question, answer));
        setDrafts((current) => without(current, question));
        setConflicts((current) => without(current, question));
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === ANSWER_CONFLICT) {
          // Someone saved a newer revision: show theirs (reloaded), keep ours aside to be taken up again.
          setConflicts((current) => ({ ...current, [question]: draft }));
          setDrafts((current) => without(current, question));
          loaded.reload();
        }
        throw caught;
      }
    },
    [drafts, answers, name, country, loaded],
  );

  const data = loaded.data;
  const error = meta.error ?? loaded.error;
  const countryName = countries.get(country) ?? country;
  const current = framework?.pillars.find((p) => p.id === pillar) ?? framework?.pillars[0];
  const mayAnswer = data ? answersFor(data, caller.user.id, rights.manage) : false;

  return (
    <section>
      <p className="breadcrumb">
        <Link to={rights.manage || rights.review ? cyclePages.edition(name) : cyclePages.assignments}>
          <UserText text={name} />
        </Link>
      </p>
      <h1 tabIndex={-1}>{t('cycle.questionnaire_title', { country: countryName })}</h1>
      <ErrorNotice error={error} />
      {(meta.loading || loaded.loading) && !(meta.data && data) && <Loading />}
      {framework && model && data && current && (
        <>
          <div className="object-facts">
            <span>{textIn(framework.title, language)}</span>
            <StatusBadge status={data.edition.status} label={t(EDITION_STATUS[data.edition.status])} />
            <StatusBadge status={data.participant.status} label={t(PARTICIPANT_STATUS[data.participant.status])} />
          </div>
          <SubmitBar
            edition={data.edition}
            participant={data.participant}
            answers={answers}
            progress={progress}
            unsaved={unsaved}
            mayAnswer={mayAnswer}
            onSubmitted={loaded.reload}
          />
          {!mayAnswer && data.edition.status === 'open' && <p className="muted">{t('cycle.read_only')}</p>}
          <PillarTabs framework={framework} progress={progress} current={current.id} path={cyclePages.questionnaire(name, country)} />
          <PillarQuestions
            pillar={current}
            model={model}
            levels={levels}
            saved={saved}
            answers={answers}
            drafts={drafts}
            conflicts={conflicts}
            evidence={evidence}
            editionStatus={data.edition.status}
            mayAnswer={mayAnswer}
            answerPath={(question) => cyclePaths.answer(name, country, question)}
            gatewayRecords={gateway.data?.published ?? []}
            onDraft={(question, draft) => setDrafts((d) => ({ ...d, [question]: draft }))}
            onSave={save}
            onRestore={(question) => {
              const mine = conflicts[question];
              if (mine) setDrafts((d) => ({ ...d, [question]: mine }));
              setConflicts((c) => without(c, question));
            }}
            onEvidenceAdded={(item) => setEvidence((list) => [...list, item])}
            onEvidenceRemoved={(id) => setEvidence((list) => list.filter((e) => e.id !== id))}
          />
        </>
      )}
    </section>
  );
}
