'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { SubmitButton } from './submit-button';

/** Accepts an invitation and opens the assembly it leads to. */
export function JoinButton({ token, assemblyName }: { token: string; assemblyName: string }) {
  const t = useTranslations('join');
  const { run, pending, error, router } = useApiAction();

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run<{ assemblyId: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, 'POST', {});
    if (result.ok) router.push(`/assemblies/${result.data.assemblyId}`);
  }

  return (
    <form method="post" onSubmit={join} className="space-y-3">
      <SubmitButton pending={pending} label={t('accept', { assembly: assemblyName })} pendingLabel={t('pending')} />
      <FormError message={error} />
    </form>
  );
}
