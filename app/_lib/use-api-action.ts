'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useState, useTransition } from 'react';
import { callApi, NETWORK_ERROR, type ApiFailure, type ApiResult } from './api-client';

/** The language the server writes its error messages in. */
const SERVER_LANGUAGE = 'en';

/**
 * State and helpers for a component that changes something through the API:
 * `run` calls it and records the refusal message, `pending` stays true until
 * both the call and the follow-up refresh are done (so that a button cannot be
 * pressed twice), and `refresh` re-renders the server components around it.
 */
export function useApiAction() {
  const t = useTranslations('errors');
  const locale = useLocale();
  const router = useRouter();
  const [calling, setCalling] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const describe = useCallback(
    (failure: ApiFailure): string => {
      if (failure.code === NETWORK_ERROR && !failure.message) return t('network');
      // The server words its refusals in English, often with specifics (which field, how many
      // seconds to wait): show them as they are in English, and translate the refusal's reason
      // (core/refusals.ts) for readers of other languages.
      const key = `reasons.${failure.reason ?? failure.code}` as Parameters<typeof t>[0];
      if (locale !== SERVER_LANGUAGE && t.has(key)) return t(key);
      return failure.message || t('unknown');
    },
    [t, locale],
  );

  const run = useCallback(
    async <T = unknown>(url: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' = 'POST', body?: unknown): Promise<ApiResult<T>> => {
      setCalling(true);
      setError(null);
      try {
        const result = await callApi<T>(url, method, body);
        if (!result.ok) setError(describe(result.error));
        return result;
      } finally {
        setCalling(false);
      }
    },
    [describe],
  );

  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  return { run, pending: calling || refreshing, error, setError, refresh, router };
}
