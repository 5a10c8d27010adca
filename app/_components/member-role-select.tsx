'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ChangeEvent } from 'react';
import { ROLES, type Role } from '@/core/roles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';

interface MemberRoleSelectProps {
  assemblyId: string;
  userId: string;
  name: string;
  role: Role;
}

/**
 * A steward's control over a member's role. The choice applies at once; if
 * the server refuses (say, the last steward stepping down), the select goes
 * back to the role the member still holds and the reason is shown.
 */
export function MemberRoleSelect({ assemblyId, userId, name, role }: MemberRoleSelectProps) {
  const t = useTranslations('members');
  const tRoles = useTranslations('roles');
  const id = useId();
  const { run, pending, error, refresh } = useApiAction();
  const hydrated = useHydrated();
  const [value, setValue] = useState<Role>(role);

  async function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value as Role;
    setValue(next);
    const result = await run(`/api/assemblies/${assemblyId}/members/${userId}`, 'PATCH', { role: next });
    if (result.ok) refresh();
    else setValue(role);
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">
        {t('roleOf', { name })}
      </label>
      <select
        id={id}
        value={value}
        onChange={onChange}
        disabled={pending || !hydrated}
        className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm text-stone-900"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {tRoles(option)}
          </option>
        ))}
      </select>
      {pending ? (
        <span role="status" className="ml-2 text-xs text-stone-600">
          {t('saving')}
        </span>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
