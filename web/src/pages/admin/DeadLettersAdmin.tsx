/**
 * The hub's dead letters, for platform administrators: every subscription's deliveries given up after every
 * retry failed, the latest first, a page at a time, narrowed to one owner or one channel; each sent back to
 * the queue or discarded. The server sends names and errors only, never a webhook's secret or address.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertPaths, type AlertDeadLetterPage, type DeadLetterFilter } from '../../api/alert-types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../components/useApi.ts';
import { DeadLetterTable } from '../alerts/DeadLetterTable.tsx';

const CHANNELS = ['webhook', 'email', 'in-app'] as const;

export function DeadLettersAdmin() {
  const { t } = useTranslation();
  const ids = { owner: useId(), channel: useId() };
  const [draft, setDraft] = useState<DeadLetterFilter>({ owner: '', channel: '' });
  const [filter, setFilter] = useState<DeadLetterFilter>(draft);
  // The cursors of the pages before this one (the first page has none), to step back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useApi<AlertDeadLetterPage>(alertPaths.hubDeadLetters(filter, cursor));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
    setCursors([undefined]);
  };
  const list = page.data?.dead_letters ?? [];
  return (
    <section aria-labelledby="admin-dead-letters">
      <h2 id="admin-dead-letters">{t('alerts.hub_dead_letters')}</h2>
      <p className="muted small">{t('alerts.hub_dead_letters_hint')}</p>
      <form className="filters" role="search" onSubmit={handleSubmit} aria-label={t('alerts.dead_letter_filters')}>
        <div className="field">
          <label htmlFor={ids.owner}>{t('alerts.owner')}</label>
          <input id={ids.owner} dir="ltr" autoComplete="off" value={draft.owner} placeholder={t('alerts.owner_hint')} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.channel}>{t('alerts.channel')}</label>
          <select id={ids.channel} value={draft.channel} onChange={(e) => setDraft({ ...draft, channel: e.target.value as DeadLetterFilter['channel'] })}>
            <option value="">{t('alerts.every_channel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`alerts.channel_${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit">{t('alerts.show')}</button>
        </div>
      </form>
      <ErrorNotice error={page.error} />
      {page.loading && !page.data && <Loading />}
      {page.data && list.length === 0 && <p className="muted">{t('alerts.no_dead_letters')}</p>}
      {page.data && (
        <DeadLetterTable withOwner letters={list.map((d) => ({ ...d, subscriptionName: d.subscription_name, ownerName: d.owner_name }))} onChanged={page.reload} />
      )}
      {(cursors.length > 1 || page.data?.next) && (
        <div className="toolbar">
          {cursors.length > 1 && (
            <button type="button" className="button-secondary" disabled={page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('alerts.previous_page')}
            </button>
          )}
          {page.data?.next && (
            <button type="button" className="button-secondary" disabled={page.loading} onClick={() => setCursors((c) => [...c, page.data!.next!])}>
              {t('alerts.next_page')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
