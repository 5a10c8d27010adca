import { eq, sql } from 'drizzle-orm';
import type { LedgerEntry } from '../../core/ledger';
import { roundAfter, type Transition } from '../../core/proposal-lifecycle';
import type { ProposalStatus } from '../../core/proposal-status';
import type { Queryable } from '../db/database';
import { proposal, proposalTransition } from '../db/schema';
import { appendLedgerEntry, type LockedProposal } from './ledger-writer';

/** A status change just recorded. */
export interface RecordedTransition {
  status: ProposalStatus;
  round: number;
  entry: LedgerEntry;
}

/**
 * Moves a locked proposal to `to` by `transition`: the current status on the
 * proposal row, the change itself as an append-only row, and its ledger
 * entry, all in the caller's transaction. `actorId` null: the system made
 * it (a deadline), and the ledger names {@link SYSTEM_ACTOR}.
 */
export async function recordTransition(
  tx: Queryable,
  locked: LockedProposal,
  transition: Transition,
  to: ProposalStatus,
  actorId: string | null,
): Promise<RecordedTransition> {
  const round = roundAfter(locked.round, transition);
  await tx.update(proposal).set({ status: to, round, lastActivityAt: sql`now()` }).where(eq(proposal.id, locked.id));
  await tx.insert(proposalTransition).values({ proposalId: locked.id, round, transition, fromStatus: locked.status, toStatus: to, actorId });
  const entry = await appendLedgerEntry(tx, {
    proposalId: locked.id,
    kind: 'proposal.status_changed',
    actorId: actorId ?? SYSTEM_ACTOR,
    data: { transition, from: locked.status, to, round },
  });
  return { status: to, round, entry };
}

/** The ledger's actor for changes nobody made by hand (a decision closing at its deadline). */
export const SYSTEM_ACTOR = 'system';
