/**
 * The form of a Gateway record, generic over its type's declaration: the languages the record is written in
 * (chosen by the proposer; each text field then has a box per language), every field by its kind, and a note
 * for the moderators. The server checks the record whole; when it refuses it (`gateway.record_problems`),
 * each problem shows beside its field and those about no field above the form.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordInput, RecordType } from '../../../../../shared/gateway/record-types.ts';
import { LANGUAGES, type Language } from '../../../../../shared/i18n/languages.ts';
import type { ApiError } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { nativeLanguageName } from '../../../i18n/format.ts';
import { emptyValues, formModel, problemsByField, recordOf, type FormValue, type FormValues } from '../form-model.ts';
import { useGatewayNames } from '../useGatewayNames.ts';
import { FieldControl } from './FieldControl.tsx';
import { FieldProblems } from './FieldProblems.tsx';

/** Problems about no field of the form name their place by its JSON path. */
const FIELDLESS: ReadonlySet<string> = new Set();

/** The server's code for a record refused with its problems (an error code, not a UI catalog key). */
const RECORD_PROBLEMS = 'gateway.record_problems';

export interface RecordFormProps {
  type: RecordType;
  /** The record's values and languages to start from (a correction); an empty form in the reader's language otherwise. */
  initial?: { values: FormValues; languages: Language[] };
  submitLabel: string;
  busy: boolean;
  error: ApiError | undefined;
  onSubmit: (record: RecordInput, note: string) => void;
}

export function RecordForm({ type, initial, submitLabel, busy, error, onSubmit }: RecordFormProps) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const fields = useMemo(() => formModel(type), [type]);
  const [values, setValues] = useState<FormValues>(() => initial?.values ?? emptyValues(type));
  const [languages, setLanguages] = useState<Language[]>(() => initial?.languages ?? [names.language]);
  const [note, setNote] = useState('');
  const noteId = useId();
  const otherId = useId();
  const errorRef = useRef<HTMLDivElement>(null);

  const problems = error?.code === RECORD_PROBLEMS ? problemsByField(type, error.problems) : { byField: new Map(), other: [] };

  // After a refusal, the reader is taken to what went wrong.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const setValue = (name: string, value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  const toggleLanguage = (language: Language, on: boolean) => setLanguages((current) => LANGUAGES.filter((l) => (l === language ? on : current.includes(l))));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(recordOf(type, values, languages), note);
  };

  return (
    <form className="stacked-form record-form" onSubmit={handleSubmit} noValidate>
      <div ref={errorRef}>
        <ErrorNotice error={error} />
        <FieldProblems id={otherId} problems={problems.other} fields={FIELDLESS} />
      </div>
      <fieldset className="field record-languages">
        <legend>{t('gateway.record_languages')}</legend>
        <p className="muted small">{t('gateway.record_languages_hint')}</p>
        <div className="checkbox-grid">
          {LANGUAGES.map((language) => (
            <label key={language} className="checkbox">
              <input type="checkbox" name="languages" value={language} checked={languages.includes(language)} onChange={(e) => toggleLanguage(language, e.target.checked)} />{' '}
              <span lang={language}>{nativeLanguageName(language)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {fields.map((field) => (
        <FieldControl
          key={field.spec.name}
          field={field}
          value={values[field.spec.name]!}
          languages={languages}
          problems={problems.byField.get(field.spec.name) ?? []}
          onChange={(value) => setValue(field.spec.name, value)}
        />
      ))}
      <div className="field">
        <label htmlFor={noteId}>{t('gateway.note_label')}</label>
        <textarea id={noteId} name="note" rows={3} dir="auto" maxLength={2_000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('gateway.sending') : submitLabel}
      </button>
    </form>
  );
}
