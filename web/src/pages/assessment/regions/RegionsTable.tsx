/** The regional comparison's table: every M49 region and sub-region with results, its country count and the statistics of one measure. */
import { useTranslation } from 'react-i18next';
import type { RegionAggregate, Statistics } from '../../../api/assessment.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { OVERALL, type Measure } from '../measures.ts';
import type { Names } from '../names.ts';
import { ScoreValue } from '../ScoreValue.tsx';
import { regionRows } from './region-tree.ts';

const STATISTICS = ['mean', 'median', 'min', 'max'] as const;

export function RegionsTable({ regions, measure, names }: { regions: readonly RegionAggregate[]; measure: Measure; names: Names }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const statsOf = (r: RegionAggregate): Statistics | undefined => (measure === OVERALL ? r.overall : r.pillars[measure]);
  return (
    <DataTable
      label={t('assessment.regions.table', { measure: names.measure(measure) })}
      tableClassName="regions-table"
      columns={[t('assessment.regions.region'), t('assessment.regions.countries'), ...STATISTICS.map((s) => t(`assessment.regions.${s}`))]}
    >
      {regionRows(regions).map(({ aggregate, level }) => {
        const stats = statsOf(aggregate);
        return (
          <tr key={aggregate.region} data-region={aggregate.region} className={level ? 'sub-region' : 'region'}>
            <th scope="row">{names.region(aggregate.region)}</th>
            <td>{formatNumber(language, aggregate.countries)}</td>
            {STATISTICS.map((s) => (
              <td key={s} data-statistic={s}>
                <ScoreValue score={stats?.[s]} />
              </td>
            ))}
          </tr>
        );
      })}
    </DataTable>
  );
}
