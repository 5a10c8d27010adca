'use client';

import type { DecisionRule, StanceChoice } from '@/core/decision-rules';
import type { LifecycleAction } from '@/core/proposal-lifecycle';
import type { ProposalStatus } from '@/core/proposal-status';
import { ROUND_EVENT_TYPES } from '@/core/realtime-events';
import type { Tally } from '@/core/tally';
import type { ApiFailure } from './api-client';
import { useLiveResource, useProposalRoom } from './use-live-resource';

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

/**
 * A proposal's round (status, decision, stances, tally, motions), read from
 * the API and read again on every round event of the proposal's room and
 * after every reconnection. The page's other parts follow the status from
 * here (or from the event) rather than through a page refresh: a refresh that
 * fails offline makes Next load the whole page, dropping unsaved edits.
 */
export function useRound(proposalId: string): RoundState {
  const { data, error, reload } = useLiveResource<RoundView>(
    `/api/proposals/${proposalId}/decision`,
    useProposalRoom(proposalId),
    ROUND_EVENT_TYPES,
  );
  return { view: data, error, reload };
}
