/**
 * The search's facets: for each (type, country, region, pillar, language, year) the values the matching
 * records have, with the server's counts, each a link that narrows the search (so it can be opened in a new
 * tab or bookmarked); the value chosen is marked and a link takes it off. Long lists show their first values
 * and the rest on request.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACETS, type Facet } from '../../../../../shared/gateway/record-index.ts';
import type { FacetCount } from '../../../api/gateway-types.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { FACET_NAME } from '../gateway-labels.ts';
import { addressOf, withFacet, type SearchFilters } from '../search-address.ts';
import { useGatewayNames } from '../useGatewayNames.ts';

const SHOWN = 8;

function FacetValues({ facet, counts, filters }: { facet: Facet; counts: readonly FacetCount[]; filters: SearchFilters }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const [all, setAll] = useState(false);
  const chosen = filters[facet];
  // The value chosen is always listed, even when no count comes back for it.
  const values = chosen && !counts.some((c) => c.value === chosen) ? [{ value: chosen, count: 0 }, ...counts] : counts;
  const shown = all ? values : values.slice(0, SHOWN);
  const headingId = `facet-${facet}`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(FACET_NAME[facet])}</h3>
      <ul>
        {shown.map(({ value, count }) => {
          const isChosen = value === chosen;
          return (
            <li key={value}>
              <Link
                to={addressOf(withFacet(filters, facet, isChosen ? '' : value))}
                aria-current={isChosen ? 'true' : undefined}
                className={isChosen ? 'facet-value facet-chosen' : 'facet-value'}
                title={isChosen ? t('gateway.facet_remove') : undefined}
              >
                <span className="facet-name">{names.facetValue(facet, value)}</span>
                <span className="facet-count">{formatNumber(names.language, count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {values.length > SHOWN && (
        <button type="button" className="button-secondary small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('gateway.facet_fewer') : t('gateway.facet_more', { count: values.length - SHOWN, formatted: formatNumber(names.language, values.length - SHOWN) })}
        </button>
      )}
    </section>
  );
}

export function FacetPanel({ facets, filters }: { facets: Record<Facet, FacetCount[]>; filters: SearchFilters }) {
  const { t } = useTranslation();
  const present = FACETS.filter((facet) => facets[facet].length > 0 || filters[facet] !== '');
  return (
    <aside className="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">{t('gateway.facets_title')}</h2>
      {present.length === 0 && <p className="muted small">{t('gateway.facets_none')}</p>}
      {present.map((facet) => (
        <FacetValues key={facet} facet={facet} counts={facets[facet]} filters={filters} />
      ))}
    </aside>
  );
}
