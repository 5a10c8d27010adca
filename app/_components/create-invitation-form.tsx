'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import type { Role } from '@/core/roles';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { InvitationLink } from './invitation-link';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

const MAX_DAYS = LIMITS.invitationMaxHours / 24;

/** Creates an invitation link and shows it once; `roles` are those the member may hand out. */
export function CreateInvitationForm({ assemblyId, roles }: { assemblyId: string; roles: Role[] }) {
  const t = useTranslations('invitations.create');
  const tRoles = useTranslations('roles');
  const tSentence = useTranslations('rolesInSentence');
  const { run, pending, error, refresh } = useApiAction();
  const [created, setCreated] = useState<{ url: string; role: Role } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = new FormData(event.currentTarget);
    const result = await run<{ url: string; role: Role }>(`/api/assemblies/${assemblyId}/invitations`, 'POST', {
      role: String(form.get('role')),
      expiresInHours: Number(form.get('days')) * 24,
      maxUses: Number(form.get('maxUses')),
    });
    if (result.ok) {
      setCreated({ url: result.data.url, role: result.data.role });
      refresh();
    }
  }

  return (
    <div className="space-y-6">
      {created ? <InvitationLink url={created.url} roleLabel={tSentence(created.role)} /> : null}
      <form method="post" onSubmit={onSubmit} className="space-y-4">
        <div>
          <label htmlFor="invitation-role" className={ui.label}>
            {t('role')}
          </label>
          <select id="invitation-role" name="role" defaultValue="member" className={`${ui.input} mt-1`}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('days')}
            hint={t('daysHint', { max: MAX_DAYS })}
            name="days"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DAYS}
            step={1}
            defaultValue={7}
            required
          />
          <TextField
            label={t('maxUses')}
            hint={t('maxUsesHint')}
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.invitationMaxUses}
            step={1}
            defaultValue={1}
            required
          />
        </div>
        <FormError message={error} />
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
      </form>
    </div>
  );
}
