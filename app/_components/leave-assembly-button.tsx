'use client';

import { useTranslations } from 'next-intl';
import { useApiAction } from '@/app/_lib/use-api-action';
import { ConfirmStep } from './confirm-step';

/** Leaves the assembly after confirming; the server refuses when the last steward tries. */
export function LeaveAssemblyButton({ assemblyId, assemblyName }: { assemblyId: string; assemblyName: string }) {
  const t = useTranslations('members.leave');
  const { run, pending, error, router } = useApiAction();

  async function leave() {
    const result = await run(`/api/assemblies/${assemblyId}/leave`, 'POST', {});
    if (result.ok) {
      router.push('/assemblies');
      router.refresh();
    }
  }

  return (
    <ConfirmStep
      label={t('button')}
      question={t('confirm', { assembly: assemblyName })}
      confirmLabel={t('yes')}
      pendingLabel={t('pending')}
      pending={pending}
      error={error}
      onConfirm={leave}
    />
  );
}
