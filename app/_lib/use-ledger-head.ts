'use client';

import { useCallback, useEffect, useState } from 'react';
import type { LedgerEntry, LedgerHead } from '@/core/ledger';
import { callApi } from './api-client';
import { acknowledgeHead, checkChain, type HeadCheck } from './ledger-memory';

/** What the page knows of the proposal's ledger. */
export interface LedgerHeadState {
  /** The head of the chain last read, or null before the first read (or for an empty chain). */
  head: LedgerHead | null;
  /** The comparison with the head remembered from earlier visits. */
  check: HeadCheck | null;
  /** The member has read the warning: remember the current head instead. */
  acknowledge: () => void;
}

/**
 * Reads the proposal's ledger whenever `knownSeq` (the head the dissents list
 * reported) moves, and compares the chain with the head this browser
 * remembers. Failures to read are silent: the check simply waits for the
 * next read, and the panel's own error state covers an unreachable server.
 */
export function useLedgerHead(proposalId: string, knownSeq: number | null): LedgerHeadState {
  const [head, setHead] = useState<LedgerHead | null>(null);
  const [check, setCheck] = useState<HeadCheck | null>(null);

  useEffect(() => {
    if (knownSeq === null) return;
    let current = true;
    void callApi<{ entries: LedgerEntry[]; head: LedgerHead | null }>(`/api/proposals/${proposalId}/ledger`, 'GET').then((result) => {
      if (!current || !result.ok) return;
      const entries = result.data.entries;
      const last = entries.at(-1);
      setHead(last ? { seq: last.seq, hash: last.hash } : null);
      setCheck((previous) => {
        const next = checkChain(proposalId, entries);
        // Once rewritten, stay warned until acknowledged, even if a later read extends the new chain.
        return previous?.kind === 'rewritten' && next.kind !== 'rewritten' ? previous : next;
      });
    });
    return () => {
      current = false;
    };
  }, [proposalId, knownSeq]);

  const acknowledge = useCallback(() => {
    acknowledgeHead(proposalId, head);
    setCheck({ kind: 'extends' });
  }, [proposalId, head]);

  return { head, check, acknowledge };
}
