/** The profile's five pillars in the chosen edition: a bar chart, and the same numbers in a table (score and share of the maximum). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../api/assessment.ts';
import { DataTable } from '../../../../components/DataTable.tsx';
import { isolate } from '../../../../components/UserText.tsx';
import { directionOf } from '../../../../../../shared/i18n/languages.ts';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { Chart } from '../../charts/Chart.tsx';
import { bandsOf } from '../../colour-scale.ts';
import { formatScore } from '../../measures.ts';
import type { Names } from '../../names.ts';
import { ScoreValue } from '../../ScoreValue.tsx';
import { pillarChartOption } from '../profile-charts.ts';

export function PillarsSection({ entry, country, pillars, max, names }: { entry: HistoryEntry; country: string; pillars: readonly string[]; max: number; names: Names }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rtl = directionOf(language) === 'rtl';
  const option = useMemo(
    () => pillarChartOption(entry.pillars, pillars, max, bandsOf('pillar', pillars.length), rtl, { measure: names.measure, score: (v) => formatScore(language, v) }),
    [entry, pillars, max, rtl, names, language],
  );
  return (
    <section className="profile-section" aria-labelledby="pillars-heading">
      <h2 id="pillars-heading">{t('assessment.country.pillars')}</h2>
      <Chart
        className="chart-pillars"
        option={option}
        label={t('assessment.country.pillars_label', { country: isolate(names.country(country)), edition: isolate(entry.edition.name), max: formatNumber(language, max) })}
      />
      <DataTable label={t('assessment.country.pillars')} tableClassName="pillars-table" columns={[t('assessment.country.pillar'), t('assessment.country.score'), t('assessment.country.share')]}>
        {pillars.map((pillar) => {
          const score = entry.pillars[pillar];
          return (
            <tr key={pillar} data-pillar={pillar}>
              <th scope="row">{names.measure(pillar)}</th>
              <td>
                <ScoreValue score={score} />
              </td>
              <td>{score === undefined ? '—' : formatNumber(language, score / max, { style: 'percent', maximumFractionDigits: 1 })}</td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
