/**
 * Evidence from the Gateway (what it needs of the Gateway's pages is small and pure, so its chunk stays apart): the published records on the country that concern the question (its indicator,
 * else its pillar), each cited in one click as a public link to its Gateway page. The Gateway is public, so
 * citing a record reveals nothing; a record already cited says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Evidence } from '../../../api/cycle-types.ts';
import { gatewayPages, type PublishedRecord } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useAction } from '../../../components/useAction.ts';
import { Link } from '../../../router.tsx';
import { displayText } from '../../gateway/display-text.ts';
import { typeKey } from '../../gateway/gateway-labels.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { citable, type Citable } from './gateway-evidence.ts';

/** A record's title in the reader's language where it has one, marked with the language it is in. */
function RecordTitle({ title }: { title: unknown }) {
  const { t } = useTranslation();
  const shown = displayText(title, currentLanguage());
  if (!shown) return <span className="muted">{t('gateway.untitled')}</span>;
  return (
    <bdi lang={shown.language} dir={shown.dir}>
      {shown.text}
    </bdi>
  );
}

interface GatewayEvidenceProps {
  records: readonly PublishedRecord[];
  question: { indicator: string; pillar: string };
  evidence: readonly Evidence[];
  answerPath: string;
  onAdded(item: Evidence): void;
}

export function GatewayEvidence({ records, question, evidence, answerPath, onAdded }: GatewayEvidenceProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cite = useAction();
  const [citing, setCiting] = useState<string>();
  const found = citable(records, question, evidence, window.location.origin);

  const handleCite = async (item: Citable) => {
    setCiting(item.record.id);
    const title = displayText(item.record.record.title, language)?.text;
    let added: Evidence | undefined;
    const body = { url: item.url, visibility: 'public', ...(title ? { title: title.slice(0, 200) } : {}) };
    if (await cite.run(async () => (added = await api<Evidence>('POST', `${answerPath}/links`, body)))) onAdded(added!);
    setCiting(undefined);
  };

  return (
    <div className="gateway-evidence">
      <p className="evidence-heading">{t('cycle.gateway_evidence')}</p>
      {found.length === 0 ? (
        <p className="muted small">{t('cycle.gateway_evidence_none')}</p>
      ) : (
        <ul className="gateway-evidence-list">
          {found.map((item) => (
            <li key={item.record.id}>
              <span className="type-badge">{t(typeKey(item.record.type))}</span> <Link to={gatewayPages.record(item.record.id)}>
                <RecordTitle title={item.record.record.title} />
              </Link>
              {item.match === 'pillar' && <span className="muted small"> · {t('cycle.gateway_evidence_pillar')}</span>}{' '}
              {item.cited ? (
                <span className="muted small">{t('cycle.gateway_evidence_cited')}</span>
              ) : (
                <button type="button" className="button-secondary" disabled={citing !== undefined} onClick={() => void handleCite(item)}>
                  {t('cycle.gateway_evidence_cite')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('cycle.gateway_evidence_hint')}</p>
      <ErrorNotice error={cite.error} />
    </div>
  );
}
