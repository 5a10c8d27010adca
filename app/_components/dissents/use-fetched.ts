'use client';

import { useCallback, useEffect, useState } from 'react';
import { callApi, type ApiFailure } from '@/app/_lib/api-client';

/** A GET read for as long as a component shows it, again whenever `version` changes. */
export function useFetched<T>(url: string, version: unknown): { data: T | null; error: ApiFailure | null; retry: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void callApi<T>(url, 'GET').then((result) => {
      if (!current) return;
      if (result.ok) {
        setData(result.data);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [url, version, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, retry };
}
