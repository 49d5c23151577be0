/** The profile's history: every edition with a result for the country, oldest first, as a table and a line of the overall score. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../api/assessment.ts';
import { DataTable } from '../../../../components/DataTable.tsx';
import { isolate, UserText } from '../../../../components/UserText.tsx';
import { directionOf } from '../../../../../../shared/i18n/languages.ts';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { Link } from '../../../../router.tsx';
import { Chart } from '../../charts/Chart.tsx';
import { countryPath, formatChange, formatScore, OVERALL } from '../../measures.ts';
import type { Names } from '../../names.ts';
import { ScoreValue } from '../../ScoreValue.tsx';
import { TierBadge } from '../../TierBadge.tsx';
import { historyChartOption } from '../profile-charts.ts';

export function HistorySection({ country, editions, chosen, pillars, names }: { country: string; editions: readonly HistoryEntry[]; chosen: string; pillars: readonly string[]; names: Names }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rtl = directionOf(language) === 'rtl';
  const option = useMemo(() => historyChartOption(editions, rtl, { score: (v) => formatScore(language, v) }), [editions, rtl, language]);
  return (
    <section className="profile-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('assessment.country.history')}</h2>
      {editions.length > 1 && <Chart className="chart-history" option={option} label={t('assessment.country.history_label', { country: isolate(names.country(country)) })} />}
      <DataTable
        label={t('assessment.country.history')}
        tableClassName="history-table"
        columns={[t('assessment.editions.edition'), names.measure(OVERALL), t('assessment.country.change'), t('assessment.results.tier'), t('assessment.results.rank'), ...pillars.map(names.measure)]}
      >
        {editions.map((entry, i) => {
          const before = editions[i - 1];
          return (
            <tr key={entry.edition.id} data-edition={entry.edition.name} aria-current={entry.edition.name === chosen ? 'true' : undefined}>
              <th scope="row">
                <Link to={countryPath(country, entry.edition.name)}>
                  <UserText text={entry.edition.name} />
                </Link>
              </th>
              <td data-measure={OVERALL}>
                <ScoreValue score={entry.overall} />
              </td>
              <td>{before ? formatChange(language, entry.overall - before.overall) : '—'}</td>
              <td>
                <TierBadge tier={entry.tier} />
              </td>
              <td>{t('assessment.country.rank_of', { rank: formatNumber(language, entry.rank), count: entry.countries, formatted: formatNumber(language, entry.countries) })}</td>
              {pillars.map((pillar) => (
                <td key={pillar} data-measure={pillar}>
                  <ScoreValue score={entry.pillars[pillar]} />
                </td>
              ))}
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
