import { and, eq, inArray } from 'drizzle-orm';
import { canTakePart } from '../../core/dissent-rules';
import { isMotionCarried, type ReopeningMotion } from '../../core/reopening-motion';
import { requestTransition } from '../../core/proposal-lifecycle';
import type { Role } from '../../core/roles';
import type { Queryable } from '../db/database';
import { membership, reopenMotion, reopenMotionSignature } from '../db/schema';
import { readDecisionSettings } from './decision-settings';
import type { LockedProposal } from './ledger-writer';
import type { RoundChange } from './round-events';
import { recordTransition } from './transition-writer';

/** A motion's signatures, counting only people who are still members (the mover's included). */
export async function motionSignatures(tx: Queryable, motion: typeof reopenMotion.$inferSelect, assemblyId: string) {
  const signers = await tx.select({ userId: reopenMotionSignature.userId }).from(reopenMotionSignature).where(eq(reopenMotionSignature.motionId, motion.id));
  const ids = signers.map((s) => s.userId);
  const members =
    ids.length === 0
      ? []
      : await tx
          .select({ userId: membership.userId, role: membership.role })
          .from(membership)
          .where(and(eq(membership.assemblyId, assemblyId), inArray(membership.userId, ids)));
  const reopening: ReopeningMotion = { moverId: motion.moverId, coSignerIds: ids.filter((id) => id !== motion.moverId) };
  return { reopening, memberIds: members.filter((m) => canTakePart(m.role)).map((m) => m.userId) };
}

/**
 * Reopens the proposal when the motion now has the signatures the assembly
 * requires: back to deliberation in a new round, dissents carried forward
 * (they belong to the proposal, not to a round). Inside the caller's
 * transaction, which holds the proposal's lock. Returns what to announce.
 */
export async function carryIfSigned(
  tx: Queryable,
  locked: LockedProposal,
  motion: typeof reopenMotion.$inferSelect,
  signer: { id: string; role: Role },
): Promise<RoundChange | undefined> {
  const settings = await readDecisionSettings(tx, locked.assemblyId);
  const { reopening, memberIds } = await motionSignatures(tx, motion, locked.assemblyId);
  const carried = isMotionCarried(reopening, settings.reopenSignatures, memberIds);
  if (!carried) return undefined;
  const to = requestTransition(locked.status, 'reopen', { isAuthor: false, role: signer.role }, { motionCarried: true });
  const recorded = await recordTransition(tx, locked, 'reopen', to, signer.id);
  return {
    type: 'proposal.status_changed',
    assemblyId: locked.assemblyId,
    proposalId: locked.id,
    actorId: signer.id,
    status: recorded.status,
    round: recorded.round,
    motionId: motion.id,
    entry: recorded.entry,
  };
}
