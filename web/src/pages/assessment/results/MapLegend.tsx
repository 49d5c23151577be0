/** The map's legend, as a list the page lays out in its own direction: each band's colour and range (and tier), then "no result". */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { NO_RESULT, type Band } from '../colour-scale.ts';
import { formatScore } from '../measures.ts';

export function MapLegend({ bands, label }: { bands: readonly Band[]; label: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const range = (band: Band) => t('assessment.results.range', { min: formatScore(language, band.min), max: formatScore(language, band.max) });
  return (
    <ul className="map-legend" aria-label={label}>
      {[...bands].reverse().map((band) => (
        <li key={band.min}>
          <span className="swatch" style={{ background: band.colour }} aria-hidden="true" />
          {band.tier ? (
            <span>
              {t(`assessment.tier.${band.tier}`)} <span className="muted">({range(band)})</span>
            </span>
          ) : (
            <span>{range(band)}</span>
          )}
        </li>
      ))}
      <li>
        <span className="swatch" style={{ background: NO_RESULT }} aria-hidden="true" />
        <span>{t('assessment.results.no_result')}</span>
      </li>
    </ul>
  );
}
