/**
 * "Have we seen this?": one or many values (one a line, up to 10,000) looked up at once. Each value shows
 * its detected type, the objects holding it that the reader may see (links to their pages, by name), how many
 * organisations reported them, the warning lists it is on, and the sightings of the indicators among them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { LOOKUP_MAX_VALUES, type LookupAnswer } from '../../api/lookup-types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { ObjectLink } from '../../components/ObjectLink.tsx';
import { useAction } from '../../components/useAction.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { valuesOf } from './lookup-values.ts';
import { MatchSightings } from './MatchSightings.tsx';

export function LookupPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<LookupAnswer[]>();
  const [onlyMatches, setOnlyMatches] = useState(false);
  const { busy, error, run } = useAction();
  const values = valuesOf(text);
  const tooMany = values.length > LOOKUP_MAX_VALUES;
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => setAnswers((await api<{ results: LookupAnswer[] }>('POST', '/lookup', { values })).results));
  };
  const n = (value: number) => ({ count: value, formatted: formatNumber(language, value) });
  const shown = answers?.filter((a) => !onlyMatches || a.matches.length > 0) ?? [];
  const matched = answers?.filter((a) => a.matches.length > 0).length ?? 0;
  return (
    <section className="lookup">
      <h1 tabIndex={-1}>{t('lookup.title')}</h1>
      <p>{t('lookup.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => void handleSubmit(event)}>
        <Field label={t('lookup.values')} hint={t('lookup.values_hint', { max: formatNumber(language, LOOKUP_MAX_VALUES) })}>
          <textarea dir="ltr" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <p className="muted small" aria-live="polite">
          {t('lookup.value_count', n(values.length))}
        </p>
        {tooMany && (
          <p className="notice notice-error" role="alert">
            {t('lookup.too_many', { max: formatNumber(language, LOOKUP_MAX_VALUES) })}
          </p>
        )}
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || values.length === 0 || tooMany}>
          {t('lookup.submit')}
        </button>
      </form>
      {answers && (
        <section aria-labelledby="lookup-results">
          <h2 id="lookup-results">{t('lookup.results')}</h2>
          <p className="summary-line">{t('lookup.matched', { ...n(answers.length), matched: formatNumber(language, matched) })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} /> {t('lookup.only_matches')}
          </label>
          <DataTable label={t('lookup.results')} columns={[t('lookup.value'), t('lookup.type'), t('lookup.matches'), t('lookup.organisations'), t('lookup.warning_lists')]}>
            {shown.map((a, i) => (
              <tr key={i} data-value={a.query}>
                <td>
                  <code dir="ltr">{a.query}</code>
                  {a.value !== null && a.value !== a.query && (
                    <p className="muted small">
                      <code dir="ltr">{a.value}</code>
                    </p>
                  )}
                </td>
                <td>{a.type === null ? <span className="muted">{t('lookup.not_observable')}</span> : <code dir="ltr">{a.hash_algorithm ?? a.type}</code>}</td>
                <td>
                  {a.matches.length === 0 ? (
                    <span className="muted">{t('lookup.no_matches')}</span>
                  ) : (
                    <ul className="value-list">
                      {a.matches.map((m) => (
                        <li key={`${m.collection} ${m.id}`}>
                          <ObjectLink object={m} />
                          {m.sightings && <MatchSightings sightings={m.sightings} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{t('lookup.organisations_value', n(a.organisations))}</td>
                <td>
                  {a.warning_lists.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="value-list warning-lists">
                      {a.warning_lists.map((l) => (
                        <li key={l.name}>
                          <bdi dir="auto">{l.name}</bdi>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </section>
  );
}
