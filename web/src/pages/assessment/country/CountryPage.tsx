/**
 * A country's profile: its name and UN M49 region, then for one edition (`?edition=`, else the newest with a
 * result) its summary, pillars, strengths and areas for growth, and its history across editions. Each part is
 * a section of its own (`sections/`), so a richer profile (needs, indicator-level strengths, evidence) adds
 * sections without reworking the page. It prints as a clean report (the stylesheet's print rules).
 */
import { useTranslation } from 'react-i18next';
import type { CountryHistory } from '../../../api/assessment.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { isolate } from '../../../components/UserText.tsx';
import { Link, navigate } from '../../../router.tsx';
import { countryPath, editionsPath, maxOf, pillarsOf, resultsPath } from '../measures.ts';
import { useNames } from '../names.ts';
import { HistorySection } from './sections/HistorySection.tsx';
import { PillarsSection } from './sections/PillarsSection.tsx';
import { StrengthsSection } from './sections/StrengthsSection.tsx';
import { SummarySection } from './sections/SummarySection.tsx';

export function CountryPage({ country, query }: { country: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useNames();
  const code = country.toUpperCase();
  const { data, error, loading } = useApi<CountryHistory>(`/assessment/countries/${encodeURIComponent(code)}`);
  const editions = data?.editions ?? [];
  const asked = query.get('edition');
  const found = asked === null ? undefined : editions.find((e) => e.edition.name.toLowerCase() === asked.toLowerCase());
  const entry = found ?? editions.at(-1);
  const pillars = pillarsOf(editions);
  const max = maxOf('pillar', pillars.length || undefined);

  return (
    <section className="country-profile">
      <p className="breadcrumb">
        {entry ? (
          <Link to={resultsPath(entry.edition.name)}>
            <Icon name="back" /> {t('assessment.country.back', { edition: isolate(entry.edition.name) })}
          </Link>
        ) : (
          <Link to={editionsPath()}>
            <Icon name="back" /> {t('assessment.editions.title')}
          </Link>
        )}
      </p>
      <h1 tabIndex={-1}>{names.country(code)}</h1>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="profile-region">
            {names.region(data.region)}
            {data.sub_region && <> · {names.region(data.sub_region)}</>}
          </p>
          {!entry && <p>{t('assessment.country.no_results')}</p>}
          {asked !== null && !found && entry && <p className="muted">{t('assessment.country.edition_missing', { edition: isolate(asked), shown: isolate(entry.edition.name) })}</p>}
          {entry && (
            <>
              <div className="toolbar profile-tools">
                <Field label={t('assessment.country.edition')}>
                  <select value={entry.edition.name} onChange={(event) => navigate(countryPath(code, event.target.value), true)}>
                    {editions.map((e) => (
                      <option key={e.edition.id} value={e.edition.name}>
                        {e.edition.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <button type="button" className="button-secondary" onClick={() => window.print()}>
                  {t('assessment.country.print')}
                </button>
              </div>
              <p className="print-only profile-edition">{t('assessment.country.in_edition', { edition: isolate(entry.edition.name) })}</p>
              <SummarySection entry={entry} />
              <PillarsSection entry={entry} country={code} pillars={pillars} max={max} names={names} />
              <StrengthsSection pillars={entry.pillars} order={pillars} max={max} names={names} />
              <HistorySection country={code} editions={editions} chosen={entry.edition.name} pillars={pillars} names={names} />
            </>
          )}
        </>
      )}
    </section>
  );
}
