import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { Role } from '../../core/roles';
import type { Tx } from '../db/database';
import { membership } from '../db/schema';

/**
 * Locks the assembly's steward rows and the target's membership, then refuses
 * a change that would leave the assembly without a steward. Locking the
 * steward rows makes two stewards demoting each other at once take turns.
 */
export async function lockMembershipKeepingSteward(
  tx: Tx,
  assemblyId: string,
  targetUserId: string,
  roleAfter: Role | 'gone',
  refusal: string,
): Promise<Role> {
  const stewards = await tx
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.role, 'steward')))
    .for('update');
  const [target] = await tx
    .select({ role: membership.role })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, targetUserId)))
    .for('update');
  if (!target) throw new AppError('NOT_FOUND', 'That person is not a member of this assembly.');
  const remaining = stewards.filter((s) => s.userId !== targetUserId).length + (roleAfter === 'steward' ? 1 : 0);
  if (remaining === 0) throw new AppError('CONFLICT', refusal);
  return target.role;
}
