/** The reviewers' queue: participants of open editions with answers awaiting review, oldest submission first. */
import { useTranslation } from 'react-i18next';
import { cyclePages, cyclePaths, type ParticipantOf } from '../../../api/cycle-types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { useCountries } from '../../../components/useCountries.ts';
import { BASIS } from '../cycle-labels.ts';
import { formatDay } from '../cycle-dates.ts';

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queue = useApi<{ queue: ParticipantOf[] }>(cyclePaths.reviewQueue);
  const countries = useCountries();
  const list = queue.data?.queue ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('cycle.queue_title')}</h1>
      <p className="muted">{t('cycle.queue_intro')}</p>
      <ErrorNotice error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data && list.length === 0 && <p>{t('cycle.queue_empty')}</p>}
      {list.length > 0 && (
        <DataTable
          label={t('cycle.queue_title')}
          columns={[
            t('cycle.edition_name'),
            t('cycle.country'),
            t('cycle.basis'),
            t('cycle.awaiting_review'),
            t('cycle.round'),
            t('cycle.submitted_at'),
            t('cycle.review_due'),
            t('common.actions'),
          ]}
        >
          {list.map(({ edition, participant }) => {
            const countryName = countries.get(participant.country) ?? participant.country;
            return (
              <tr key={`${edition.id}/${participant.country}`}>
                <td>
                  <UserText text={edition.name} />
                </td>
                <td>{countryName}</td>
                <td>{t(BASIS[participant.basis])}</td>
                <td>{formatNumber(language, participant.awaiting_review)}</td>
                <td>{formatNumber(language, participant.round)}</td>
                <td>{participant.submitted_at ? <time dateTime={participant.submitted_at}>{formatDateTime(language, participant.submitted_at)}</time> : '—'}</td>
                <td>{edition.review_due ? formatDay(language, edition.review_due) : '—'}</td>
                <td>
                  <Link to={cyclePages.review(edition.name, participant.country)} aria-label={t('cycle.review_of', { country: countryName })}>
                    {t('cycle.review_link')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
