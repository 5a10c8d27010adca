import { and, isNull, lte, eq } from 'drizzle-orm';
import { closeDecision, type Closer } from '../../core/proposal-lifecycle';
import { everyoneHasStance } from '../../core/tally';
import { refuse } from '../../core/refusals';
import type { Db, Queryable } from '../db/database';
import { decision, decisionClosing } from '../db/schema';
import { loadDecisionState, type DecisionState } from './decision-state';
import { openProposal } from './dissent-guard';
import { appendLedgerEntry, lockProposal, type LockedProposal } from './ledger-writer';
import { isProposalAuthor } from './proposal-authors';
import { announceRoundChange, type RoundChange } from './round-events';
import { recordTransition, SYSTEM_ACTOR } from './transition-writer';

/** Closes `state`'s decision as `closer`, inside the caller's transaction holding the proposal's lock; returns what to announce. */
async function finish(tx: Queryable, locked: LockedProposal, state: DecisionState, closer: Closer, actorId: string | null): Promise<RoundChange[]> {
  const { tally } = state;
  const closed = closeDecision(locked.status, tally.outcome, closer);
  const reason = closer.by === 'deadline' ? 'deadline' : 'early';
  // The primary key on decision_id makes a second closing impossible, whatever races past the checks.
  await tx.insert(decisionClosing).values({
    decisionId: state.decision.id,
    outcome: tally.outcome,
    tally: tally as unknown as Record<string, unknown>,
    reason,
    closedBy: actorId,
  });
  const entry = await appendLedgerEntry(tx, {
    proposalId: locked.id,
    kind: 'decision.closed',
    actorId: actorId ?? SYSTEM_ACTOR,
    data: {
      decisionId: state.decision.id,
      outcome: tally.outcome,
      why: tally.why,
      reason,
      decidingCount: tally.decidingCount,
      quorumMet: tally.quorumMet,
      equal: { ...tally.equal },
      weighted: { ...tally.weighted },
    },
  });
  const recorded = await recordTransition(tx, locked, closed.transition, closed.status, actorId);
  const base = { assemblyId: locked.assemblyId, proposalId: locked.id, actorId };
  return [
    { ...base, type: 'decision.closed', decisionId: state.decision.id, entry },
    { ...base, type: 'proposal.status_changed', status: recorded.status, round: recorded.round, entry: recorded.entry },
  ];
}

/** Closes the proposal's decision before its deadline: its authors only, once every eligible member has a stance. */
export async function closeDecisionEarly(db: Db, actorId: string, proposalId: string) {
  const changes = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    const state = proposal.status === 'decision' ? await loadDecisionState(tx, proposalId) : undefined;
    if (!state || state.closing) throw refuse('NO_OPEN_DECISION');
    const who = { isAuthor: await isProposalAuthor(tx, proposalId, actorId), role };
    return finish(tx, proposal, state, { by: 'authors', who, everyoneHasStance: everyoneHasStance(state.decision.eligibleIds, state.stances) }, actorId);
  });
  changes.forEach(announceRoundChange);
  return { status: changes[1].status };
}

/**
 * Closes every open decision whose deadline has passed, each exactly once:
 * under its proposal's lock the decision is re-read, and one already closed
 * (by another sweep, another node, or its authors) is left alone. Returns how
 * many it closed.
 */
export async function closeDueDecisions(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: decision.id, proposalId: decision.proposalId })
    .from(decision)
    .leftJoin(decisionClosing, eq(decisionClosing.decisionId, decision.id))
    .where(and(isNull(decisionClosing.decisionId), lte(decision.deadline, now)));
  let closed = 0;
  for (const { id, proposalId } of due) {
    const changes = await db.transaction(async (tx) => {
      const locked = await lockProposal(tx, proposalId);
      const state = await loadDecisionState(tx, proposalId);
      if (!state || state.decision.id !== id || state.closing || locked.status !== 'decision') return [];
      return finish(tx, locked, state, { by: 'deadline' }, null);
    });
    changes.forEach(announceRoundChange);
    closed += changes.length > 0 ? 1 : 0;
  }
  return closed;
}

/** When the next open decision's deadline falls, or undefined when none is open. */
export async function nextDeadline(db: Db): Promise<Date | undefined> {
  const [row] = await db
    .select({ deadline: decision.deadline })
    .from(decision)
    .leftJoin(decisionClosing, eq(decisionClosing.decisionId, decision.id))
    .where(isNull(decisionClosing.decisionId))
    .orderBy(decision.deadline)
    .limit(1);
  return row?.deadline;
}
