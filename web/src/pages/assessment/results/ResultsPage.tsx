/**
 * An edition's results: a world map coloured by the overall score or a chosen pillar (the choice kept in the
 * address, `?measure=`), its legend, then every country by rank in a table (the map's accessible equivalent),
 * with the CSV download. A country on the map or in the table opens its profile in this edition.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../api/assessment.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { isolate } from '../../../components/UserText.tsx';
import { directionOf } from '../../../../../shared/i18n/languages.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link, navigate } from '../../../router.tsx';
import { Chart } from '../charts/Chart.tsx';
import { bandsOf } from '../colour-scale.ts';
import { countryPath, editionsPath, formatScore, OVERALL, pillarsOf, regionsPath, resultsCsvHref, resultsPath, scoreOf } from '../measures.ts';
import { MeasureSelect } from '../MeasureSelect.tsx';
import { useNames } from '../names.ts';
import { worldMapOption } from './map-option.ts';
import { MapLegend } from './MapLegend.tsx';
import { ResultsTable } from './ResultsTable.tsx';

export function ResultsPage({ edition, query }: { edition: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const names = useNames();
  const { data, error, loading } = useApi<Results>(`/assessment/editions/${encodeURIComponent(edition)}/results`);
  const pillars = useMemo(() => pillarsOf(data?.results ?? []), [data]);
  const asked = query.get('measure') ?? OVERALL;
  const measure = asked === OVERALL || pillars.includes(asked) ? asked : OVERALL;
  const bands = useMemo(() => bandsOf(measure, pillars.length || undefined), [measure, pillars]);
  const rtl = directionOf(language) === 'rtl';

  const option = useMemo(() => {
    if (!data) return undefined;
    const byCountry = new Map(data.results.map((row) => [row.country, row]));
    return worldMapOption(data.results, measure, bands, rtl, {
      describe(country) {
        if (!country) return undefined;
        const row = byCountry.get(country);
        if (!row) return { heading: names.country(country), lines: [t('assessment.results.no_result')] };
        const score = scoreOf(row, measure);
        return {
          heading: names.country(country),
          lines: [
            `${names.measure(measure)}: ${score === undefined ? '—' : formatScore(language, score)}`,
            `${t('assessment.results.tier')}: ${t(`assessment.tier.${row.tier}`, { defaultValue: row.tier })}`,
            `${t('assessment.results.rank')}: ${row.rank}`,
          ],
        };
      },
    });
    // `names` changes when the country names arrive (and with the language): the tooltips follow.
  }, [data, measure, bands, rtl, language, names, t]);

  const shownName = data?.edition.name ?? edition;
  const count = data?.results.length ?? 0;
  return (
    <section>
      <p className="breadcrumb">
        <Link to={editionsPath()}>
          <Icon name="back" /> {t('assessment.editions.title')}
        </Link>
      </p>
      <h1 tabIndex={-1}>{t('assessment.results.title', { edition: isolate(shownName) })}</h1>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && option && (
        <>
          <p className="muted">{t('assessment.results.intro')}</p>
          <div className="toolbar">
            <a className="button-link" href={resultsCsvHref(shownName)} download>
              <Icon name="download" /> {t('assessment.results.download_csv')}
            </a>
            <Link className="button-link" to={regionsPath(shownName)}>
              {t('assessment.results.compare_regions')}
            </Link>
          </div>
          <section className="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{t('assessment.results.map_heading', { measure: names.measure(measure) })}</h2>
            <MeasureSelect label={t('assessment.results.measure')} pillars={pillars} value={measure} onChange={(m) => navigate(resultsPath(shownName, m), true)} />
            <Chart
              className="chart-map"
              option={option}
              label={t('assessment.results.map_label', {
                measure: names.measure(measure),
                edition: isolate(shownName),
                count,
                formatted: formatNumber(language, count),
              })}
              onSelect={(country) => data.results.some((row) => row.country === country) && navigate(countryPath(country, shownName))}
            />
            <MapLegend bands={bands} label={t('assessment.results.legend')} />
            <p className="muted small">{t('assessment.results.small_countries')}</p>
          </section>
          <section aria-labelledby="table-heading">
            <h2 id="table-heading">{t('assessment.results.table')}</h2>
            <ResultsTable results={data} pillars={pillars} measure={measure} names={names} />
          </section>
        </>
      )}
    </section>
  );
}
