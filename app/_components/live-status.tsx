'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveConnection } from '@/app/_lib/use-live-events';

/** How long an announcement stays on screen. */
const SHOWN_MS = 12_000;

/** The latest announcement and a way to make one; it fades after a while. */
export function useAnnouncement(): { message: { text: string; serial: number } | null; announce: (text: string) => void } {
  const [message, setMessage] = useState<{ text: string; serial: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((text: string) => {
    setMessage((current) => ({ text, serial: (current?.serial ?? 0) + 1 }));
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), SHOWN_MS);
  }, []);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return { message, announce };
}

/**
 * A discreet line next to a list that updates by itself: what just changed
 * ("New proposal: …"), and whether live updates are paused. A polite live
 * region: screen readers read it when they are idle, never interrupting.
 */
export function LiveStatus({ message }: { message: { text: string; serial: number } | null }) {
  const t = useTranslations('live');
  const connection = useLiveConnection();
  const paused = connection === 'offline' || connection === 'reconnecting';
  return (
    <p role="status" data-testid="live-status" data-connection={connection} className="min-h-5 text-sm text-stone-600">
      {paused ? (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2 rounded-full bg-amber-500" />
          {t('paused')}
        </span>
      ) : message ? (
        // A new node per announcement: the same words twice are read twice.
        <span key={message.serial}>{message.text}</span>
      ) : null}
    </p>
  );
}
