import { useId, type TextareaHTMLAttributes } from 'react';
import { ui } from '@/app/_lib/styles';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  /** A sentence under the field (format, limits), linked to it for screen readers. */
  hint?: string;
}

/** A labelled multi-line field with an optional hint. */
export function TextAreaField({ label, hint, id, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={fieldId} className={ui.label}>
        {label}
      </label>
      <textarea id={fieldId} rows={rows} aria-describedby={hintId} className={`${ui.input} mt-1`} {...textarea} />
      {hint ? (
        <p id={hintId} className={ui.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
