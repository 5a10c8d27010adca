'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveEvent, Subscription } from '@/core/realtime-events';
import { callApi, type ApiFailure } from './api-client';
import { useLiveEvents } from './use-live-events';

/** What a page knows of something it reads from the API and keeps current. */
export interface LiveResource<T> {
  /** The last answer read; kept while a later read fails, so a hiccup does not blank the page. */
  data: T | null;
  loading: boolean;
  /** The last read's failure, cleared by the next success. */
  error: ApiFailure | null;
  /** Reads it again now (after the member's own action, say). */
  reload: () => void;
}

/** Events are coalesced: a burst (quick replies, many stances) costs one read. */
const RELOAD_DELAY_MS = 100;

/**
 * Reads `url` from the API, and reads it again on every event of `types` in
 * `room` and after every reconnection (events missed offline are not
 * replayed: the resource is). Events carry only ids, so what is shown is
 * always what the API says under its access rules.
 */
export function useLiveResource<T>(url: string, room: Subscription, types: readonly LiveEvent['type'][]): LiveResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  // Answers can arrive out of order: only the latest request may set the state.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    void callApi<T>(url, 'GET').then((result) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.data);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [url]);

  const schedule = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, RELOAD_DELAY_MS);
  }, [reload]);

  useEffect(() => {
    reload();
    return () => {
      // A late answer must not land in an unmounted page.
      generation.current++;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [reload]);

  useLiveEvents(room, types, schedule, { onReconnect: schedule });
  return { data, loading, error, reload };
}

/** The proposal room of `proposalId`, stable across renders. */
export function useProposalRoom(proposalId: string): Subscription {
  return useMemo(() => ({ proposalId }), [proposalId]);
}
