'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { PASSWORD_LIMITS } from '@/app/_lib/password';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError, FormSuccess } from './form-messages';
import { NewPasswordField } from './new-password-field';
import { SubmitButton } from './submit-button';

/** Sets a new password with the token from a reset link, then offers to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('resetPassword');
  const { run, pending, error, setError } = useApiAction();
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    // Checked here only: the server never sees the confirmation, it exists to catch a typo.
    if (newPassword !== String(form.get('confirmPassword') ?? '')) {
      setError(t('mismatch'));
      return;
    }
    const result = await run('/api/auth/reset-password', 'POST', { newPassword, token });
    if (result.ok) setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <FormSuccess message={t('done')} />
        <Link href="/sign-in" className={ui.primaryButton}>
          {t('signIn')}
        </Link>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <NewPasswordField label={t('newPassword')} hint={t('hint', { min: PASSWORD_LIMITS.min })} name="newPassword" />
      <NewPasswordField label={t('confirm')} name="confirmPassword" />
      <FormError message={error} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
