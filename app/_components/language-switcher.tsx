'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/i18n/config';
import { useHydrated } from '@/app/_lib/use-hydrated';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Switches the interface language: the choice lives in a cookie that the
 * server reads on every request, so a refresh re-renders the page in it.
 */
export function LanguageSwitcher() {
  const t = useTranslations('nav');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function choose(locale: Locale) {
    if (locale === current) return;
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t('language')} className="inline-flex rounded-md border border-stone-300 bg-white">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-label={t(`languages.${locale}`)}
          aria-pressed={locale === current}
          disabled={pending || !hydrated}
          onClick={() => choose(locale)}
          className="px-2.5 py-1 text-sm font-medium uppercase text-stone-700 first:rounded-l-md last:rounded-r-md hover:bg-stone-100 aria-pressed:bg-stone-800 aria-pressed:text-white"
        >
          {locale}
        </button>
      ))}
    </div>
  );
}
