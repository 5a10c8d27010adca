import { randomUUID } from 'node:crypto';
import { reasonHash } from '../../core/ledger-content';
import { requireMotionSigner } from '../../core/proposal-lifecycle';
import type { ReopeningMotionInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { reopenMotion, reopenMotionSignature } from '../db/schema';
import { openProposal } from './dissent-guard';
import { appendLedgerEntry } from './ledger-writer';
import { carryIfSigned } from './reopening-carry';
import { announceRoundChange, type RoundChange } from './round-events';

/**
 * Moves to reopen an adopted or rejected proposal: any writer, with a reason.
 * The mover's signature counts; when that alone is enough (an assembly that
 * requires one), the proposal reopens at once.
 */
export async function fileReopeningMotion(db: Db, actorId: string, proposalId: string, input: ReopeningMotionInput) {
  const { motionId, changes } = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    requireMotionSigner(proposal.status, role);
    const [motion] = await tx
      .insert(reopenMotion)
      .values({ id: randomUUID(), proposalId, round: proposal.round, moverId: actorId, reason: input.reason })
      .returning();
    await tx.insert(reopenMotionSignature).values({ motionId: motion.id, userId: actorId });
    const entry = await appendLedgerEntry(tx, {
      proposalId,
      kind: 'motion.filed',
      actorId,
      data: { motionId: motion.id, round: proposal.round, reasonHash: reasonHash(input.reason) },
    });
    const changes: RoundChange[] = [
      { type: 'motion.filed', assemblyId: proposal.assemblyId, proposalId, actorId, motionId: motion.id, entry },
    ];
    const carried = await carryIfSigned(tx, proposal, motion, { id: actorId, role });
    if (carried) changes.push(carried);
    return { motionId: motion.id, changes };
  });
  changes.forEach(announceRoundChange);
  return { id: motionId, reopened: changes.length > 1 };
}
