'use client';

import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** How long after the last keystroke someone still counts as typing. */
export const TYPING_IDLE_MS = 2000;

/**
 * Sets the awareness field `typing` while this tab changes the text, and
 * clears it after {@link TYPING_IDLE_MS} without a change. The field is set
 * only when it flips: every awareness change is a message to everyone.
 */
export function useTypingSignal(doc: Y.Doc | undefined, awareness: Awareness | undefined, enabled: boolean): void {
  useEffect(() => {
    if (!doc || !awareness || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (typing: boolean) => {
      if (awareness.getLocalState()?.typing !== typing) awareness.setLocalStateField('typing', typing);
    };
    const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (!transaction.local) return;
      set(true);
      clearTimeout(timer);
      timer = setTimeout(() => set(false), TYPING_IDLE_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      clearTimeout(timer);
      if (awareness.getLocalState()) set(false);
    };
  }, [doc, awareness, enabled]);
}
