'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DISSENT_EVENT_TYPES } from '@/core/realtime-events';
import { callApi, type ApiFailure } from './api-client';
import type { DissentList } from '@/core/dissent-views';
import { useLiveEvents } from './use-live-events';

/** What the panel knows of a proposal's dissents. */
export interface DissentsState {
  /** The last list read; kept while a later read fails, so a hiccup does not blank the panel. */
  list: DissentList | null;
  loading: boolean;
  /** The last read's failure, cleared by the next success. */
  error: ApiFailure | null;
  /** Reads the list again now. */
  reload: () => void;
}

/** Events are coalesced: a burst (someone replying quickly) costs one read. */
const RELOAD_DELAY_MS = 100;

/**
 * A proposal's dissents, read from the API and read again on every dissent
 * or reply event of its room and after every reconnection (events missed
 * offline are not replayed: the list is). Events carry only ids, so the
 * list is always what the API says under its access rules.
 */
export function useDissents(proposalId: string): DissentsState {
  const [list, setList] = useState<DissentList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  // Answers can arrive out of order: only the latest request may set the state.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    void callApi<DissentList>(`/api/proposals/${proposalId}/dissents`, 'GET').then((result) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (result.ok) {
        setList(result.data);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [proposalId]);

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
      // A late answer must not land in an unmounted panel.
      generation.current++;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [reload]);

  const room = useMemo(() => ({ proposalId }), [proposalId]);
  useLiveEvents(room, DISSENT_EVENT_TYPES, schedule, { onReconnect: schedule });

  return { list, loading, error, reload };
}
