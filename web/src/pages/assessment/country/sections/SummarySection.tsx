/**
 * The profile's summary in the chosen edition: overall score out of 100, tier, rank out of the countries
 * ranked, and for an edition run as a cycle what the result rests on: the country's own answers, or the
 * assessment team's reading of public evidence (marked, since the country did not answer itself).
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../api/assessment.ts';
import type { Basis } from '../../../../api/cycle-types.ts';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { formatScore, OVERALL_MAX } from '../../measures.ts';
import { TierBadge } from '../../TierBadge.tsx';

const BASIS_NOTE: Readonly<Record<Basis, string>> = {
  'self-assessment': 'assessment.country.basis_self_assessment',
  'public-evidence': 'assessment.country.basis_public_evidence',
};

export function SummarySection({ entry, basis }: { entry: HistoryEntry; basis: Basis | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="profile-section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('assessment.country.summary')}</h2>
      <dl className="profile-facts">
        <div>
          <dt>{t('assessment.overall')}</dt>
          <dd className="profile-overall">
            <data value={String(entry.overall)}>{t('assessment.country.out_of', { score: formatScore(language, entry.overall), max: formatNumber(language, OVERALL_MAX) })}</data>
          </dd>
        </div>
        <div>
          <dt>{t('assessment.results.tier')}</dt>
          <dd className="profile-tier">
            <TierBadge tier={entry.tier} />
          </dd>
        </div>
        <div>
          <dt>{t('assessment.results.rank')}</dt>
          <dd className="profile-rank" data-rank={entry.rank} data-of={entry.countries}>
            {t('assessment.country.rank_of', { rank: formatNumber(language, entry.rank), count: entry.countries, formatted: formatNumber(language, entry.countries) })}
          </dd>
        </div>
      </dl>
      {basis && (
        <p className={`basis-note basis-${basis}`} data-basis={basis}>
          {t(BASIS_NOTE[basis])}
        </p>
      )}
    </section>
  );
}
