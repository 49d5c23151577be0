/**
 * Gaps and map (public): for one fact at a time — a national CIRT, a national strategy, a cooperation
 * agreement — the world map coloured by whether each country has it on record (yes, unconfirmed, no), the
 * coverage by UN M49 region and sub-region as a table, the countries with nothing on record, and the
 * server's CSV of every country. The fact is in the address (`/gateway/gaps?fact=strategy`).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { API, queryString } from '../../../api/client.ts';
import { FACT_STATES, GAP_FACTS, gatewayPages, gatewayPaths, type GapFact, type GapsReport } from '../../../api/gateway-types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link, navigate } from '../../../router.tsx';
import { directionOf } from '../../../../../shared/i18n/languages.ts';
import { Chart } from '../../assessment/charts/Chart.tsx';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';
import { gapsMapOption, STATE_COLOUR } from './gaps-map-option.ts';

export const FACT_NAME: Readonly<Record<GapFact, string>> = {
  national_cirt: 'gateway.gaps_fact.national_cirt',
  strategy: 'gateway.gaps_fact.strategy',
  agreement: 'gateway.gaps_fact.agreement',
};
const STATE_NAME = { yes: 'gateway.gaps_state.yes', unconfirmed: 'gateway.gaps_state.unconfirmed', no: 'gateway.gaps_state.no' } as const;

const addressOf = (fact: GapFact) => `${gatewayPages.gaps}${queryString({ fact: fact === 'national_cirt' ? undefined : fact })}`;

export function GapsPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const language = names.language;
  const rtl = directionOf(language) === 'rtl';
  const fact = GAP_FACTS.find((f) => f === query.get('fact')) ?? 'national_cirt';
  const { data, error, loading } = useApi<GapsReport>(gatewayPaths.gaps);

  const option = useMemo(() => {
    if (!data) return undefined;
    const byCountry = new Map(data.countries.map((c) => [c.country, c]));
    return gapsMapOption(data.countries, fact, rtl, (country) => {
      const standing = byCountry.get(country);
      if (!standing) return { heading: names.country(country), lines: [] };
      return {
        heading: names.country(country),
        lines: [`${t(FACT_NAME[fact])}: ${t(STATE_NAME[standing.facts[fact]])}`, t('gateway.gaps_records', { formatted: formatNumber(language, standing.records[fact]) })],
      };
    });
  }, [data, fact, rtl, names, language, t]);

  const lacking = useMemo(
    () => (data ? data.gaps[fact].map((code) => ({ code, name: names.country(code) })).sort((a, b) => a.name.localeCompare(b.name, language)) : []),
    [data, fact, names, language],
  );

  return (
    <section className="gaps-page">
      <GatewayTabs />
      <h1 tabIndex={-1}>{t('gateway.gaps_title')}</h1>
      <p className="muted">{t('gateway.gaps_intro')}</p>
      <div className="toolbar">
        <a className="button-link" href={`${API}${gatewayPaths.gaps}${queryString({ format: 'csv', lang: language })}`} download>
          <Icon name="download" /> {t('gateway.gaps_download_csv')}
        </a>
      </div>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && option && (
        <>
          <section className="map-section" aria-labelledby="gaps-map-heading">
            <h2 id="gaps-map-heading">{t(FACT_NAME[fact])}</h2>
            <label className="field gaps-fact">
              <span>{t('gateway.gaps_fact_label')}</span>
              <select value={fact} onChange={(event) => navigate(addressOf(event.target.value as GapFact), true)}>
                {GAP_FACTS.map((f) => (
                  <option key={f} value={f}>
                    {t(FACT_NAME[f])}
                  </option>
                ))}
              </select>
            </label>
            <Chart className="chart-map" option={option} label={t('gateway.gaps_map_label', { fact: t(FACT_NAME[fact]) })} />
            <ul className="map-legend" aria-label={t('gateway.gaps_legend')}>
              {FACT_STATES.map((state) => (
                <li key={state} data-state={state}>
                  <span className="swatch" style={{ background: STATE_COLOUR[state] }} aria-hidden="true" />
                  <span>{t(STATE_NAME[state])}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="gaps-coverage-heading">
            <h2 id="gaps-coverage-heading">{t('gateway.gaps_coverage')}</h2>
            <DataTable
              label={t('gateway.gaps_coverage')}
              tableClassName="coverage-table"
              columns={[t('gateway.gaps_region'), t('gateway.gaps_countries'), ...FACT_STATES.map((state) => t(STATE_NAME[state]))]}
            >
              {data.regions.map((region) => (
                <tr key={region.code} data-region={region.code} className={region.level === 'sub-region' ? 'sub-region' : undefined}>
                  <th scope="row">{names.region(region.code)}</th>
                  <td className="number">{formatNumber(language, region.countries)}</td>
                  {FACT_STATES.map((state) => (
                    <td key={state} className="number">
                      {formatNumber(language, region.facts[fact][state])}
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="gaps-lacking-heading">
            <h2 id="gaps-lacking-heading">{t('gateway.gaps_lacking', { fact: t(FACT_NAME[fact]) })}</h2>
            <p className="summary-line">{t('gateway.gaps_lacking_summary', { formatted: formatNumber(language, lacking.length), total: formatNumber(language, data.countries.length) })}</p>
            {lacking.length === 0 ? (
              <p>{t('gateway.gaps_none_lacking')}</p>
            ) : (
              <ul className="gap-countries">
                {lacking.map(({ code, name }) => (
                  <li key={code} data-country={code}>
                    <Link to={`${gatewayPages.search}${queryString({ country: code })}`}>{name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
