/** The profile's strengths (pillars at 75 % of their maximum or more) and areas for growth (below half of it). */
import { useTranslation } from 'react-i18next';
import type { PillarScores } from '../../../../api/assessment.ts';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { formatScore } from '../../measures.ts';
import type { Names } from '../../names.ts';
import { splitPillars, type PillarShare } from '../pillar-split.ts';

function PillarList({ items, empty, names, className }: { items: readonly PillarShare[]; empty: string; names: Names; className: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.pillar} data-pillar={item.pillar}>
          {t('assessment.country.pillar_share', {
            pillar: names.measure(item.pillar),
            score: formatScore(language, item.score),
            share: formatNumber(language, item.share, { style: 'percent', maximumFractionDigits: 1 }),
          })}
        </li>
      ))}
    </ul>
  );
}

export function StrengthsSection({ pillars, order, max, names }: { pillars: PillarScores; order: readonly string[]; max: number; names: Names }) {
  const { t } = useTranslation();
  const { strengths, growth } = splitPillars(pillars, order, max);
  return (
    <section className="profile-section" aria-labelledby="strengths-heading">
      <h2 id="strengths-heading">{t('assessment.country.strengths_and_growth')}</h2>
      <div className="cards">
        <div className="card">
          <h3>{t('assessment.country.strengths')}</h3>
          <p className="muted small">{t('assessment.country.strengths_rule')}</p>
          <PillarList items={strengths} empty={t('assessment.country.no_strengths')} names={names} className="strengths" />
        </div>
        <div className="card">
          <h3>{t('assessment.country.growth')}</h3>
          <p className="muted small">{t('assessment.country.growth_rule')}</p>
          <PillarList items={growth} empty={t('assessment.country.no_growth')} names={names} className="growth" />
        </div>
      </div>
    </section>
  );
}
