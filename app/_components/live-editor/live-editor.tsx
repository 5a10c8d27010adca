'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { isDiscardClose, type LiveSnapshot } from '@/app/_lib/live-session';
import type { PresenceIdentity } from '@/core/presence';
import { useCanWrite } from '@/app/_lib/use-can-write';
import { usePresence } from '@/app/_lib/use-presence';
import { useLiveSession, useLiveSnapshot } from '@/app/_lib/use-live-session';
import { useTypingSignal } from '@/app/_lib/use-typing-signal';
import { ui } from '@/app/_lib/styles';
import { ClosedNotice, DiscardedNotice } from './closed-notice';
import { PresenceList, TypingNotice } from './presence-list';
import { SharedTextEditor, type DissentLink } from './shared-text-editor';
import { ShortcutsHelp } from './shortcuts-help';
import { SyncStatus } from './sync-status';
import './live-editor.css';

/** Why the text cannot change: a decision is open, it was decided (until a reopening), or the proposal was withdrawn. */
export type FrozenReason = 'decision' | 'decided' | 'withdrawn';

/**
 * The proposal's text, written together live: who is here and typing, the
 * connection and save state, the editor with its toolbar, and plain notices
 * for read-only access and for a connection the server ended for good.
 * `canWrite` comes from the member's role; the server enforces it anyway
 * (an observer's edits are dropped, never applied). `frozen` follows the
 * proposal's status: from the decision on (until a reopening) the text is
 * read-only for everyone. A tab that typed just before the text froze is closed by the
 * server with 4409; it then reads the frozen text again in a new session
 * and says that those edits were not kept.
 */
export function LiveEditor({
  proposalId,
  user,
  canWrite: initialCanWrite,
  frozen = null,
  dissents,
  onSnapshot,
}: {
  proposalId: string;
  user: PresenceIdentity;
  canWrite: boolean;
  /**
   * Why nobody may change the text now (the sync server refuses every edit):
   * a decision is open, it was decided (until a reopening), or withdrawn. Null: it may change.
   */
  frozen?: FrozenReason | null;
  /** The dissents panel beside the text, when there is one. */
  dissents?: DissentLink;
  /** Hears the connection and save state (filing a dissent waits for "saved"). */
  onSnapshot?: (snapshot: LiveSnapshot) => void;
}) {
  const t = useTranslations('editor');
  const tr = useTranslations('round.editor');
  const [generation, setGeneration] = useState(0);
  const [discarded, setDiscarded] = useState(false);
  // The server said "frozen" before the page heard of the status change: read-only until the status moves.
  const [frozenByServer, setFrozenByServer] = useState(false);
  const session = useLiveSession(proposalId, generation);
  const snapshot = useLiveSnapshot(session);
  const canWrite = useCanWrite(proposalId, initialCanWrite, snapshot.retries);
  const people = usePresence(session?.provider.awareness, user.id);
  const frozenAs: FrozenReason | null = frozen ?? (frozenByServer ? 'decision' : null);
  const isFrozen = frozenAs !== null;
  const writable = canWrite && !isFrozen && snapshot.loaded && !snapshot.closed;

  useEffect(() => {
    if (!isDiscardClose(snapshot.closed)) return;
    setDiscarded(true);
    setFrozenByServer(true);
    setGeneration((n) => n + 1);
  }, [snapshot.closed]);
  useEffect(() => setFrozenByServer(false), [frozen]);
  useTypingSignal(session?.doc, session?.provider.awareness, writable);

  // The session itself warns before the page unloads with unsaved edits (see LiveSession).
  const unsaved = snapshot.save !== 'saved';
  useEffect(() => onSnapshot?.(snapshot), [onSnapshot, snapshot]);

  return (
    <section aria-labelledby="editor-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="editor-title" className={ui.sectionTitle}>
          {t('title')}
        </h2>
        <PresenceList people={people} />
      </div>
      <SyncStatus connection={snapshot.connection} save={snapshot.save} showSave={snapshot.loaded && (canWrite || unsaved)} />
      {snapshot.closed && !isDiscardClose(snapshot.closed) ? <ClosedNotice close={snapshot.closed} proposalId={proposalId} unsaved={unsaved} /> : null}
      {discarded ? <DiscardedNotice onDismiss={() => setDiscarded(false)} /> : null}
      {frozenAs ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="frozen-notice">
          {tr(`frozen.${frozenAs}`)}
        </p>
      ) : null}
      {!canWrite ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950" data-testid="read-only-notice">
          {t('readOnly')}
        </p>
      ) : null}
      {canWrite && snapshot.connection === 'offline' && unsaved ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">{t('offlineHint')}</p>
      ) : null}
      {session ? (
        <SharedTextEditor key={session.key} session={session} user={user} writable={writable} showToolbar={canWrite && !isFrozen} labelledBy="editor-title" dissents={dissents} />
      ) : (
        <div className="min-h-48 rounded-lg border border-stone-300 bg-white p-4 text-stone-600">{t('loading')}</div>
      )}
      {!snapshot.loaded && session && !snapshot.closed ? <p className={ui.muted}>{t('loading')}</p> : null}
      <TypingNotice people={people} />
      {canWrite && !isFrozen ? <ShortcutsHelp /> : null}
    </section>
  );
}
