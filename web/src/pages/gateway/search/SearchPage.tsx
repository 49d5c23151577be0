/**
 * The Gateway's search: one query box that finds records whatever language they are written in (the server
 * reads the query in every language at once), facets with their counts, the results a page at a time, and
 * the export of everything the search finds. The query, the facets chosen and the page are in the address,
 * so a search can be bookmarked, shared and gone back to.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gatewayPages, type SearchAnswer } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link, navigate } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { FACET_NAME } from '../gateway-labels.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { addressOf, chosenFacets, exportHref, filtersOf, isBlank, requestOf, withFacet, withQuery, type SearchFilters } from '../search-address.ts';
import { useGatewayNames } from '../useGatewayNames.ts';
import { FacetPanel } from './FacetPanel.tsx';
import { ResultList } from './ResultList.tsx';

function ChosenFilters({ filters }: { filters: SearchFilters }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const chosen = chosenFacets(filters);
  if (chosen.length === 0) return null;
  return (
    <ul className="chips chosen-filters" aria-label={t('gateway.chosen_filters')}>
      {chosen.map((facet) => (
        <li key={facet}>
          <span>
            {t(FACET_NAME[facet])}: {names.facetValue(facet, filters[facet])}
          </span>
          <Link to={addressOf(withFacet(filters, facet, ''))} className="chip-remove" aria-label={t('gateway.filter_remove', { filter: names.facetValue(facet, filters[facet]) })}>
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ExportLinks({ filters, answer }: { filters: SearchFilters; answer: SearchAnswer }) {
  const { t } = useTranslation();
  // A CSV file holds records of one type: the search must find one type only.
  const oneType = filters.type !== '' || answer.facets.type.length === 1;
  return (
    <p className="export-links small">
      <span>{t('gateway.export')}</span>{' '}
      <a href={exportHref(filters, 'json')} download className="button-link">
        <Icon name="download" /> JSON
      </a>{' '}
      {oneType ? (
        <a href={exportHref(filters, 'csv')} download className="button-link">
          <Icon name="download" /> CSV
        </a>
      ) : (
        <span className="muted">{t('gateway.export_csv_one_type')}</span>
      )}
    </p>
  );
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const rights = gatewayRights(useCaller().user);
  const filters = filtersOf(query);
  const search = useApi<SearchAnswer>(requestOf(filters));
  const [text, setText] = useState(filters.q);
  const inputId = useId();

  // The box follows the address (back, a facet link, a bookmark).
  useEffect(() => setText(filters.q), [filters.q]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(addressOf(withQuery(filters, text)));
  };

  const answer = search.data;
  const counted = (count: number) => ({ count, formatted: formatNumber(names.language, count) });
  return (
    <section className="gateway-search">
      <GatewayTabs />
      <h1 tabIndex={-1}>{t('gateway.search_title')}</h1>
      <p className="muted">{t('gateway.search_intro')}</p>
      <form role="search" className="search-box" onSubmit={handleSubmit}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('gateway.query_label')}
        </label>
        <input id={inputId} type="search" name="q" value={text} dir="auto" maxLength={500} placeholder={t('gateway.query_placeholder')} onChange={(e) => setText(e.target.value)} />
        <button type="submit">
          <Icon name="search" /> {t('gateway.search_submit')}
        </button>
      </form>
      {rights.propose && (
        <p className="small">
          <Link to={gatewayPages.propose()}>{t('gateway.propose_link')}</Link>
        </p>
      )}
      <ChosenFilters filters={filters} />
      <ErrorNotice error={search.error} />
      {search.loading && !answer && <Loading />}
      {answer && (
        <div className="search-layout" aria-busy={search.loading}>
          <div className="search-results">
            <h2 className="summary-line" aria-live="polite">
              {isBlank(filters) ? t('gateway.all_count', counted(answer.total)) : t('gateway.result_count', counted(answer.total))}
            </h2>
            {answer.total === 0 ? <p>{t('gateway.no_results')}</p> : <ResultList records={answer.records} />}
            {(answer.next || filters.cursor) && (
              <nav className="pager toolbar" aria-label={t('gateway.pages')}>
                {filters.cursor && (
                  <Link to={addressOf({ ...filters, cursor: '' })} className="button-link">
                    <Icon name="back" /> {t('gateway.first_page')}
                  </Link>
                )}
                {answer.next && (
                  <Link to={addressOf({ ...filters, cursor: answer.next })} className="button-link" rel="next">
                    {t('gateway.next_page')} <Icon name="next" />
                  </Link>
                )}
              </nav>
            )}
            {answer.total > 0 && <ExportLinks filters={filters} answer={answer} />}
          </div>
          <FacetPanel facets={answer.facets} filters={filters} />
        </div>
      )}
    </section>
  );
}
