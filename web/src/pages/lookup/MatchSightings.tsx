/** A matched indicator's sightings in one line: how many reports, the sum of their counts, the window seen. */
import { useTranslation } from 'react-i18next';
import type { SightingAggregate } from '../../api/lookup-types.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';

export function MatchSightings({ sightings }: { sightings: SightingAggregate }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (sightings.sightings === 0) return <p className="muted small">{t('lookup.no_sightings')}</p>;
  return (
    <p className="muted small match-sightings">
      {t('lookup.sightings', { count: sightings.sightings, formatted: formatNumber(language, sightings.sightings), total: formatNumber(language, sightings.total_count) })}
      {sightings.last_seen && <> · {t('lookup.last_seen', { date: formatDateTime(language, sightings.last_seen) })}</>}
    </p>
  );
}
