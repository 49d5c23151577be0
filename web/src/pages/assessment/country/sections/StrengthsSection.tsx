/**
 * The profile's strengths (at least 75 % in place) and areas for growth (under half), as the profile endpoint
 * gives them: indicators for an edition run as a cycle, each with its pillar; pillars, with their score, for
 * published results from elsewhere.
 */
import { useTranslation } from 'react-i18next';
import type { PillarScores, ProfileArea } from '../../../../api/assessment.ts';
import { isolate } from '../../../../components/UserText.tsx';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { textIn } from '../../../assessment-cycle/cycle-labels.ts';
import { formatScore } from '../../measures.ts';
import type { Names } from '../../names.ts';
import { orderAreas } from '../profile-parts.ts';

type Level = 'indicator' | 'pillar';

/** The rule and the empty line of each list, by level (written out whole for the missing-translation check). */
const TEXTS: Readonly<Record<Level, { strengthsRule: string; noStrengths: string; growthRule: string; noGrowth: string }>> = {
  pillar: {
    strengthsRule: 'assessment.country.strengths_rule',
    noStrengths: 'assessment.country.no_strengths',
    growthRule: 'assessment.country.growth_rule',
    noGrowth: 'assessment.country.no_growth',
  },
  indicator: {
    strengthsRule: 'assessment.country.strengths_rule_indicators',
    noStrengths: 'assessment.country.no_strengths_indicators',
    growthRule: 'assessment.country.growth_rule_indicators',
    noGrowth: 'assessment.country.no_growth_indicators',
  },
};

function AreaList({ items, empty, level, scores, names, className }: { items: readonly ProfileArea[]; empty: string; level: Level; scores: PillarScores; names: Names; className: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const percent = (share: number) => formatNumber(language, share, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.indicator ?? item.pillar} data-pillar={item.pillar} data-indicator={item.indicator ?? undefined}>
          {level === 'indicator' || scores[item.pillar] === undefined ? (
            <>
              {t('assessment.country.indicator_share', { indicator: isolate(textIn(item.title, language)), share: percent(item.share) })}
              {item.indicator !== null && <span className="muted small"> · {names.measure(item.pillar)}</span>}
            </>
          ) : (
            t('assessment.country.pillar_share', { pillar: names.measure(item.pillar), score: formatScore(language, scores[item.pillar]!), share: percent(item.share) })
          )}
        </li>
      ))}
    </ul>
  );
}

export function StrengthsSection({ strengths, growth, level, scores, names }: { strengths: readonly ProfileArea[]; growth: readonly ProfileArea[]; level: Level; scores: PillarScores; names: Names }) {
  const { t } = useTranslation();
  const ordered = orderAreas(strengths, growth);
  const texts = TEXTS[level];
  return (
    <section className="profile-section" aria-labelledby="strengths-heading">
      <h2 id="strengths-heading">{t('assessment.country.strengths_and_growth')}</h2>
      <div className="cards">
        <div className="card">
          <h3>{t('assessment.country.strengths')}</h3>
          <p className="muted small">{t(texts.strengthsRule)}</p>
          <AreaList items={ordered.strengths} empty={t(texts.noStrengths)} level={level} scores={scores} names={names} className="strengths" />
        </div>
        <div className="card">
          <h3>{t('assessment.country.growth')}</h3>
          <p className="muted small">{t(texts.growthRule)}</p>
          <AreaList items={ordered.growth} empty={t(texts.noGrowth)} level={level} scores={scores} names={names} className="growth" />
        </div>
      </div>
    </section>
  );
}
