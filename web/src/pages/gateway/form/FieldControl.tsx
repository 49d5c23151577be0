/**
 * One field of the propose / correct form, edited by the control its kind calls for (`form-model.ts`): its
 * label in the reader's language, a hint where the format needs one, the value's names in the reader's
 * language, and the server's problems with it underneath.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GCA_INDICATOR_PILLAR, YEAR_MAX, YEAR_MIN } from '../../../../../shared/gateway/record-types.ts';
import type { Language } from '../../../../../shared/i18n/languages.ts';
import type { ApiProblem } from '../../../api/client.ts';
import type { FormField, FormValue } from '../form-model.ts';
import { useGatewayNames, type GatewayNames } from '../useGatewayNames.ts';
import { describedBy, FieldProblems } from './FieldProblems.tsx';
import { CheckboxesControl, PickerControl, type Option } from './ListControls.tsx';
import { TextsControl } from './TextsControl.tsx';

/** The values of a list field as options, named in the reader's language. */
function optionsOf(field: FormField, names: GatewayNames): Option[] {
  const { kind, name } = field.spec;
  if (kind === 'country-list') return names.countryOptions.map((c) => ({ value: c.code, label: c.name }));
  if (kind === 'region-list') return field.options.map((code) => ({ value: code, label: names.region(code) }));
  if (kind === 'indicator-list') return field.options.map((id) => ({ value: id, label: names.gca(id), group: names.gca(GCA_INDICATOR_PILLAR.get(id) ?? '') }));
  if (kind === 'pillar-list') return field.options.map((id) => ({ value: id, label: names.gca(id) }));
  return field.options.map((value) => ({ value, label: names.value(name, value) }));
}

/** The hint under a field whose format is not evident from its control. */
function hintKey(field: FormField): string | undefined {
  if (field.spec.name === 'source_url') return 'gateway.hint_source_url';
  if (field.spec.name === 'last_verified') return 'gateway.hint_last_verified';
  if (field.control === 'partial-date') return 'gateway.hint_partial_date';
  if (field.control === 'lines') return 'gateway.hint_lines';
  if (field.control === 'codes') return 'gateway.hint_codes';
  return undefined;
}

export function FieldControl({
  field,
  value,
  languages,
  problems,
  onChange,
}: {
  field: FormField;
  value: FormValue;
  languages: readonly Language[];
  problems: readonly ApiProblem[];
  onChange: (value: FormValue) => void;
}) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const id = useId();
  const hintId = useId();
  const problemsId = useId();
  const { spec, control } = field;

  if (control === 'texts') {
    return <TextsControl spec={spec} languages={languages} value={value as Partial<Record<Language, string>>} problems={problems} onChange={onChange} />;
  }

  const hint = hintKey(field);
  const invalid = problems.length > 0;
  const described = describedBy(hint && hintId, invalid && problemsId);
  const text = typeof value === 'string' ? value : '';
  const common = { id, name: spec.name, required: spec.required, 'aria-invalid': invalid || undefined, 'aria-describedby': described };
  let input: ReactNode;
  switch (control) {
    case 'line':
      input = <input type="text" dir="auto" maxLength={spec.max ?? 500} value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'literal':
      input = <input type={spec.kind === 'email' ? 'email' : 'url'} dir="ltr" value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      input = <input type="date" value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'partial-date':
      input = <input type="text" dir="ltr" inputMode="numeric" value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'year':
      input = <input type="number" dir="ltr" min={YEAR_MIN} max={YEAR_MAX} step={1} value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'lines':
      input = <textarea rows={3} dir={spec.kind === 'url-list' ? 'ltr' : 'auto'} value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'codes':
      input = <input type="text" dir="ltr" value={text} {...common} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'select':
    case 'country': {
      const options = control === 'country' ? names.countryOptions.map((c) => ({ value: c.code, label: c.name })) : optionsOf(field, names);
      input = (
        <select value={text} {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{spec.required ? t('gateway.select_choose') : t('gateway.select_none')}</option>
          {/* A value the list does not offer (a country code ICU does not name) stays visible while it is chosen. */}
          {text && !options.some((o) => o.value === text) && <option value={text}>{text}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'checkboxes':
    case 'picker': {
      const chosen = Array.isArray(value) ? (value as readonly string[]) : [];
      const options = optionsOf(field, names);
      // Checkboxes are their own labels: the group is a fieldset named by the field.
      if (control === 'checkboxes') {
        return (
          <fieldset className="field" data-field={spec.name}>
            <legend>
              {names.field(spec.name)}
              {spec.required && <span className="required-mark"> {t('gateway.required')}</span>}
            </legend>
            <CheckboxesControl name={spec.name} options={options} value={chosen} invalid={invalid} describedBy={described} onChange={onChange} />
            <FieldProblems id={problemsId} problems={problems} />
          </fieldset>
        );
      }
      input = <PickerControl id={id} name={spec.name} options={options} value={chosen} invalid={invalid} describedBy={described} onChange={onChange} />;
      break;
    }
  }
  return (
    <div className="field" data-field={spec.name}>
      <label htmlFor={id}>
        {names.field(spec.name)}
        {spec.required && <span className="required-mark"> {t('gateway.required')}</span>}
      </label>
      {input}
      {hint && (
        <p id={hintId} className="muted small">
          {t(hint)}
        </p>
      )}
      <FieldProblems id={problemsId} problems={problems} />
    </div>
  );
}
