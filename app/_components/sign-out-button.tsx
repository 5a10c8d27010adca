'use client';

import { useTranslations } from 'next-intl';
import { useApiAction } from '@/app/_lib/use-api-action';
import { ui } from '@/app/_lib/styles';
import { useHydrated } from '@/app/_lib/use-hydrated';

/** Ends the session, then reloads from the start page so that nothing of the signed-in view stays cached. */
export function SignOutButton() {
  const t = useTranslations('nav');
  const { run, pending, error } = useApiAction();
  const hydrated = useHydrated();

  async function signOut() {
    const result = await run('/api/auth/sign-out', 'POST', {});
    if (result.ok) window.location.assign('/');
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={signOut} disabled={pending || !hydrated} className={ui.smallButton}>
        {pending ? t('signingOut') : t('signOut')}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
