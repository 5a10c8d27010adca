'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ui } from '@/app/_lib/styles';
import { useHydrated } from '@/app/_lib/use-hydrated';
import { FormError } from './form-messages';

interface ConfirmStepProps {
  /** The first button, which only asks. */
  label: string;
  /** The question shown once it was pressed. */
  question: string;
  /** The button that really does it. */
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  /** Accessible name of the first button when its visible label is ambiguous in a list ("Remove" which member?). */
  ariaLabel?: string;
}

/**
 * A destructive action in two steps: a button that asks, then the question
 * with "yes" and "cancel". Focus moves to the question's "yes" button and back
 * to the first button on cancel, so that keyboard users never lose their place.
 */
export function ConfirmStep(props: ConfirmStepProps) {
  const t = useTranslations('common');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const hydrated = useHydrated();

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) askRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={askRef}
        type="button"
        className={ui.smallButton}
        aria-label={props.ariaLabel}
        disabled={!hydrated}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <div className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-sm text-red-950">{props.question}</p>
      <div className="flex flex-wrap gap-2">
        <button ref={confirmRef} type="button" className={ui.dangerButton} disabled={props.pending} onClick={props.onConfirm}>
          {props.pending ? props.pendingLabel : props.confirmLabel}
        </button>
        <button
          type="button"
          className={ui.secondaryButton}
          disabled={props.pending}
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          {t('cancel')}
        </button>
      </div>
      <FormError message={props.error} />
    </div>
  );
}
