/** A tier, named in the reader's language, on the colour the map gives it. */
import { useTranslation } from 'react-i18next';
import { bandsOf, inkOn, NO_RESULT } from './colour-scale.ts';
import { OVERALL } from './measures.ts';

const TIER_COLOURS = new Map(bandsOf(OVERALL).map((band) => [band.tier, band.colour]));

export function TierBadge({ tier }: { tier: string }) {
  const { t } = useTranslation();
  const colour = TIER_COLOURS.get(tier) ?? NO_RESULT;
  return (
    <span className="tier" data-tier={tier} style={{ background: colour, color: inkOn(colour) }}>
      {t(`assessment.tier.${tier}`, { defaultValue: tier })}
    </span>
  );
}
