/**
 * A text field in each of the record's languages (its title, summary…): one box per language chosen for the
 * record, each with that language's `lang` and `dir`, so Arabic is typed right to left and spell-checked as
 * Arabic whatever the page's language. A problem about one language's text shows under its box.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../../../../shared/gateway/record-types.ts';
import { directionOf, type Language } from '../../../../../shared/i18n/languages.ts';
import type { ApiProblem } from '../../../api/client.ts';
import { languageOfProblem } from '../form-model.ts';
import { useGatewayNames } from '../useGatewayNames.ts';
import { describedBy, FieldProblems } from './FieldProblems.tsx';

type Texts = Partial<Record<Language, string>>;

function LanguageBox({ spec, language, value, problems, onChange }: { spec: FieldSpec; language: Language; value: string; problems: ApiProblem[]; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const id = useId();
  const problemsId = useId();
  const common = {
    id,
    lang: language,
    dir: directionOf(language),
    value,
    maxLength: spec.max,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-describedby': describedBy(problems.length > 0 && problemsId),
    name: `${spec.name}_${language}`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('gateway.text_in_language', { field: names.field(spec.name), language: names.languageName(language) })}</label>
      {spec.name === 'title' ? (
        <input type="text" {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea rows={spec.max !== undefined && spec.max <= 2_000 ? 3 : 6} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldProblems id={problemsId} problems={problems} />
    </div>
  );
}

export function TextsControl({
  spec,
  languages,
  value,
  problems,
  onChange,
}: {
  spec: FieldSpec;
  languages: readonly Language[];
  value: Texts;
  problems: readonly ApiProblem[];
  onChange: (value: Texts) => void;
}) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const problemsId = useId();
  const general = problems.filter((p) => !languageOfProblem(p) || !languages.includes(languageOfProblem(p)!));
  return (
    <fieldset className="field texts-field" data-field={spec.name}>
      <legend>
        {names.field(spec.name)}
        {spec.required && <span className="required-mark"> {t('gateway.required')}</span>}
      </legend>
      {languages.length === 0 && <p className="muted small">{t('gateway.choose_language_first')}</p>}
      {languages.map((language) => (
        <LanguageBox
          key={language}
          spec={spec}
          language={language}
          value={value[language] ?? ''}
          problems={problems.filter((p) => languageOfProblem(p) === language)}
          onChange={(text) => onChange({ ...value, [language]: text })}
        />
      ))}
      <FieldProblems id={problemsId} problems={general} />
    </fieldset>
  );
}
