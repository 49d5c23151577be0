/**
 * One edition run as a cycle: what it asks and until when, its participants (one per country: focal point,
 * basis, status, progress, round), and for the assessment team the steps of the cycle: invite a focal point,
 * assess a country from public evidence, finalise (answers frozen, scores computed) and publish.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { cyclePaths, type EditionWithFramework, type Participant } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useAction } from '../../../components/useAction.ts';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { resultsPath } from '../../assessment/measures.ts';
import { useCountries } from '../../../components/useCountries.ts';
import { EDITION_STATUS, textIn, TIER } from '../cycle-labels.ts';
import { ConfirmButton, DueDate, StatusBadge } from '../cycle-parts.tsx';
import { cycleRights } from '../../../components/cycle-rights.ts';
import { AddParticipantForms } from './AddParticipantForms.tsx';
import { ParticipantsTable } from './ParticipantsTable.tsx';

function CloseEdition({ name, status, onDone }: { name: string; status: 'open' | 'finalised'; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction(onDone);
  return (
    <section className="card" aria-labelledby="close-edition">
      <h2 id="close-edition">{status === 'open' ? t('cycle.finalise_title') : t('cycle.publish_title')}</h2>
      <p className="muted">{status === 'open' ? t('cycle.finalise_intro') : t('cycle.publish_intro')}</p>
      {status === 'open' ? (
        <ConfirmButton
          label={t('cycle.finalise')}
          question={t('cycle.finalise_confirm')}
          confirmLabel={t('cycle.finalise_now')}
          busy={busy}
          onConfirm={() => run(() => api('POST', cyclePaths.finalise(name)))}
        />
      ) : (
        <ConfirmButton
          label={t('cycle.publish')}
          question={t('cycle.publish_confirm')}
          confirmLabel={t('cycle.publish_now')}
          busy={busy}
          onConfirm={() => run(() => api('POST', cyclePaths.publish(name)))}
        />
      )}
      <ErrorNotice error={error} />
    </section>
  );
}

function PublishedFiles({ name }: { name: string }) {
  const { t } = useTranslation();
  const base = `/api/v1${cyclePaths.edition(name)}`;
  return (
    <section className="card" aria-labelledby="published-files">
      <h2 id="published-files">{t('cycle.published_title')}</h2>
      <ul className="value-list">
        <li>
          <Link to={resultsPath(name)}>{t('cycle.published_results_page')}</Link>
        </li>
        <li>
          <a href={`${base}/results`}>{t('cycle.published_results')}</a>
        </li>
        <li>
          <a href={`${base}/results.csv`}>{t('cycle.published_results_csv')}</a>
        </li>
        <li>
          <a href={`${base}/answers.csv`}>{t('cycle.published_answers_csv')}</a>
        </li>
        <li>
          <a href={`${base}/edition.json`}>{t('cycle.published_edition_file')}</a>
        </li>
      </ul>
    </section>
  );
}

export function EditionPage({ name }: { name: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rights = cycleRights(useCaller().user.roles);
  const loaded = useApi<EditionWithFramework>(cyclePaths.edition(name));
  const participants = useApi<{ participants: Participant[] }>(cyclePaths.participants(name));
  const countries = useCountries();
  const edition = loaded.data?.edition;
  const reload = () => {
    loaded.reload();
    participants.reload();
  };
  return (
    <section>
      <h1 tabIndex={-1}>{edition ? <UserText text={edition.name} /> : t('cycle.edition_title')}</h1>
      <ErrorNotice error={loaded.error} />
      {loaded.loading && !loaded.data && <Loading />}
      {edition && (
        <>
          <div className="object-facts">
            <StatusBadge status={edition.status} label={t(EDITION_STATUS[edition.status])} />
            {loaded.data?.framework && <span>{textIn(loaded.data.framework.title, language)}</span>}
            {edition.framework && <code dir="ltr">{`${edition.framework.id} ${edition.framework.version}`}</code>}
          </div>
          <p className="due-line">
            <DueDate label={t('cycle.answers_due')} due={edition.answers_due} /> <DueDate label={t('cycle.review_due')} due={edition.review_due} />
          </p>
          {edition.tiers.length > 0 && (
            <p className="muted small">
              {t('cycle.tiers')}:{' '}
              {edition.tiers.map((tier, i) => (
                <span key={tier.code}>
                  {i > 0 && ' · '}
                  {TIER[tier.code] ? t(TIER[tier.code]!) : <code dir="ltr">{tier.code}</code>} ≥ {formatNumber(language, tier.min)}
                </span>
              ))}
            </p>
          )}
          <h2>{t('cycle.participants')}</h2>
          <ErrorNotice error={participants.error} />
          {participants.loading && !participants.data && <Loading />}
          {participants.data && <ParticipantsTable participants={participants.data.participants} edition={edition} countries={countries} rights={rights} />}
          {rights.manage && edition.status === 'open' && participants.data && (
            <AddParticipantForms edition={edition.name} taken={new Set(participants.data.participants.map((p) => p.country))} countries={countries} onAdded={participants.reload} />
          )}
          {rights.manage && edition.status !== 'published' && <CloseEdition name={edition.name} status={edition.status} onDone={reload} />}
          {edition.status === 'published' && <PublishedFiles name={edition.name} />}
        </>
      )}
    </section>
  );
}
