'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False during server rendering and hydration, true once React runs in the
 * browser. Buttons that call the API stay disabled until then: pressed
 * earlier, a form would fall back to a native GET submission and put its
 * fields (a password!) in the address bar.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
