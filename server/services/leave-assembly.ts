import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { requireMembership } from './membership-guard';
import { lockStewards, lockTargetKeepingSteward } from './stewardship';
import { publish } from '../realtime/event-bus';

/** A member leaves an assembly; the last steward must name a successor first. */
export async function leaveAssembly(db: Db, userId: string, assemblyId: string) {
  await db.transaction(async (tx) => {
    await requireMembership(tx, assemblyId, userId);
    const stewards = await lockStewards(tx, assemblyId);
    const role = await lockTargetKeepingSteward(
      tx,
      assemblyId,
      stewards,
      userId,
      'gone',
      'LAST_STEWARD_LEAVING',
    );
    await tx.delete(membership).where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, userId)));
    await appendAssemblyLog(tx, { assemblyId, actorId: userId, action: 'member.left', subjectUserId: userId, details: { role } });
  });
  publish({ type: 'member.left', assemblyId, userId });
}
