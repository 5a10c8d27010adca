import { and, eq } from 'drizzle-orm';
import { requireMotionSigner } from '../../core/proposal-lifecycle';
import { refuse } from '../../core/refusals';
import type { Db } from '../db/database';
import { reopenMotion, reopenMotionSignature } from '../db/schema';
import { openProposal } from './dissent-guard';
import { appendLedgerEntry } from './ledger-writer';
import { carryIfSigned } from './reopening-carry';
import { announceRoundChange, type RoundChange } from './round-events';

/** Co-signs a reopening motion; the signature that brings it to the number required reopens the proposal. */
export async function signReopeningMotion(db: Db, actorId: string, motionId: string) {
  const [found] = await db.select({ proposalId: reopenMotion.proposalId }).from(reopenMotion).where(eq(reopenMotion.id, motionId));
  if (!found) throw refuse('MOTION_NOT_FOUND');
  const changes = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, found.proposalId, actorId, 'MOTION_NOT_FOUND');
    const [motion] = await tx.select().from(reopenMotion).where(eq(reopenMotion.id, motionId));
    // A motion speaks for the round it was filed in: once the proposal has moved on, it is spent.
    if (motion.round !== proposal.round || !['adopted', 'rejected'].includes(proposal.status)) throw refuse('MOTION_CLOSED');
    requireMotionSigner(proposal.status, role);
    const [already] = await tx
      .select()
      .from(reopenMotionSignature)
      .where(and(eq(reopenMotionSignature.motionId, motionId), eq(reopenMotionSignature.userId, actorId)));
    if (already) throw refuse('MOTION_ALREADY_SIGNED');
    await tx.insert(reopenMotionSignature).values({ motionId, userId: actorId });
    const entry = await appendLedgerEntry(tx, { proposalId: proposal.id, kind: 'motion.signed', actorId, data: { motionId } });
    const changes: RoundChange[] = [{ type: 'motion.signed', assemblyId: proposal.assemblyId, proposalId: proposal.id, actorId, motionId, entry }];
    const carried = await carryIfSigned(tx, proposal, motion, { id: actorId, role });
    if (carried) changes.push(carried);
    return changes;
  });
  changes.forEach(announceRoundChange);
  return { id: motionId, reopened: changes.length > 1 };
}
