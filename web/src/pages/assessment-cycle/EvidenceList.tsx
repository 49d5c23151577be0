/**
 * An answer's evidence: each file or link with who may see it (public: published with the results;
 * restricted: the team, the reviewers and the country's focal point only), and, where allowed, a remove button.
 */
import { useTranslation } from 'react-i18next';
import { api, API } from '../../api/client.ts';
import { cyclePaths, type Evidence } from '../../api/cycle-types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../components/useAction.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { VISIBILITY } from './cycle-labels.ts';

/** The address that serves an evidence item: the file itself, or the link (the server checks who asks). */
export const evidenceHref = (item: Evidence) => (item.kind === 'link' && item.url ? item.url : `${API}${cyclePaths.evidence(item.id)}`);

function EvidenceItem({ item, removable, onRemoved }: { item: Evidence; removable: boolean; onRemoved: (id: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction();
  const visibility = VISIBILITY[item.visibility];
  const remove = () => run(() => api('DELETE', cyclePaths.evidence(item.id))).then((done) => done && onRemoved(item.id));
  return (
    <li>
      <a href={evidenceHref(item)} target="_blank" rel="noopener noreferrer">
        <UserText text={item.name || item.url} />
      </a>{' '}
      <span className={`visibility-badge visibility-${item.visibility}`} title={t(visibility.meaning)}>
        {t(visibility.name)}
      </span>{' '}
      <span className="muted small">
        {item.kind === 'link' ? t('cycle.evidence_link') : t('cycle.evidence_file')}
        {item.size !== null && ` · ${t('cycle.size_kib', { size: formatNumber(language, Math.max(1, Math.round(item.size / 1024))) })}`}
      </span>
      {removable && (
        <button type="button" className="chip-remove" disabled={busy} aria-label={t('cycle.evidence_remove', { name: item.name })} onClick={() => void remove()}>
          ×
        </button>
      )}
      <ErrorNotice error={error} />
    </li>
  );
}

export function EvidenceList({ items, removable = false, onRemoved = () => undefined }: { items: readonly Evidence[]; removable?: boolean; onRemoved?: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted small">{t('cycle.evidence_none')}</p>;
  return (
    <ul className="evidence-list">
      {items.map((item) => (
        <EvidenceItem key={item.id} item={item} removable={removable} onRemoved={onRemoved} />
      ))}
    </ul>
  );
}
