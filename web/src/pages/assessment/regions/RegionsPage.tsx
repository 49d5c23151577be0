/**
 * The regional comparison of an edition: the mean, median, lowest and highest score of the countries of each
 * UN M49 region and sub-region (one measure at a time, `?measure=`), and a bar chart of each pillar's mean in
 * the five regions.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Regions } from '../../../api/assessment.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { isolate } from '../../../components/UserText.tsx';
import { directionOf } from '../../../../../shared/i18n/languages.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link, navigate } from '../../../router.tsx';
import { Chart } from '../charts/Chart.tsx';
import { formatScore, maxOf, OVERALL, pillarsOf, regionsPath, resultsPath } from '../measures.ts';
import { MeasureSelect } from '../MeasureSelect.tsx';
import { useNames } from '../names.ts';
import { SeriesLegend } from '../charts/SeriesLegend.tsx';
import { regionChartOption, seriesColour } from './region-chart-option.ts';
import { WORLD_REGIONS } from './region-tree.ts';
import { RegionsTable } from './RegionsTable.tsx';

export function RegionsPage({ edition, query }: { edition: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const names = useNames();
  const { data, error, loading } = useApi<Regions>(`/assessment/editions/${encodeURIComponent(edition)}/regions`);
  const pillars = useMemo(() => pillarsOf(data?.regions ?? []), [data]);
  const asked = query.get('measure') ?? OVERALL;
  const measure = asked === OVERALL || pillars.includes(asked) ? asked : OVERALL;
  const rtl = directionOf(language) === 'rtl';
  const shownName = data?.edition.name ?? edition;

  const option = useMemo(() => {
    if (!data) return undefined;
    const world = WORLD_REGIONS.flatMap((code) => data.regions.filter((r) => r.region === code));
    return regionChartOption(world, pillars, maxOf('pillar', pillars.length || undefined), rtl, {
      region: names.region,
      measure: names.measure,
      score: (value) => formatScore(language, value),
    });
  }, [data, pillars, rtl, names, language]);

  return (
    <section>
      <p className="breadcrumb">
        <Link to={resultsPath(shownName)}>
          <Icon name="back" /> {t('assessment.regions.back', { edition: isolate(shownName) })}
        </Link>
      </p>
      <h1 tabIndex={-1}>{t('assessment.regions.title', { edition: isolate(shownName) })}</h1>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && option && (
        <>
          <p className="muted">{t('assessment.regions.intro')}</p>
          <section aria-labelledby="regions-table-heading">
            <h2 id="regions-table-heading">{t('assessment.regions.table', { measure: names.measure(measure) })}</h2>
            <MeasureSelect
              label={t('assessment.regions.measure')}
              pillars={pillars}
              value={measure}
              onChange={(m) => navigate(`${regionsPath(shownName)}${m === OVERALL ? '' : `?measure=${encodeURIComponent(m)}`}`, true)}
            />
            <RegionsTable regions={data.regions} measure={measure} names={names} />
          </section>
          {pillars.length > 0 && (
            <section aria-labelledby="regions-chart-heading">
              <h2 id="regions-chart-heading">{t('assessment.regions.chart_heading')}</h2>
              <SeriesLegend label={t('assessment.results.legend')} items={pillars.map((pillar, i) => ({ name: names.measure(pillar), colour: seriesColour(i) }))} />
              <Chart className="chart-bars" option={option} label={t('assessment.regions.chart_label', { edition: isolate(shownName) })} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
