import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { Db } from '../db/database';
import { membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { lockStewardsAsSteward, lockTargetKeepingSteward } from './stewardship';

/** A steward removes another member. Their words (proposals, later dissents) stay. */
export async function removeMember(db: Db, actorId: string, assemblyId: string, targetUserId: string) {
  return db.transaction(async (tx) => {
    const stewards = await lockStewardsAsSteward(tx, assemblyId, actorId, 'Only stewards can remove members.');
    if (targetUserId === actorId) throw new AppError('BAD_REQUEST', 'To leave the assembly yourself, use "leave".');
    const role = await lockTargetKeepingSteward(
      tx,
      assemblyId,
      stewards,
      targetUserId,
      'gone',
      'An assembly needs at least one steward.',
    );
    await tx.delete(membership).where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, targetUserId)));
    await appendAssemblyLog(tx, {
      assemblyId,
      actorId,
      action: 'member.removed',
      subjectUserId: targetUserId,
      details: { role },
    });
  });
}
