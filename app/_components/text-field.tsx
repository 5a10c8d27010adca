import { useId, type InputHTMLAttributes } from 'react';
import { ui } from '@/app/_lib/styles';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** A sentence under the field (limits, what it is for), linked to the input for screen readers. */
  hint?: string;
}

/** A labelled input with an optional hint. */
export function TextField({ label, hint, id, className, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className={ui.label}>
        {label}
      </label>
      <input id={inputId} aria-describedby={hintId} className={`${ui.input} mt-1`} {...input} />
      {hint ? (
        <p id={hintId} className={ui.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
