'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { callApi } from '@/app/_lib/api-client';
import type { DissentList, DissentView } from '@/core/dissent-views';

/**
 * The dissents that are new to this member during this visit: those the
 * server called new on any read since the page opened. Marking them seen
 * (below) makes the server stop calling them new, but the marks stay until
 * the member leaves, so that they can still find what was new. `onArrived`
 * hears each dissent by someone else that appears while the page is open.
 */
export function useNewHere(list: DissentList | null, onArrived: (dissent: DissentView) => void): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const known = useRef<Set<string> | null>(null);
  const arrived = useRef(onArrived);
  useEffect(() => {
    arrived.current = onArrived;
  });
  useEffect(() => {
    if (!list) return;
    const fresh = list.dissents.filter((dissent) => dissent.isNew).map((dissent) => dissent.id);
    setIds((current) => (fresh.every((id) => current.has(id)) ? current : new Set([...current, ...fresh])));
    // The first read is what was there already; later reads bring what arrived live.
    if (known.current) {
      for (const dissent of list.dissents) if (!known.current.has(dissent.id) && !dissent.mine) arrived.current(dissent);
    }
    known.current = new Set(list.dissents.map((dissent) => dissent.id));
  }, [list]);
  return ids;
}

/**
 * Tells the server that this member has seen the dissents up to the ledger's
 * head, once the panel is actually on screen (on a narrow screen it sits
 * under the text, and a dissent scrolled past unseen is not "seen").
 */
export function useMarkSeen(proposalId: string, list: DissentList | null, panel: RefObject<HTMLElement | null>): void {
  const [visible, setVisible] = useState(false);
  const sent = useRef(0);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((entry) => entry.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [panel]);
  const head = list?.ledgerHead?.seq ?? 0;
  const seen = list?.seenSeq ?? 0;
  useEffect(() => {
    if (!visible || head <= seen || head <= sent.current) return;
    sent.current = head;
    // Best effort: if it fails, the dissents are simply still new on the next visit.
    void callApi(`/api/proposals/${proposalId}/dissents/seen`, 'POST', { seq: head });
  }, [proposalId, visible, head, seen]);
}
