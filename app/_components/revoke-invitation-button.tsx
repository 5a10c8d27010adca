'use client';

import { useTranslations } from 'next-intl';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';

/** Revokes an invitation at once: a revoked link harms no one, and a new one takes a second to make. */
export function RevokeInvitationButton({ assemblyId, invitationId, label }: { assemblyId: string; invitationId: string; label: string }) {
  const t = useTranslations('invitations');
  const { run, pending, error, refresh } = useApiAction();
  const hydrated = useHydrated();

  async function revoke() {
    const result = await run(`/api/assemblies/${assemblyId}/invitations/${invitationId}`, 'DELETE');
    if (result.ok) refresh();
  }

  return (
    <div className="space-y-1">
      <button type="button" onClick={revoke} disabled={pending || !hydrated} aria-label={label} className={ui.smallButton}>
        {pending ? t('revoking') : t('revoke')}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
