import { randomUUID } from 'node:crypto';
import { canInviteAs } from '../../core/roles';
import type { CreateInvitationInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { invitation } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import { presentInvitation } from './invitation-view';
import { requireRoleFor } from './membership-guard';
import { refuse } from '../../core/refusals';

/**
 * Creates an invitation link. Members invite members and observers; only
 * stewards invite stewards. The token is returned once and stored hashed.
 */
export async function createInvitation(
  db: Db,
  actor: { id: string; name: string },
  assemblyId: string,
  input: CreateInvitationInput,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const role = await requireRoleFor(tx, assemblyId, actor.id, 'invite', 'OBSERVERS_CANNOT_INVITE');
    if (!canInviteAs(role, input.role)) throw refuse('STEWARDS_ONLY_INVITE_STEWARDS');
    const token = newInvitationToken();
    const [row] = await tx
      .insert(invitation)
      .values({
        id: randomUUID(),
        assemblyId,
        tokenHash: hashInvitationToken(token),
        role: input.role,
        createdBy: actor.id,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
        maxUses: input.maxUses,
      })
      .returning();
    await appendAssemblyLog(tx, {
      assemblyId,
      actorId: actor.id,
      action: 'invitation.created',
      details: { invitationId: row.id, role: row.role, maxUses: row.maxUses, expiresAt: row.expiresAt.toISOString() },
    });
    return { ...presentInvitation(row, actor.name), token, url: `${publicUrl}/join/${token}` };
  });
}
