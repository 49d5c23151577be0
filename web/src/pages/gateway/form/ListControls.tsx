/**
 * Fields that hold several chosen values: a short list as checkboxes (a law's kinds, the GCA pillars), a long
 * one as a picker (countries, UN M49 areas, GCA indicators): choose one in the list and add it; what is chosen
 * shows as chips, each with a button taking it off.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
  /** Options under a heading (GCA indicators by pillar). */
  group?: string;
}

export function CheckboxesControl({ name, options, value, invalid, describedBy, onChange }: { name: string; options: readonly Option[]; value: readonly string[]; invalid: boolean; describedBy: string | undefined; onChange: (value: string[]) => void }) {
  const toggle = (option: string, on: boolean) => onChange(on ? options.map((o) => o.value).filter((v) => v === option || value.includes(v)) : value.filter((v) => v !== option));
  return (
    <div className="checkbox-grid" aria-describedby={describedBy}>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="checkbox" name={name} value={option.value} checked={value.includes(option.value)} aria-invalid={invalid || undefined} onChange={(e) => toggle(option.value, e.target.checked)} />{' '}
          {option.label}
        </label>
      ))}
    </div>
  );
}

export function PickerControl({ id, name, options, value, invalid, describedBy, onChange }: { id: string; name: string; options: readonly Option[]; value: readonly string[]; invalid: boolean; describedBy: string | undefined; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const listId = useId();
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const left = options.filter((o) => !value.includes(o.value));
  const groups = [...new Set(left.map((o) => o.group ?? ''))];
  const handleAdd = () => {
    if (!choice) return;
    onChange([...value, choice]);
    setChoice('');
  };
  return (
    <div className="picker">
      <div className="inline-form">
        <select id={id} name={name} value={choice} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('gateway.picker_choose')}</option>
          {groups.map((group) => {
            const items = left.filter((o) => (o.group ?? '') === group).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ));
            return group ? (
              <optgroup key={group} label={group}>
                {items}
              </optgroup>
            ) : (
              items
            );
          })}
        </select>
        <button type="button" className="button-secondary" disabled={!choice} onClick={handleAdd}>
          {t('gateway.picker_add')}
        </button>
      </div>
      {value.length > 0 && (
        <ul className="chips" id={listId} aria-label={t('gateway.picker_chosen')}>
          {value.map((item) => (
            <li key={item}>
              <span>{labelOf.get(item) ?? item}</span>
              <button type="button" className="chip-remove" aria-label={t('gateway.picker_remove', { item: labelOf.get(item) ?? item })} onClick={() => onChange(value.filter((v) => v !== item))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
