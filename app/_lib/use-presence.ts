'use client';

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentPeople, type PresentPerson } from './presence-people';

const NOBODY: PresentPerson[] = [];

/** The people present on this proposal's text, kept current from the awareness states. */
export function usePresence(awareness: Awareness | undefined, selfId: string): PresentPerson[] {
  const cache = useRef<{ key: string; people: PresentPerson[] }>({ key: '', people: NOBODY });
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!awareness) return () => {};
      awareness.on('change', notify);
      return () => awareness.off('change', notify);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    if (!awareness) return NOBODY;
    const people = presentPeople(awareness.getStates(), selfId);
    // A stable array while nothing visible changed, or React would render in a loop.
    const key = JSON.stringify(people);
    if (key !== cache.current.key) cache.current = { key, people };
    return cache.current.people;
  }, [awareness, selfId]);
  return useSyncExternalStore(subscribe, getSnapshot, () => NOBODY);
}
