/**
 * The profile's evidence (editions run as a cycle): the links and files the country's answers rest on, as far
 * as the reader may see them (the server leaves out restricted evidence for anyone but the assessment team,
 * the reviewers and the country's focal point), by question, each with who may see it. Links open in a new
 * tab; files at their download address. Printed, each address is written out.
 */
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../api/cycle-types.ts';
import { UserText } from '../../../../components/UserText.tsx';
import { currentLanguage } from '../../../../i18n/i18n.ts';
import { formatNumber } from '../../../../i18n/format.ts';
import type { Framework } from '../../../../../../shared/assessment/framework.ts';
import { QuestionNumber } from '../../../assessment-cycle/cycle-parts.tsx';
import { textIn, VISIBILITY } from '../../../assessment-cycle/cycle-labels.ts';
import { evidenceHref, orderEvidence, type FrameworkPlaces } from '../profile-parts.ts';

function EvidenceItem({ item, places }: { item: Evidence; places: FrameworkPlaces }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const question = places.question(item.question);
  const visibility = VISIBILITY[item.visibility];
  return (
    <li data-evidence={item.id} data-kind={item.kind} data-visibility={item.visibility}>
      <p className="evidence-line">
        {question && <QuestionNumber number={question.number} />}{' '}
        <a href={evidenceHref(item, window.location.origin)} target="_blank" rel="noopener noreferrer">
          <UserText text={item.name || item.url} />
        </a>{' '}
        <span className={`visibility-badge visibility-${item.visibility}`} title={t(visibility.meaning)}>
          {t(visibility.name)}
        </span>{' '}
        <span className="muted small">
          {item.kind === 'link' ? t('cycle.evidence_link') : t('cycle.evidence_file')}
          {item.size !== null && ` · ${t('cycle.size_kib', { size: formatNumber(language, Math.max(1, Math.round(item.size / 1024))) })}`}
        </span>
      </p>
      {question && <UserText block className="muted small evidence-question" text={textIn(question.text, language)} />}
    </li>
  );
}

export function EvidenceSection({ evidence, framework, places }: { evidence: readonly Evidence[]; framework: Framework | null | undefined; places: FrameworkPlaces }) {
  const { t } = useTranslation();
  return (
    <section className="profile-section profile-evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('assessment.country.evidence')}</h2>
      <p className="muted small">{t('assessment.country.evidence_intro')}</p>
      {evidence.length === 0 ? (
        <p>{t('assessment.country.evidence_none')}</p>
      ) : (
        <ul className="profile-evidence-list">
          {orderEvidence(evidence, framework).map((item) => (
            <EvidenceItem key={item.id} item={item} places={places} />
          ))}
        </ul>
      )}
    </section>
  );
}
