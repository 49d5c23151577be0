/** An edition's participants: country, focal point, basis, status, progress, round, what awaits review. */
import { useTranslation } from 'react-i18next';
import { cyclePages, type CycleEdition, type Participant } from '../../../api/cycle-types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { BASIS, PARTICIPANT_STATUS } from '../cycle-labels.ts';
import { ProgressMeter, StatusBadge } from '../cycle-parts.tsx';
import type { CycleRights } from '../../../components/cycle-rights.ts';

export function ParticipantsTable({
  participants,
  edition,
  countries,
  rights,
}: {
  participants: readonly Participant[];
  edition: CycleEdition;
  countries: ReadonlyMap<string, string>;
  rights: CycleRights;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (participants.length === 0) return <p>{t('cycle.participants_none')}</p>;
  const sorted = [...participants].sort((a, b) => (countries.get(a.country) ?? a.country).localeCompare(countries.get(b.country) ?? b.country, language));
  return (
    <DataTable
      label={t('cycle.participants')}
      columns={[
        t('cycle.country'),
        t('cycle.focal_point'),
        t('cycle.basis'),
        t('cycle.status'),
        t('cycle.progress_column'),
        t('cycle.round'),
        t('cycle.awaiting_review'),
        t('cycle.submitted_at'),
        t('common.actions'),
      ]}
    >
      {sorted.map((p) => {
        const countryName = countries.get(p.country) ?? p.country;
        return (
          <tr key={p.country}>
            <td>
              {countryName} <code dir="ltr" className="muted small">{p.country}</code>
            </td>
            <td>{p.focal_point ? <bdi dir="ltr">{p.focal_point.name}</bdi> : <span className="muted">—</span>}</td>
            <td>{t(BASIS[p.basis])}</td>
            <td>
              <StatusBadge status={p.status} label={t(PARTICIPANT_STATUS[p.status])} />
            </td>
            <td className="meter-cell">
              <ProgressMeter answered={p.answered} applicable={p.applicable} label={t('cycle.progress_of', { name: countryName })} />
            </td>
            <td>{formatNumber(language, p.round)}</td>
            <td>
              {formatNumber(language, p.awaiting_review)}
              {p.clarification > 0 && <span className="muted small"> ({t('cycle.clarification_count', { count: p.clarification, formatted: formatNumber(language, p.clarification) })})</span>}
            </td>
            <td>{p.submitted_at ? <time dateTime={p.submitted_at}>{formatDateTime(language, p.submitted_at)}</time> : '—'}</td>
            <td>
              <div className="actions">
                <Link to={cyclePages.questionnaire(edition.name, p.country)} aria-label={t('cycle.answers_of', { country: countryName })}>
                  {t('cycle.answers_link')}
                </Link>
                {rights.review && p.round > 0 && (
                  <Link to={cyclePages.review(edition.name, p.country)} aria-label={t('cycle.review_of', { country: countryName })}>
                    {t('cycle.review_link')}
                  </Link>
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
