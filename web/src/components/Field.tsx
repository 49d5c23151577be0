/** A labelled form control: the label is tied to the control, a hint (when given) is its description. */
import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

export function Field({ label, hint, children }: { label: ReactNode; hint?: ReactNode; children: ReactElement<{ id?: string; 'aria-describedby'?: string }> }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}
