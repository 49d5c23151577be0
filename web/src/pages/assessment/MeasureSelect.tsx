/** The choice of what a page shows: the overall score or one pillar. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { measureKey, OVERALL, type Measure } from './measures.ts';

export function MeasureSelect({ label, pillars, value, onChange }: { label: string; pillars: readonly string[]; value: Measure; onChange: (measure: Measure) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <select className="measure-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {[OVERALL, ...pillars].map((measure) => (
          <option key={measure} value={measure}>
            {t(measureKey(measure), { defaultValue: measure })}
          </option>
        ))}
      </select>
    </Field>
  );
}
