'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import { PASSWORD_LIMITS } from '@/app/_lib/password';
import { withNext } from '@/app/_lib/safe-next';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { NewPasswordField } from './new-password-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/** Creates an account (which also signs in), then continues to `next`. */
export function SignUpForm({ next }: { next: string }) {
  const t = useTranslations('signUp');
  const { run, pending, error } = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run('/api/auth/sign-up/email', 'POST', {
      name: String(form.get('name') ?? '').trim(),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    });
    // A full load, not a client navigation: the header and every cached page must see the new session.
    if (result.ok) window.location.assign(next);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('name')} hint={t('nameHint')} name="name" autoComplete="name" required maxLength={LIMITS.personName} />
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required />
      <NewPasswordField label={t('password')} hint={t('passwordHint', { min: PASSWORD_LIMITS.min })} name="password" />
      <FormError message={error} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
      <p className={ui.muted}>
        {t('haveAccount')}{' '}
        <Link href={withNext('/sign-in', next)} className={ui.link}>
          {t('signIn')}
        </Link>
      </p>
    </form>
  );
}
