'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { SYNC_CLOSE } from '@/core/sync-protocol';
import type { FinalClose } from '@/app/_lib/live-session';
import { withNext } from '@/app/_lib/safe-next';
import { ui } from '@/app/_lib/styles';

type Reason = 'unauthenticated' | 'forbidden' | 'frozen' | 'malformed' | 'tooLarge' | 'other';

const REASONS: Record<number, Reason> = {
  [SYNC_CLOSE.unauthenticated]: 'unauthenticated',
  [SYNC_CLOSE.forbidden]: 'forbidden',
  [SYNC_CLOSE.frozen]: 'frozen',
  [SYNC_CLOSE.malformed]: 'malformed',
  [SYNC_CLOSE.tooLarge]: 'tooLarge',
};

/**
 * Why the server closed the connection for good (4400-4499), and what to do.
 * The client no longer retries, so the page says so rather than spin.
 */
export function ClosedNotice({ close, proposalId, unsaved }: { close: FinalClose; proposalId: string; unsaved: boolean }) {
  const t = useTranslations('editor.closed');
  const reason = REASONS[close.code] ?? 'other';
  const here = `/proposals/${proposalId}`;
  return (
    <div role="alert" data-close-code={close.code} className="space-y-2 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950">
      <p className="font-medium">{t(reason, { code: close.code })}</p>
      {unsaved ? <p>{t('unsaved')}</p> : null}
      <p>
        {reason === 'unauthenticated' ? (
          <Link href={withNext('/sign-in', here)} className={ui.link}>
            {t('signIn')}
          </Link>
        ) : reason === 'forbidden' ? (
          <Link href="/assemblies" className={ui.link}>
            {t('assemblies')}
          </Link>
        ) : (
          // A full page load: a fresh document and connection, not a client-side refresh that keeps this one.
          <a href={here} className={ui.link}>
            {t('reload')}
          </a>
        )}
      </p>
    </div>
  );
}

/**
 * After a 4409 close the page has already read the frozen text again in a
 * new session; this says that what the member typed after the text froze
 * was not kept (it never reached the judged version), until they dismiss it.
 * It takes focus once, since the text they were typing into went read-only
 * under their fingers.
 */
export function DiscardedNotice({ onDismiss }: { onDismiss: () => void }) {
  const t = useTranslations('round.editor');
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <div
      ref={notice}
      role="alert"
      tabIndex={-1}
      data-testid="discarded-notice"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600"
    >
      <p className="font-medium">{t('discarded')}</p>
      <p>{t('discardedHint')}</p>
      <button type="button" className={ui.smallButton} onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
