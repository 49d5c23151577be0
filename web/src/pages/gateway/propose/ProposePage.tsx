/**
 * Proposing a Gateway record: choose its type (kept in the address, `?type=strategy`), then fill the form its
 * declaration makes. The record waits for a moderator; the page of the new record says so, with any likely
 * duplicates the server found.
 */
import { useTranslation } from 'react-i18next';
import { isRecordType, RECORD_TYPES, type RecordInput, type RecordType } from '../../../../../shared/gateway/record-types.ts';
import { api } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type GatewayRecordView } from '../../../api/gateway-types.ts';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { useAction } from '../../../components/useAction.ts';
import { Link, navigate } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { RecordForm } from '../form/RecordForm.tsx';
import { typeHintKey } from '../gateway-labels.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

function TypeList({ chosen }: { chosen: RecordType | undefined }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  return (
    <ul className="type-choice">
      {RECORD_TYPES.map((type) => (
        <li key={type}>
          <Link to={gatewayPages.propose(type)} aria-current={type === chosen ? 'true' : undefined} className={type === chosen ? 'type-option type-chosen' : 'type-option'}>
            <strong>{names.type(type)}</strong>
            <span className="small muted">{t(typeHintKey(type))}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The kinds of record to choose from; once one is chosen, folded away so the form comes first. */
function TypeChoice({ chosen }: { chosen: RecordType | undefined }) {
  const { t } = useTranslation();
  if (chosen) {
    return (
      <details className="type-details">
        <summary>{t('gateway.change_type')}</summary>
        <TypeList chosen={chosen} />
      </details>
    );
  }
  return (
    <nav aria-labelledby="type-choice">
      <h2 id="type-choice">{t('gateway.choose_type')}</h2>
      <TypeList chosen={chosen} />
    </nav>
  );
}

export function ProposePage({ type }: { type: string | undefined }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const rights = gatewayRights(useCaller().user);
  const chosen = type !== undefined && isRecordType(type) ? type : undefined;
  const { busy, error, run } = useAction();

  const handleSubmit = (record: RecordInput, note: string) => {
    if (!chosen) return;
    void run(async () => {
      const made = await api<GatewayRecordView>('POST', gatewayPaths.records, { type: chosen, record, ...(note.trim() ? { note } : {}) });
      navigate(gatewayPages.record(made.id));
    });
  };

  return (
    <section>
      <GatewayTabs />
      <h1 tabIndex={-1}>{chosen ? t('gateway.propose_title_of', { type: names.type(chosen) }) : t('gateway.propose_title')}</h1>
      <p className="muted">{t('gateway.propose_intro')}</p>
      {!rights.propose && <p className="notice notice-info">{t('gateway.propose_needs_organisation')}</p>}
      <TypeChoice chosen={chosen} />
      {chosen && rights.propose && (
        <section aria-labelledby="record-form-heading">
          <h2 id="record-form-heading">{t('gateway.record_form_heading', { type: names.type(chosen) })}</h2>
          <RecordForm key={chosen} type={chosen} submitLabel={t('gateway.propose_submit')} busy={busy} error={error} onSubmit={handleSubmit} />
        </section>
      )}
    </section>
  );
}
