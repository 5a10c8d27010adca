import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { lockStewardsAsSteward, lockTargetKeepingSteward } from './stewardship';
import { refuse } from '../../core/refusals';
import { publish } from '../realtime/event-bus';

/** A steward removes another member. Their words (proposals, later dissents) stay. */
export async function removeMember(db: Db, actorId: string, assemblyId: string, targetUserId: string) {
  await db.transaction(async (tx) => {
    const stewards = await lockStewardsAsSteward(tx, assemblyId, actorId, 'STEWARDS_ONLY_REMOVE_MEMBERS');
    if (targetUserId === actorId) throw refuse('USE_LEAVE_INSTEAD');
    const role = await lockTargetKeepingSteward(
      tx,
      assemblyId,
      stewards,
      targetUserId,
      'gone',
      'LAST_STEWARD',
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
  publish({ type: 'member.removed', assemblyId, userId: targetUserId });
}
