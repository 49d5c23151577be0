/** An edition's results by rank: the accessible equivalent of the map, every country with its five pillars, overall score and tier. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../api/assessment.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { Link } from '../../../router.tsx';
import { countryPath, OVERALL, scoreOf, type Measure } from '../measures.ts';
import type { Names } from '../names.ts';
import { ScoreValue } from '../ScoreValue.tsx';
import { TierBadge } from '../TierBadge.tsx';

export function ResultsTable({ results, pillars, measure, names }: { results: Results; pillars: readonly string[]; measure: Measure; names: Names }) {
  const { t } = useTranslation();
  const edition = results.edition.name;
  const marked = (m: Measure) => (m === measure ? 'chosen' : undefined);
  return (
    <DataTable
      label={t('assessment.results.table')}
      tableClassName="results-table"
      columns={[t('assessment.results.rank'), t('assessment.results.country'), ...pillars.map(names.measure), names.measure(OVERALL), t('assessment.results.tier')]}
    >
      {results.results.map((row) => (
        <tr key={row.country} data-country={row.country}>
          <td className="number">{row.rank}</td>
          <th scope="row">
            <Link to={countryPath(row.country, edition)}>{names.country(row.country)}</Link>
          </th>
          {pillars.map((pillar) => (
            <td key={pillar} className={marked(pillar)} data-measure={pillar}>
              <ScoreValue score={scoreOf(row, pillar)} />
            </td>
          ))}
          <td className={marked(OVERALL)} data-measure={OVERALL}>
            <strong>
              <ScoreValue score={row.overall} />
            </strong>
          </td>
          <td>
            <TierBadge tier={row.tier} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
