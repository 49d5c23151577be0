/**
 * The profile's needs (editions run as a cycle): the questions that apply and are not fully in place, in the
 * order the server ranks them (priority: the question's weight × the share of its credit still missing), each
 * with its number and text in the reader's language, its pillar and indicator, how far it is from being in
 * place, its weight, and its priority as high, medium or low with the number itself. The highest ones are
 * listed first; the reader may ask for all of them (and print them so).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileNeed } from '../../../../api/assessment.ts';
import { UserText } from '../../../../components/UserText.tsx';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import { counted, QuestionNumber } from '../../../assessment-cycle/cycle-parts.tsx';
import { textIn } from '../../../assessment-cycle/cycle-labels.ts';
import type { Names } from '../../names.ts';
import { gapOf, priorityLevel, TOP_NEEDS, type FrameworkPlaces, type PriorityLevel } from '../profile-parts.ts';

const PRIORITY: Readonly<Record<PriorityLevel, string>> = {
  high: 'assessment.country.need_priority_high',
  medium: 'assessment.country.need_priority_medium',
  low: 'assessment.country.need_priority_low',
};

function NeedItem({ need, position, highest, places, names }: { need: ProfileNeed; position: number; highest: number; places: FrameworkPlaces; names: Names }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const indicator = places.indicator(need.indicator);
  const gap = gapOf(need);
  const level = priorityLevel(need.priority, highest);
  return (
    <li data-question={need.question} data-pillar={need.pillar} data-indicator={need.indicator} data-priority={level}>
      <span className="need-position">{formatNumber(language, position)}</span>
      <div className="need-body">
        <p className="need-text">
          <QuestionNumber number={need.number} /> <UserText text={textIn(need.text, language)} />
        </p>
        <p className="need-facts small">
          <strong className={`need-priority need-priority-${level}`}>
            <data value={String(need.priority)}>{t(PRIORITY[level], { priority: formatNumber(language, need.priority, { maximumFractionDigits: 2 }) })}</data>
          </strong>
          <span className="need-place">
            {names.measure(need.pillar)}
            {indicator && <> · {textIn(indicator, language)}</>}
          </span>
          <span className={`need-gap need-${gap}`}>
            {gap === 'absent'
              ? t('assessment.country.need_absent')
              : t('assessment.country.need_partial', { missing: formatNumber(language, need.missing, { style: 'percent', maximumFractionDigits: 0 }) })}
          </span>
          <span>{t('assessment.country.need_weight', { weight: formatNumber(language, need.weight, { maximumFractionDigits: 2 }) })}</span>
        </p>
      </div>
    </li>
  );
}

export function NeedsSection({ needs, places, names }: { needs: readonly ProfileNeed[]; places: FrameworkPlaces; names: Names }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [all, setAll] = useState(false);
  const shown = all ? needs : needs.slice(0, TOP_NEEDS);
  // Until the framework is in, the heaviest question among the needs stands for its heaviest.
  const highest = places.highestWeight ?? Math.max(0, ...needs.map((n) => n.weight));
  return (
    <section className="profile-section profile-needs" aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t('assessment.country.needs')}</h2>
      <p className="muted small">{t('assessment.country.needs_intro')}</p>
      {needs.length === 0 ? (
        <p>{t('assessment.country.needs_none')}</p>
      ) : (
        <>
          <p className="needs-count">{t('assessment.country.needs_shown', { shown: formatNumber(language, shown.length), ...counted(language, needs.length) })}</p>
          <ol className="needs-list">
            {shown.map((need, i) => (
              <NeedItem key={need.question} need={need} position={i + 1} highest={highest} places={places} names={names} />
            ))}
          </ol>
          {needs.length > TOP_NEEDS && (
            <button type="button" className="button-secondary" onClick={() => setAll(!all)}>
              {all ? t('assessment.country.needs_show_top', { shown: formatNumber(language, TOP_NEEDS) }) : t('assessment.country.needs_show_all', counted(language, needs.length))}
            </button>
          )}
        </>
      )}
    </section>
  );
}
