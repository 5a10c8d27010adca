import { and, eq } from 'drizzle-orm';
import type { ChangeRoleInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { lockStewardsAsSteward, lockTargetKeepingSteward } from './stewardship';
import { publish } from '../realtime/event-bus';

/** A steward changes a member's role (their own included), never leaving the assembly without a steward. */
export async function changeMemberRole(
  db: Db,
  actorId: string,
  assemblyId: string,
  targetUserId: string,
  input: ChangeRoleInput,
) {
  const result = await db.transaction(async (tx) => {
    const stewards = await lockStewardsAsSteward(tx, assemblyId, actorId, 'STEWARDS_ONLY_CHANGE_ROLES');
    const before = await lockTargetKeepingSteward(
      tx,
      assemblyId,
      stewards,
      targetUserId,
      input.role,
      'LAST_STEWARD',
    );
    if (before === input.role) return { userId: targetUserId, role: before, changed: false };
    await tx
      .update(membership)
      .set({ role: input.role })
      .where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, targetUserId)));
    await appendAssemblyLog(tx, {
      assemblyId,
      actorId,
      action: 'member.role_changed',
      subjectUserId: targetUserId,
      details: { from: before, to: input.role },
    });
    return { userId: targetUserId, role: input.role, changed: true };
  });
  if (result.changed) publish({ type: 'member.role_changed', assemblyId, userId: targetUserId, role: result.role });
  return result;
}
