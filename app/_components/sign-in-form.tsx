'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { withNext } from '@/app/_lib/safe-next';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/** Signs in with email and password, then continues to `next` (already checked to be a local path). */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('signIn');
  const { run, pending, error } = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run('/api/auth/sign-in/email', 'POST', {
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    });
    // A full load, not a client navigation: the header and every cached page must see the new session.
    if (result.ok) window.location.assign(next);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <FormError message={error} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
        <Link href="/forgot-password" className={`${ui.link} text-sm`}>
          {t('forgot')}
        </Link>
      </div>
      <p className={ui.muted}>
        {t('noAccount')}{' '}
        <Link href={withNext('/sign-up', next)} className={ui.link}>
          {t('signUp')}
        </Link>
      </p>
    </form>
  );
}
