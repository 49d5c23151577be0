/**
 * My questionnaires: the editions the caller answers for (a focal point's invitations; for the assessment
 * team, the countries it assesses from public evidence), each with its status, progress and deadline.
 */
import { useTranslation } from 'react-i18next';
import { cyclePages, cyclePaths, type ParticipantOf } from '../../../api/cycle-types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link } from '../../../router.tsx';
import { useCountries } from '../../../components/useCountries.ts';
import { BASIS, EDITION_STATUS, PARTICIPANT_STATUS } from '../cycle-labels.ts';
import { formatDay, isPast } from '../cycle-dates.ts';
import { ProgressMeter, StatusBadge } from '../cycle-parts.tsx';

export function AssignmentsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const assignments = useApi<{ assignments: ParticipantOf[] }>(cyclePaths.assignments);
  const countries = useCountries();
  const list = assignments.data?.assignments ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('cycle.assignments_title')}</h1>
      <p className="muted">{t('cycle.assignments_intro')}</p>
      <ErrorNotice error={assignments.error} />
      {assignments.loading && !assignments.data && <Loading />}
      {assignments.data && list.length === 0 && <p>{t('cycle.assignments_none')}</p>}
      {list.length > 0 && (
        <DataTable
          label={t('cycle.assignments_title')}
          columns={[t('cycle.edition_name'), t('cycle.country'), t('cycle.basis'), t('cycle.status'), t('cycle.progress_column'), t('cycle.answers_due'), t('common.actions')]}
        >
          {list.map(({ edition, participant }) => {
            const countryName = countries.get(participant.country) ?? participant.country;
            return (
              <tr key={`${edition.id}/${participant.country}`}>
                <td>
                  <UserText text={edition.name} />{' '}
                  {edition.status !== 'open' && <StatusBadge status={edition.status} label={t(EDITION_STATUS[edition.status])} />}
                </td>
                <td>{countryName}</td>
                <td>{t(BASIS[participant.basis])}</td>
                <td>
                  <StatusBadge status={participant.status} label={t(PARTICIPANT_STATUS[participant.status])} />
                </td>
                <td className="meter-cell">
                  <ProgressMeter answered={participant.answered} applicable={participant.applicable} label={t('cycle.progress_of', { name: countryName })} />
                </td>
                <td className={edition.answers_due && isPast(edition.answers_due) ? 'due-past' : undefined}>
                  {edition.answers_due ? formatDay(language, edition.answers_due) : '—'}
                </td>
                <td>
                  <Link to={cyclePages.questionnaire(edition.name, participant.country)} aria-label={t('cycle.open_questionnaire_of', { country: countryName, edition: edition.name })}>
                    {t('cycle.open_questionnaire')}
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
