/**
 * A country's profile (GET /assessment/countries/{country}/profile): its name and UN M49 region, then for one
 * edition (`?edition=`, else the newest with a result) its summary (with what the result rests on), pillars,
 * strengths and areas for growth, and for an edition run as a cycle its ranked needs and the evidence the
 * reader may see; then its history across editions. Each part is a section of its own (`sections/`). It
 * prints as a clean report (the stylesheet's print rules).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryProfile, Edition, HistoryEntry } from '../../../api/assessment.ts';
import { cyclePaths, type EditionWithFramework } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { isolate } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link, navigate } from '../../../router.tsx';
import { countryPath, editionsPath, maxOf, pillarsOf, resultsPath } from '../measures.ts';
import { useNames, withPillarTitles, type Names } from '../names.ts';
import { placesOf } from './profile-parts.ts';
import { EvidenceSection } from './sections/EvidenceSection.tsx';
import { HistorySection } from './sections/HistorySection.tsx';
import { NeedsSection } from './sections/NeedsSection.tsx';
import { PillarsSection } from './sections/PillarsSection.tsx';
import { StrengthsSection } from './sections/StrengthsSection.tsx';
import { SummarySection } from './sections/SummarySection.tsx';
import { useProfile } from './useProfile.ts';

/** The editions a reader may pick: those with a result for the country, and the one shown if it is not among them. */
function editionChoices(profile: CountryProfile): Edition[] {
  const editions = profile.history.map((e) => e.edition);
  return profile.edition && !editions.some((e) => e.id === profile.edition!.id) ? [...editions, profile.edition] : editions;
}

function EditionProfile({ profile, entry, names }: { profile: CountryProfile & { edition: Edition }; entry: HistoryEntry; names: Names }) {
  const cycle = profile.edition.kind === 'cycle';
  // The framework names the indicators and questions of the needs and the evidence.
  const loaded = useApi<EditionWithFramework>(cycle ? cyclePaths.edition(profile.edition.name) : undefined);
  const framework = loaded.data?.edition.id === profile.edition.id ? loaded.data.framework : undefined;
  const places = useMemo(() => placesOf(framework), [framework]);
  const order = profile.pillars.map((p) => p.id);
  const max = profile.pillars[0]?.max ?? maxOf('pillar', order.length || undefined);
  return (
    <>
      <SummarySection entry={entry} basis={profile.result?.basis ?? null} />
      <PillarsSection entry={entry} country={profile.country} pillars={order} max={max} names={names} />
      <StrengthsSection strengths={profile.strengths} growth={profile.growth} level={cycle ? 'indicator' : 'pillar'} scores={entry.pillars} names={names} />
      {cycle && <NeedsSection needs={profile.needs} places={places} names={names} />}
      {cycle && <EvidenceSection evidence={profile.evidence} framework={framework} places={places} />}
    </>
  );
}

export function CountryPage({ country, query }: { country: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const code = country.toUpperCase();
  const { profile, error, loading, missing } = useProfile(code, query.get('edition'));
  const base = useNames();
  const names = useMemo(() => withPillarTitles(base, profile?.pillars ?? [], language), [base, profile, language]);
  const edition = profile?.edition ?? null;
  const result = profile?.result ?? null;
  const entry: HistoryEntry | undefined = edition && result ? { edition, pillars: result.pillars, overall: result.overall, tier: result.tier, rank: result.rank, countries: result.countries } : undefined;
  const history = profile?.history ?? [];

  return (
    <section className="country-profile">
      <p className="breadcrumb">
        {edition ? (
          <Link to={resultsPath(edition.name)}>
            <Icon name="back" /> {t('assessment.country.back', { edition: isolate(edition.name) })}
          </Link>
        ) : (
          <Link to={editionsPath()}>
            <Icon name="back" /> {t('assessment.editions.title')}
          </Link>
        )}
      </p>
      <h1 tabIndex={-1}>{names.country(code)}</h1>
      <ErrorNotice error={error} />
      {loading && !profile && <Loading />}
      {profile && (
        <>
          <p className="profile-region">
            {names.region(profile.region)}
            {profile.sub_region && <> · {names.region(profile.sub_region)}</>}
          </p>
          {!entry && <p>{t('assessment.country.no_results')}</p>}
          {missing !== null && edition && <p className="muted">{t('assessment.country.edition_missing', { edition: isolate(missing), shown: isolate(edition.name) })}</p>}
          {edition && entry && (
            <>
              <div className="toolbar profile-tools">
                <Field label={t('assessment.country.edition')}>
                  <select value={edition.name} onChange={(event) => navigate(countryPath(code, event.target.value), true)}>
                    {editionChoices(profile).map((e) => (
                      <option key={e.id} value={e.name}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <button type="button" className="button-secondary" onClick={() => window.print()}>
                  {t('assessment.country.print')}
                </button>
              </div>
              <p className="print-only profile-edition">{t('assessment.country.in_edition', { edition: isolate(edition.name) })}</p>
              <EditionProfile profile={{ ...profile, edition }} entry={entry} names={names} />
              <HistorySection country={code} editions={history} chosen={edition.name} pillars={pillarsOf(history)} names={names} />
            </>
          )}
        </>
      )}
    </section>
  );
}
