'use client';

import { useTranslations } from 'next-intl';
import { useApiAction } from '@/app/_lib/use-api-action';
import { ConfirmStep } from './confirm-step';

/** A steward removes a member from the assembly, after confirming. */
export function RemoveMemberButton({ assemblyId, userId, name }: { assemblyId: string; userId: string; name: string }) {
  const t = useTranslations('members');
  const { run, pending, error, refresh } = useApiAction();

  async function remove() {
    const result = await run(`/api/assemblies/${assemblyId}/members/${userId}`, 'DELETE');
    if (result.ok) refresh();
  }

  return (
    <ConfirmStep
      label={t('remove')}
      ariaLabel={t('removeLabel', { name })}
      question={t('removeConfirm', { name })}
      confirmLabel={t('removeYes')}
      pendingLabel={t('removing')}
      pending={pending}
      error={error}
      onConfirm={remove}
    />
  );
}
