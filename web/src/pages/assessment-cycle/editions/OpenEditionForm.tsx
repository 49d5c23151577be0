/**
 * Opens an edition (assessment.manage): its name, the framework it asks (newest version unless another is
 * chosen), the due dates of answers and of the review, and the tiers' cut-offs on the overall score (the
 * GCI's by default). Opening leads to the edition's page, where focal points are invited.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIERS } from '../../../../../shared/assessment/scoring.ts';
import { api } from '../../../api/client.ts';
import { cyclePages, cyclePaths, type CycleEdition, type FrameworkSummary } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useAction } from '../../../components/useAction.ts';
import { useApi } from '../../../components/useApi.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { navigate } from '../../../router.tsx';
import { textIn, TIER } from '../cycle-labels.ts';

const frameworkKey = (f: Pick<FrameworkSummary, 'id' | 'version'>) => `${f.id}@${f.version}`;

/** A due day as the last moment of that day (UTC): "due 31 March" leaves the whole of 31 March. */
const endOfDay = (day: string) => `${day}T23:59:59Z`;

export function OpenEditionForm({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const frameworks = useApi<{ frameworks: FrameworkSummary[] }>(cyclePaths.frameworks);
  const choices = frameworks.data?.frameworks ?? [];
  const [name, setName] = useState('');
  const [framework, setFramework] = useState('');
  const [answersDue, setAnswersDue] = useState('');
  const [reviewDue, setReviewDue] = useState('');
  const [tiers, setTiers] = useState(() => DEFAULT_TIERS.map((tier) => ({ ...tier, min: String(tier.min) })));
  const { busy, error, run } = useAction(onOpened);
  const chosen = choices.find((f) => frameworkKey(f) === framework) ?? choices[0];

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const body = {
      name: name.trim(),
      framework: chosen.id,
      framework_version: chosen.version,
      ...(answersDue ? { answers_due: endOfDay(answersDue) } : {}),
      ...(reviewDue ? { review_due: endOfDay(reviewDue) } : {}),
      tiers: tiers.map((tier) => `${tier.code}:${Number(tier.min)}`),
    };
    let opened: CycleEdition | undefined;
    if (await run(async () => (opened = await api<CycleEdition>('POST', cyclePaths.editions, body)))) navigate(cyclePages.edition(opened!.name));
  };

  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
      <h2>{t('cycle.open_edition')}</h2>
      <Field label={t('cycle.edition_name')} hint={t('cycle.edition_name_hint')}>
        <input dir="auto" required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <ErrorNotice error={frameworks.error} />
      <Field label={t('cycle.framework')}>
        <select value={chosen ? frameworkKey(chosen) : ''} onChange={(e) => setFramework(e.target.value)} required>
          {choices.map((f) => (
            <option key={frameworkKey(f)} value={frameworkKey(f)}>
              {f.title ? `${textIn(f.title, language)} — ` : ''}
              {t('cycle.framework_version', { id: f.id, version: f.version })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('cycle.answers_due')}>
        <input type="date" value={answersDue} onChange={(e) => setAnswersDue(e.target.value)} />
      </Field>
      <Field label={t('cycle.review_due')}>
        <input type="date" value={reviewDue} min={answersDue || undefined} onChange={(e) => setReviewDue(e.target.value)} />
      </Field>
      <fieldset className="field">
        <legend>{t('cycle.tiers')}</legend>
        <p className="muted small">{t('cycle.tiers_hint')}</p>
        <div className="tier-grid">
          {tiers.map((tier, i) => (
            <label key={tier.code} className="tier-row">
              <span>{TIER[tier.code] ? t(TIER[tier.code]!) : tier.code}</span>
              <span className="tier-min">
                ≥{' '}
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                  required
                  dir="ltr"
                  value={tier.min}
                  onChange={(e) => setTiers(tiers.map((other, j) => (j === i ? { ...other, min: e.target.value } : other)))}
                />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !chosen || !name.trim()}>
        {t('cycle.open_edition_submit')}
      </button>
    </form>
  );
}
