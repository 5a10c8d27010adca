'use client';

import { ui } from '@/app/_lib/styles';
import { useHydrated } from '@/app/_lib/use-hydrated';

interface SubmitButtonProps {
  pending: boolean;
  label: string;
  /** What the button says while the request runs (it is disabled meanwhile). */
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
}

/** A form's submit button that cannot be pressed twice while its request runs, nor before the page is interactive. */
export function SubmitButton({ pending, label, pendingLabel, variant = 'primary' }: SubmitButtonProps) {
  const hydrated = useHydrated();
  const style = variant === 'danger' ? ui.dangerButton : variant === 'secondary' ? ui.secondaryButton : ui.primaryButton;
  return (
    <button type="submit" className={style} disabled={pending || !hydrated}>
      {pending ? pendingLabel : label}
    </button>
  );
}
