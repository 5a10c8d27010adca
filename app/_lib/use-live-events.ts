'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { roomOf, type LiveEvent, type Subscription } from '@/core/realtime-events';
import { eventInRoom, liveClient, type LiveConnection, type LiveRefusal } from './live-events';

/** One room, several, or none (nothing to listen to yet). */
export type LiveRooms = Subscription | readonly Subscription[] | null;

export interface LiveEventOptions {
  /** After a reconnection, once the rooms are joined again: re-read what may have been missed. */
  onReconnect?: () => void;
  /** The server refused a room (NOT_FOUND once the membership has ended). */
  onRefused?: (room: Subscription, error: LiveRefusal) => void;
}

function asList(rooms: LiveRooms): readonly Subscription[] {
  if (!rooms) return [];
  return Array.isArray(rooms) ? rooms : [rooms as Subscription];
}

/**
 * Holds the rooms while the component is mounted and calls `onEvent` with
 * their events of the given types (through the tab's one socket: components
 * that want the same room share one subscription). The callbacks may change
 * on every render; only a change of rooms or types resubscribes.
 */
export function useLiveEvents(
  rooms: LiveRooms,
  types: readonly LiveEvent['type'][],
  onEvent: (event: LiveEvent) => void,
  options: LiveEventOptions = {},
): void {
  const list = asList(rooms);
  const roomsKey = list.map(roomOf).sort().join(' ');
  const typesKey = [...types].sort().join(' ');
  const latest = useRef({ list, onEvent, options });
  useEffect(() => {
    latest.current = { list, onEvent, options };
  });

  useEffect(() => {
    const subscriptions = latest.current.list;
    if (subscriptions.length === 0) return;
    const wanted = new Set(typesKey.split(' '));
    const client = liveClient();
    const stopEvents = client.onEvent((event) => {
      if (wanted.has(event.type) && subscriptions.some((room) => eventInRoom(event, room))) latest.current.onEvent(event);
    });
    const stopReconnect = client.onReconnect(() => latest.current.options.onReconnect?.());
    const leaves = subscriptions.map((room) => client.join(room, (error) => latest.current.options.onRefused?.(room, error)));
    return () => {
      stopEvents();
      stopReconnect();
      for (const leave of leaves) leave();
    };
  }, [roomsKey, typesKey]);
}

const idle = (): LiveConnection => 'idle';
const noSubscription = () => () => {};

/** The tab's live connection state ('idle' during server rendering). */
export function useLiveConnection(): LiveConnection {
  const subscribe = useCallback((listener: () => void) => liveClient().subscribeState(listener), []);
  const getSnapshot = useCallback(() => liveClient().getState(), []);
  return useSyncExternalStore(typeof window === 'undefined' ? noSubscription : subscribe, getSnapshot, idle);
}

/**
 * `router.refresh()` at most once per `delayMs`: a burst of events (a steward
 * removing several members) re-renders the server components once, and they
 * re-read everything through the normal access rules. `cancel` drops a
 * refresh not yet started (the page is gone).
 */
export function useDebouncedRefresh(delayMs = 150): { schedule: () => void; cancel: () => void } {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const schedule = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, delayMs);
  }, [router, delayMs]);
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ schedule, cancel }), [schedule, cancel]);
}
