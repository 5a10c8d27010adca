import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../../core/roles';
import type { Tx } from '../db/database';
import { membership } from '../db/schema';
import { requireMembership } from './membership-guard';
import { refuse, type RefusalReason } from '../../core/refusals';

/**
 * Locks the assembly's steward rows, always in the same order, and returns
 * their user ids. Every membership change takes this lock first, so that
 * concurrent changes (two stewards demoting each other, a steward acting
 * while being demoted) take turns instead of deadlocking or both passing.
 */
export async function lockStewards(tx: Tx, assemblyId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.role, 'steward')))
    .orderBy(asc(membership.userId))
    .for('update');
  return rows.map((row) => row.userId);
}

/** Locks the stewards and checks that the actor is one of them (404 for outsiders, 403 for other members). */
export async function lockStewardsAsSteward(tx: Tx, assemblyId: string, actorId: string, refusal: RefusalReason): Promise<string[]> {
  const stewards = await lockStewards(tx, assemblyId);
  if (!stewards.includes(actorId)) {
    await requireMembership(tx, assemblyId, actorId);
    throw refuse(refusal);
  }
  return stewards;
}

/**
 * Locks the target's membership and refuses a change that would leave the
 * assembly without a steward. Returns the target's current role.
 */
export async function lockTargetKeepingSteward(
  tx: Tx,
  assemblyId: string,
  stewards: string[],
  targetUserId: string,
  roleAfter: Role | 'gone',
  refusal: RefusalReason,
): Promise<Role> {
  const [target] = await tx
    .select({ role: membership.role })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, targetUserId)))
    .for('update');
  if (!target) throw refuse('NOT_A_MEMBER');
  const remaining = stewards.filter((id) => id !== targetUserId).length + (roleAfter === 'steward' ? 1 : 0);
  if (remaining === 0) throw refuse(refusal);
  return target.role;
}
