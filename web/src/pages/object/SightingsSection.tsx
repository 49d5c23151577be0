/**
 * An indicator's sightings: their aggregate as the reader may see them, and a form to report one (for the
 * reader's organisation or anonymously) through the Sightings endpoints. Times are entered in UTC (the
 * labels say so) and shown in the reader's time, as everywhere in the UI.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { IndicatorSightings } from '../../api/lookup-types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { EMPTY, sightingBody, type SightingForm } from './sighting-form.ts';

/** `onPosted`: after a sighting is stored (the object's page reloads its relationships, which list it). */
export function SightingsSection({ collectionId, indicatorId, onPosted }: { collectionId: string; indicatorId: string; onPosted?: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const path = `/collections/${encodeURIComponent(collectionId)}/indicators/${encodeURIComponent(indicatorId)}/sightings`;
  const { data, error, loading, reload } = useApi<IndicatorSightings>(path);
  const [form, setForm] = useState<SightingForm>(EMPTY);
  const [posted, setPosted] = useState(false);
  const { busy, error: postError, run } = useAction(reload);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    if (await run(() => api('POST', path, sightingBody(form)))) {
      setForm(EMPTY);
      setPosted(true);
      onPosted?.();
    }
  };
  const n = (value: number) => ({ count: value, formatted: formatNumber(language, value) });
  const when = (value: string | null) => (value ? formatDateTime(language, value) : '—');
  const a = data?.aggregate;
  return (
    <section aria-labelledby="sightings" className="sightings">
      <h2 id="sightings">{t('sightings.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorNotice error={error} />
      {a && (
        <dl className="properties sighting-aggregate" data-sightings={a.sightings}>
          <div>
            <dt>{t('sightings.reports')}</dt>
            <dd>{t('sightings.reports_value', n(a.sightings))}</dd>
          </div>
          <div>
            <dt>{t('sightings.total_count')}</dt>
            <dd>{formatNumber(language, a.total_count)}</dd>
          </div>
          <div>
            <dt>{t('sightings.organisations')}</dt>
            <dd>{t('sightings.organisations_value', n(a.organisations))}</dd>
          </div>
          <div>
            <dt>{t('sightings.anonymous')}</dt>
            <dd>{formatNumber(language, a.anonymous)}</dd>
          </div>
          <div>
            <dt>{t('sightings.first_seen')}</dt>
            <dd>{when(a.first_seen)}</dd>
          </div>
          <div>
            <dt>{t('sightings.last_seen')}</dt>
            <dd>{when(a.last_seen)}</dd>
          </div>
        </dl>
      )}
      <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
        <h3>{t('sightings.report_title')}</h3>
        <Field label={t('sightings.count')}>
          <input type="number" min={0} max={999999999} required value={form.count} onChange={(e) => setForm({ ...form, count: e.target.value })} />
        </Field>
        <Field label={t('sightings.first_seen_utc')}>
          <input type="datetime-local" dir="ltr" value={form.firstSeen} onChange={(e) => setForm({ ...form, firstSeen: e.target.value })} />
        </Field>
        <Field label={t('sightings.last_seen_utc')}>
          <input type="datetime-local" dir="ltr" value={form.lastSeen} onChange={(e) => setForm({ ...form, lastSeen: e.target.value })} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={form.anonymous} onChange={(e) => setForm({ ...form, anonymous: e.target.checked })} /> {t('sightings.anonymous_option')}
        </label>
        <p className="muted small">{t('sightings.anonymous_hint')}</p>
        <ErrorNotice error={postError} />
        {posted && (
          <p role="status" className="notice notice-info">
            {t('sightings.posted')}
          </p>
        )}
        <button type="submit" disabled={busy || form.count === ''}>
          {t('sightings.submit')}
        </button>
      </form>
    </section>
  );
}
