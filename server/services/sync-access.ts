import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../core/roles';
import type { Db } from '../db/database';
import { membership, proposal, session, user } from '../db/schema';
import { liveSession } from './session-alive';

/** What a member may do with a proposal's text, and the name others see in their presence. */
export interface SyncAccess {
  role: Role;
  name: string;
  assemblyId: string;
  /** With a session to check: whether it still exists and has not expired. */
  sessionAlive: boolean;
}

/**
 * The caller's access to a proposal's live text: their role in its assembly
 * and their name, or undefined when the proposal does not exist or they are
 * not a member (both refused alike, so that outsiders learn nothing). Given a
 * session id (a sync token's), the same single query also tells whether that
 * session is still alive, so that admission costs one round trip.
 */
export async function findSyncAccess(db: Db, userId: string, proposalId: string, sessionId?: string): Promise<SyncAccess | undefined> {
  const [row] = await db
    .select({
      role: membership.role,
      name: user.name,
      assemblyId: proposal.assemblyId,
      sessionAlive: sessionId ? sql<boolean>`${session.id} is not null` : sql<boolean>`true`,
    })
    .from(proposal)
    .innerJoin(membership, and(eq(membership.assemblyId, proposal.assemblyId), eq(membership.userId, userId)))
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(session, liveSession(sessionId ?? '', userId))
    .where(eq(proposal.id, proposalId));
  return row ? { ...row, sessionAlive: Boolean(row.sessionAlive) } : undefined;
}
