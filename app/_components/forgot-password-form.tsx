'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError, FormSuccess } from './form-messages';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/**
 * Asks for a password-reset link. The answer is the same whether or not the
 * account exists, so that the form cannot be used to find out who has one.
 */
export function ForgotPasswordForm() {
  const t = useTranslations('forgotPassword');
  const { run, pending, error } = useApiAction();
  const [sent, setSent] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const form = new FormData(event.currentTarget);
    const result = await run('/api/auth/request-password-reset', 'POST', {
      email: String(form.get('email') ?? '').trim(),
      redirectTo: '/reset-password',
    });
    if (result.ok) setSent(true);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required />
      <FormError message={error} />
      <FormSuccess message={sent ? t('sent') : null} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
        <Link href="/sign-in" className={`${ui.link} text-sm`}>
          {t('back')}
        </Link>
      </div>
    </form>
  );
}
