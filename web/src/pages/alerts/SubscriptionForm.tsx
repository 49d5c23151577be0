/**
 * A new alert subscription: its name, channel (in the app, a webhook, an e-mail address), daily digest, and
 * what it watches (communities, collections, types, labels, a TLP ceiling, observable values). A refusal of
 * the server is shown beside the control its `params.field` names (else above the form); a webhook's secret,
 * answered once when it is made, is shown once, to be copied before it is dismissed.
 */
import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../shared/i18n/error-messages.ts';
import { ALERT_TLP_CEILINGS, alertPaths, type AlertChannel, type NewAlertSubscription } from '../../api/alert-types.ts';
import { api } from '../../api/client.ts';
import type { Collection, Community } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../components/useAction.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { emptyDraft, fieldOfError, subscriptionBody, type DraftField, type SubscriptionDraft } from './alert-form.ts';

const CHANNELS: readonly AlertChannel[] = ['in-app', 'webhook', 'email'];

type Control = ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;

/** A labelled control with its hint and, when the server refused the form for it, the reason beside it. */
function AlertField({ label, hint, problem, children }: { label: ReactNode; hint?: ReactNode; problem: string | undefined; children: Control }) {
  const id = useId();
  const hintId = useId();
  const problemId = useId();
  const described = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': problem ? true : undefined })}
      {hint && (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Checkboxes for picking some of the listed collections or communities. */
function Choices({ legend, items, chosen, onChange }: { legend: string; items: { id: string; name: string }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {items.length === 0 ? (
        <p className="muted small">{t('common.none')}</p>
      ) : (
        <div className="checkbox-row">
          {items.map((item) => (
            <label key={item.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(item.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))} />
              <UserText text={item.name} />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The secret of the webhook just made: shown this once. */
function SecretOnce({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning webhook-secret" role="status">
      <p>{t('alerts.secret_once')}</p>
      <p>
        <code dir="ltr" className="secret-value">
          {secret}
        </code>
      </p>
      <button type="button" className="button-secondary" onClick={onDismiss}>
        {t('alerts.secret_copied')}
      </button>
    </div>
  );
}

export function SubscriptionForm({ collections, communities, onCreated }: { collections: Collection[]; communities: Community[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState<SubscriptionDraft>(emptyDraft);
  const [secret, setSecret] = useState<string>();
  const { busy, error, run } = useAction(onCreated);
  const set = <K extends keyof SubscriptionDraft>(key: K, value: SubscriptionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const field = fieldOfError(error);
  const problem = (name: DraftField) => (error && field === name ? errorMessage(language, error.code, error.params) : undefined);

  const submit = () =>
    run(async () => {
      const created = await api<NewAlertSubscription>('POST', alertPaths.subscriptions, subscriptionBody(draft));
      setSecret(created.secret);
      setDraft(emptyDraft());
    });

  return (
    <section aria-labelledby="alerts-new">
      <h2 id="alerts-new">{t('alerts.new_subscription')}</h2>
      {secret && <SecretOnce secret={secret} onDismiss={() => setSecret(undefined)} />}
      {field === undefined && <ErrorNotice error={error} />}
      <form
        className="stacked-form subscription-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <AlertField label={t('alerts.name')} hint={t('alerts.name_hint')} problem={problem('name')}>
          <input value={draft.name} maxLength={100} onChange={(e) => set('name', e.target.value)} />
        </AlertField>
        <fieldset className="field">
          <legend>{t('alerts.channel')}</legend>
          <div className="checkbox-row">
            {CHANNELS.map((channel) => (
              <label key={channel} className="checkbox">
                <input type="radio" name="channel" value={channel} checked={draft.channel === channel} onChange={() => set('channel', channel)} />
                {t(`alerts.channel_${channel}`)}
              </label>
            ))}
          </div>
          {problem('channel') && <p className="field-error">{problem('channel')}</p>}
        </fieldset>
        {draft.channel === 'webhook' && (
          <>
            <AlertField label={t('alerts.url')} hint={t('alerts.url_hint')} problem={problem('url')}>
              <input type="url" dir="ltr" value={draft.url} required onChange={(e) => set('url', e.target.value)} />
            </AlertField>
            <AlertField label={t('alerts.secret')} hint={t('alerts.secret_hint')} problem={problem('secret')}>
              <input dir="ltr" value={draft.secret} autoComplete="off" onChange={(e) => set('secret', e.target.value)} />
            </AlertField>
          </>
        )}
        {draft.channel === 'email' && (
          <AlertField label={t('alerts.email')} problem={problem('email')}>
            <input type="email" dir="ltr" value={draft.email} required onChange={(e) => set('email', e.target.value)} />
          </AlertField>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={draft.digest} onChange={(e) => set('digest', e.target.checked)} />
          {t('alerts.digest')}
        </label>
        <h3>{t('alerts.what_to_watch')}</h3>
        <p className="muted small">{t('alerts.what_to_watch_hint')}</p>
        <Choices legend={t('alerts.communities')} items={communities.map((c) => ({ id: c.id, name: c.name }))} chosen={draft.communities} onChange={(ids) => set('communities', ids)} />
        {problem('communities') && <p className="field-error">{problem('communities')}</p>}
        <Choices legend={t('alerts.collections')} items={collections.filter((c) => c.can_read).map((c) => ({ id: c.id, name: c.title }))} chosen={draft.collections} onChange={(ids) => set('collections', ids)} />
        {problem('collections') && <p className="field-error">{problem('collections')}</p>}
        <AlertField label={t('alerts.types')} hint={t('alerts.types_hint')} problem={problem('types')}>
          <input dir="ltr" value={draft.types} onChange={(e) => set('types', e.target.value)} />
        </AlertField>
        <AlertField label={t('alerts.labels')} hint={t('alerts.labels_hint')} problem={problem('labels')}>
          <input dir="auto" value={draft.labels} onChange={(e) => set('labels', e.target.value)} />
        </AlertField>
        <AlertField label={t('alerts.max_tlp')} hint={t('alerts.max_tlp_hint')} problem={problem('max_tlp')}>
          <select value={draft.maxTlp} onChange={(e) => set('maxTlp', e.target.value as SubscriptionDraft['maxTlp'])}>
            {ALERT_TLP_CEILINGS.map((tlp) => (
              <option key={tlp} value={tlp}>
                TLP:{tlp.toUpperCase()}
              </option>
            ))}
          </select>
        </AlertField>
        <AlertField label={t('alerts.watch')} hint={t('alerts.watch_hint')} problem={problem('watch')}>
          <textarea dir="ltr" rows={4} value={draft.watch} onChange={(e) => set('watch', e.target.value)} />
        </AlertField>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('alerts.subscribe')}
          </button>
        </div>
      </form>
    </section>
  );
}
