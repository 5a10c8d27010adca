import { and, eq } from 'drizzle-orm';
import type { Role } from '../../core/roles';
import type { Db } from '../db/database';
import { membership, proposal, user } from '../db/schema';

/** What a member may do with a proposal's text, and the name others see in their presence. */
export interface SyncAccess {
  role: Role;
  name: string;
  assemblyId: string;
}

/**
 * The caller's access to a proposal's live text: their role in its assembly
 * and their name, or undefined when the proposal does not exist or they are
 * not a member (both refused alike, so that outsiders learn nothing).
 */
export async function findSyncAccess(db: Db, userId: string, proposalId: string): Promise<SyncAccess | undefined> {
  const [row] = await db
    .select({ role: membership.role, name: user.name, assemblyId: proposal.assemblyId })
    .from(proposal)
    .innerJoin(membership, and(eq(membership.assemblyId, proposal.assemblyId), eq(membership.userId, userId)))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(proposal.id, proposalId));
  return row;
}
