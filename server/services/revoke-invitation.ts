import { and, eq } from 'drizzle-orm';
import { can } from '../../core/roles';
import type { Db } from '../db/database';
import { invitation } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { requireMembership } from './membership-guard';
import { refuse } from '../../core/refusals';

/** Revokes an invitation: stewards may revoke any, a member only their own. Revoking twice is refused. */
export async function revokeInvitation(db: Db, actorId: string, assemblyId: string, invitationId: string) {
  return db.transaction(async (tx) => {
    const role = await requireMembership(tx, assemblyId, actorId);
    const [row] = await tx
      .select()
      .from(invitation)
      .where(and(eq(invitation.id, invitationId), eq(invitation.assemblyId, assemblyId)))
      .for('update');
    if (!row) throw refuse('INVITATION_NOT_FOUND');
    if (!can(role, 'revoke-any-invitation') && !(can(role, 'invite') && row.createdBy === actorId)) {
      throw refuse('REVOKE_NOT_ALLOWED');
    }
    if (row.revokedAt) throw refuse('INVITATION_ALREADY_REVOKED');
    await tx.update(invitation).set({ revokedAt: new Date(), revokedBy: actorId }).where(eq(invitation.id, row.id));
    await appendAssemblyLog(tx, {
      assemblyId,
      actorId,
      action: 'invitation.revoked',
      details: { invitationId: row.id, role: row.role },
    });
  });
}
