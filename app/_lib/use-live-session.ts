'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveSession, type LiveSnapshot } from './live-session';

const STARTING: LiveSnapshot = { connection: 'connecting', save: 'saved', loaded: false, closed: null, retries: 0 };
const noSubscription = () => () => {};
const starting = () => STARTING;

/**
 * Opens a {@link LiveSession} on the proposal's text while the component is
 * mounted. It is made in an effect: there is no WebSocket during server
 * rendering. Null until then. Each new `generation` replaces the session
 * with a fresh one read from the server (after the server closed it for
 * good because its edits could not be kept, see {@link isDiscardClose}).
 */
export function useLiveSession(proposalId: string, generation = 0): LiveSession | null {
  const [session, setSession] = useState<LiveSession | null>(null);
  useEffect(() => {
    const opened = new LiveSession(proposalId);
    setSession(opened);
    return () => {
      setSession(null);
      opened.release();
    };
  }, [proposalId, generation]);
  return session;
}

/** The session's connection and save state, re-rendering when it changes. */
export function useLiveSnapshot(session: LiveSession | null): LiveSnapshot {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? starting, starting);
}
