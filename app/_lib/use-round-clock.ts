'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs` while the component is
 * mounted, so that "closes in 5 minutes" stays true without a reload.
 * Null until mounted: the server's clock and the browser's differ, and a
 * relative time rendered on the server would not match the browser's.
 */
export function useRoundClock(intervalMs = 15_000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
