import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { assembly, invitation, membership, user } from '../db/schema';
import { hashInvitationToken } from './invitation-token';
import { invitationState } from './invitation-view';
import { refuse } from '../../core/refusals';

/**
 * What an invitation link leads to (assembly, role, inviter, state), shown on
 * the join page before signing in. Knowing the token is the permission.
 */
export async function previewInvitation(db: Db, token: string, viewerId: string | undefined) {
  const [row] = await db
    .select({ invitation, assemblyName: assembly.name, inviterName: user.name })
    .from(invitation)
    .innerJoin(assembly, eq(assembly.id, invitation.assemblyId))
    .innerJoin(user, eq(user.id, invitation.createdBy))
    .where(eq(invitation.tokenHash, hashInvitationToken(token)));
  if (!row) throw refuse('INVITATION_INVALID');
  let alreadyMember = false;
  if (viewerId) {
    const [m] = await db
      .select({ role: membership.role })
      .from(membership)
      .where(and(eq(membership.assemblyId, row.invitation.assemblyId), eq(membership.userId, viewerId)));
    alreadyMember = Boolean(m);
  }
  return {
    assembly: { id: row.invitation.assemblyId, name: row.assemblyName },
    role: row.invitation.role,
    invitedBy: row.inviterName,
    expiresAt: row.invitation.expiresAt.toISOString(),
    state: invitationState(row.invitation),
    alreadyMember,
  };
}
