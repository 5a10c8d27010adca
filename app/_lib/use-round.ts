'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DecisionRule, StanceChoice } from '@/core/decision-rules';
import type { LifecycleAction } from '@/core/proposal-lifecycle';
import type { ProposalStatus } from '@/core/proposal-status';
import { ROUND_EVENT_TYPES, type LiveEvent } from '@/core/realtime-events';
import type { Tally } from '@/core/tally';
import { callApi, type ApiFailure } from './api-client';
import { useLiveEvents } from './use-live-events';

/** A member named in the round (eligible, standing, moving or signing). */
export interface RoundPerson {
  id: string;
  name: string;
}

/** A member's current stance, with how many times they changed it. */
export interface StanceView {
  member: RoundPerson;
  choice: StanceChoice;
  affectedness: number;
  reason: string | null;
  versionId: string;
  at: string;
  changes: number;
}

/** The latest decision of a proposal, open or closed. */
export interface DecisionView {
  id: string;
  round: number;
  versionId: string;
  rule: DecisionRule;
  eligible: RoundPerson[];
  deadline: string;
  openedAt: string;
  open: boolean;
  closing: null | { outcome: 'adopted' | 'rejected'; reason: 'deadline' | 'early'; closedAt: string };
  tally: Tally;
  everyoneHasStance: boolean;
}

/** A motion to reopen a closed decision, with everyone who signed it (the mover first). */
export interface MotionView {
  id: string;
  round: number;
  mover: RoundPerson;
  reason: string;
  signers: RoundPerson[];
  createdAt: string;
}

/** `GET /api/proposals/:id/decision`, as the server builds it (server/services/get-decision.ts). */
export interface RoundView {
  status: ProposalStatus;
  round: number;
  decision: DecisionView | null;
  stances: StanceView[];
  myStance: StanceView | null;
  canStand: boolean;
  allowedActions: LifecycleAction[];
  motions: MotionView[];
  settings: { affectednessGuidance: string[]; reopenSignatures: number; rule: DecisionRule };
}

/** What the page knows of the proposal's round. */
export interface RoundState {
  /** The last view read; kept while a later read fails. */
  view: RoundView | null;
  error: ApiFailure | null;
  /** Reads the round again now (after the member's own action, say). */
  reload: () => void;
}

/** A burst of stances costs one read. */
const RELOAD_DELAY_MS = 100;

/**
 * A proposal's round (status, decision, stances, tally, motions), read from
 * the API and read again on every round event of the proposal's room and
 * after every reconnection. The page's other parts follow the status from
 * here (or from the event) rather than through a page refresh: a refresh that
 * fails offline makes Next load the whole page, dropping unsaved edits.
 */
export function useRound(proposalId: string): RoundState {
  const [view, setView] = useState<RoundView | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  // Answers can arrive out of order: only the latest request may set the state.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    void callApi<RoundView>(`/api/proposals/${proposalId}/decision`, 'GET').then((result) => {
      if (mine !== generation.current) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setView(result.data);
    });
  }, [proposalId]);

  const schedule = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, RELOAD_DELAY_MS);
  }, [reload]);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [reload]);

  const room = useMemo(() => ({ proposalId }), [proposalId]);
  useLiveEvents(room, ROUND_EVENT_TYPES, (_event: LiveEvent) => schedule(), { onReconnect: schedule });

  return { view, error, reload };
}
