/**
 * The collection browser: the latest version of each object the caller may see, newest first, narrowed by
 * free text (names and descriptions), type, TLP marking, date added and the organisation that shared it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { TLP_NAMES, type Collection, type ObjectSummary, type Organisation } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ObjectTable } from '../../components/ObjectTable.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Link, navigate } from '../../router.tsx';
import { exportHref } from '../collections/CollectionsPage.tsx';
import { addressOf, COMMON_TYPES, filtersOf, requestOf, type Filters } from './filters.ts';

interface Results {
  objects: ObjectSummary[];
  next: string | null;
}

function FilterForm({ collectionId, filters }: { collectionId: string; filters: Filters }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const ids = { q: useId(), type: useId(), from: useId(), to: useId(), organisation: useId(), types: useId() };
  useEffect(() => setDraft(filters), [filters]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(addressOf(collectionId, draft));
  };
  const toggleTlp = (level: (typeof TLP_NAMES)[number]) =>
    setDraft((d) => ({ ...d, tlp: d.tlp.includes(level) ? d.tlp.filter((l) => l !== level) : [...d.tlp, level] }));

  return (
    <form className="filters" role="search" onSubmit={handleSubmit} aria-label={t('browse.filters')}>
      <div className="field field-wide">
        <label htmlFor={ids.q}>{t('browse.free_text')}</label>
        <input id={ids.q} type="search" dir="auto" value={draft.q} placeholder={t('browse.free_text_hint')} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{t('browse.type')}</label>
        <input
          id={ids.type}
          list={ids.types}
          dir="ltr"
          value={draft.types.join(',')}
          placeholder="indicator,malware"
          onChange={(e) => setDraft({ ...draft, types: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })}
        />
        <datalist id={ids.types}>
          {COMMON_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <fieldset className="field">
        <legend>{t('browse.marking')}</legend>
        <div className="checkbox-row">
          {TLP_NAMES.map((level) => (
            <label key={level} className="checkbox">
              <input type="checkbox" checked={draft.tlp.includes(level)} onChange={() => toggleTlp(level)} />
              <TlpBadge tlp={level} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.from}>{t('browse.added_from')}</label>
        <input id={ids.from} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('browse.added_to')}</label>
        <input id={ids.to} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </div>
      {organisations.data && (
        <div className="field">
          <label htmlFor={ids.organisation}>{t('browse.organisation')}</label>
          <select id={ids.organisation} value={draft.organisation} onChange={(e) => setDraft({ ...draft, organisation: e.target.value })}>
            <option value="">{t('browse.any_organisation')}</option>
            {organisations.data.organisations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-actions">
        <button type="submit">
          <Icon name="search" /> {t('browse.search')}
        </button>
        <button type="button" className="button-secondary" onClick={() => navigate(addressOf(collectionId, filtersOf(new URLSearchParams())))}>
          {t('browse.clear')}
        </button>
      </div>
    </form>
  );
}

export function CollectionPage({ collectionId, query }: { collectionId: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const search = query.toString();
  const [filters, setFilters] = useState(() => filtersOf(query));
  const [results, setResults] = useState<Results>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const collection = collections.data?.collections.find((c) => c.id === collectionId);

  useEffect(() => setFilters(filtersOf(new URLSearchParams(search))), [search]);

  const load = async (next?: string) => {
    setLoading(true);
    try {
      const page = await api<Results>('GET', requestOf(collectionId, filters, next));
      setResults((before) => (next && before ? { objects: [...before.objects, ...page.objects], next: page.next } : page));
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught)));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setResults(undefined);
    void load();
  }, [collectionId, filters]);

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/collections">
          <Icon name="back" /> {t('nav.collections')}
        </Link>
      </p>
      <h1 tabIndex={-1}>{collection ? <UserText text={collection.title} /> : t('browse.title')}</h1>
      <div className="toolbar">
        {collection?.can_write && (
          <Link className="button-link" to={`/import?collection=${encodeURIComponent(collectionId)}`}>
            <Icon name="upload" /> {t('collections.import')}
          </Link>
        )}
        <a className="button-link" href={exportHref(collectionId)} download>
          <Icon name="download" /> {t('collections.export')}
        </a>
      </div>
      <FilterForm collectionId={collectionId} filters={filters} />
      <ErrorNotice error={error} />
      {loading && !results && <Loading />}
      {results && (
        <>
          <p role="status" className="summary-line">
            {results.next ? t('browse.shown_more', { count: results.objects.length, formatted: formatNumber(currentLanguage(), results.objects.length) }) : t('browse.shown', { count: results.objects.length, formatted: formatNumber(currentLanguage(), results.objects.length) })}
          </p>
          {results.objects.length > 0 && <ObjectTable objects={results.objects} caption={t('browse.results')} />}
          {results.next && (
            <button type="button" className="button-secondary" disabled={loading} onClick={() => void load(results.next ?? undefined)}>
              {t('browse.load_more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
