/**
 * Assistance matching (public): a country's needs from its newest published assessment, highest priority
 * first, each with the published assistance offers for its indicator that reach the country, linked to their
 * record pages. The country is in the address (`/gateway/matching?country=TN`).
 */
import { useTranslation } from 'react-i18next';
import { queryString } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type MatchingAnswer, type OfferReach } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { isolate, UserText } from '../../../components/UserText.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { Link, navigate } from '../../../router.tsx';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

const REACH: Readonly<Record<OfferReach, string>> = {
  country: 'gateway.matching_reach.country',
  'sub-region': 'gateway.matching_reach.sub_region',
  region: 'gateway.matching_reach.region',
  world: 'gateway.matching_reach.world',
};

export function MatchingPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const country = (query.get('country') ?? '').toUpperCase();
  const { data, error, loading } = useApi<MatchingAnswer>(country ? `${gatewayPaths.matching}${queryString({ country })}` : undefined);
  return (
    <section className="matching-page">
      <GatewayTabs />
      <h1 tabIndex={-1}>{country ? t('gateway.matching_title_of', { country: names.country(country) }) : t('gateway.matching_title')}</h1>
      <p className="muted">{t('gateway.matching_intro')}</p>
      <label className="field matching-country">
        <span>{t('gateway.matching_country')}</span>
        <select value={country} onChange={(event) => navigate(gatewayPages.matching(event.target.value || undefined), true)}>
          <option value="">{t('gateway.matching_choose')}</option>
          {names.countryOptions.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && !data.edition && <p className="notice notice-info">{t('gateway.matching_no_edition')}</p>}
      {data?.edition && (
        <>
          <p className="summary-line">
            {t('gateway.matching_summary', { edition: isolate(data.edition.name), needs: formatNumber(names.language, data.needs.length), offers: formatNumber(names.language, data.offers) })}
          </p>
          {data.needs.length === 0 && <p>{t('gateway.matching_no_needs')}</p>}
          <ol className="matching-needs">
            {data.needs.map((need) => (
              <li key={need.question} className="card matching-need" data-question={need.question}>
                <h2>
                  <span className="muted">{need.number}</span> <RecordText text={need.text} />
                </h2>
                <p className="small">{names.gca(need.indicator)}</p>
                {need.offers.length === 0 ? (
                  <p className="small muted">{t('gateway.matching_no_offers')}</p>
                ) : (
                  <ul className="matching-offers">
                    {need.offers.map((offer) => (
                      <li key={offer.id} data-record={offer.id} data-reach={offer.reach}>
                        <Link to={gatewayPages.record(offer.id)}>
                          <RecordText text={offer.record.title} />
                        </Link>
                        <span className="small">
                          {' '}
                          · {t(REACH[offer.reach])}
                          {typeof offer.record.provider === 'string' && (
                            <>
                              {' '}
                              · <UserText text={offer.record.provider} />
                            </>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
