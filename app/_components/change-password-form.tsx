'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { PASSWORD_LIMITS } from '@/app/_lib/password';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError, FormSuccess } from './form-messages';
import { NewPasswordField } from './new-password-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/** Changes the password of the signed-in member and signs out their other sessions. */
export function ChangePasswordForm() {
  const t = useTranslations('account');
  const { run, pending, error } = useApiAction();
  const [changed, setChanged] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const result = await run('/api/auth/change-password', 'POST', {
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
      revokeOtherSessions: true,
    });
    if (result.ok) {
      setChanged(true);
      formElement.reset();
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required />
      <NewPasswordField label={t('newPassword')} hint={t('newPasswordHint', { min: PASSWORD_LIMITS.min })} name="newPassword" />
      <FormError message={error} />
      <FormSuccess message={changed ? t('changed') : null} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
