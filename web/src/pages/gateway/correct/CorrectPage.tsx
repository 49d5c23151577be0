/**
 * Proposing a correction of a published record (anyone who may propose), or, for its proposer, a new version
 * of a record not yet published (after a moderator asked for changes): the record's form, filled with the
 * version shown, sent whole as a new revision that waits for a moderator.
 */
import { useTranslation } from 'react-i18next';
import type { RecordInput } from '../../../../../shared/gateway/record-types.ts';
import { api } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type GatewayRecordView } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { Loading } from '../../../components/Loading.tsx';
import { useAction } from '../../../components/useAction.ts';
import { useApi } from '../../../components/useApi.ts';
import { Link, navigate } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { RecordForm } from '../form/RecordForm.tsx';
import { languagesOf, valuesOf } from '../form-model.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { RecordText } from '../RecordText.tsx';

export function CorrectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const rights = gatewayRights(caller.user);
  const loaded = useApi<GatewayRecordView>(gatewayPaths.record(id));
  const { busy, error, run } = useAction();
  const view = loaded.data;
  const published = view?.status === 'published';
  const ownPending = view?.status === 'pending' && view.proposed_by?.id === caller.user.id;

  const handleSubmit = (record: RecordInput, note: string) => {
    void run(async () => {
      const revised = await api<{ record: GatewayRecordView; revision: number }>('POST', gatewayPaths.revisions(id), { record, ...(note.trim() ? { note } : {}) });
      navigate(`${gatewayPages.record(id)}?sent=${revised.revision}`);
    });
  };

  return (
    <section>
      <GatewayTabs />
      <p className="breadcrumb">
        <Link to={gatewayPages.record(id)}>{view ? <RecordText text={view.record.title} /> : t('gateway.record_title')}</Link>
      </p>
      <h1 tabIndex={-1}>{published || !view ? t('gateway.correct_title') : t('gateway.new_version_title')}</h1>
      <ErrorNotice error={loaded.error} />
      {loaded.loading && !view && <Loading />}
      {view && (
        <>
          <p className="muted">{published ? t('gateway.correct_intro') : t('gateway.new_version_intro')}</p>
          {!rights.propose || !(published || ownPending) ? (
            <p className="notice notice-info">{t('gateway.correct_not_possible')}</p>
          ) : (
            <RecordForm
              type={view.type}
              initial={{ values: valuesOf(view.type, view.record), languages: languagesOf(view.type, view.record) }}
              submitLabel={published ? t('gateway.correct_submit') : t('gateway.new_version_submit')}
              busy={busy}
              error={error}
              onSubmit={handleSubmit}
            />
          )}
        </>
      )}
    </section>
  );
}
