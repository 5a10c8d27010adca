import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { invitation, user } from '../db/schema';
import { presentInvitation } from './invitation-view';
import { requireRoleFor } from './membership-guard';

/** The assembly's invitations, newest first, for those who may invite. */
export async function listInvitations(db: Db, userId: string, assemblyId: string) {
  await requireRoleFor(db, assemblyId, userId, 'invite', 'OBSERVERS_CANNOT_INVITE');
  const rows = await db
    .select({ invitation, createdByName: user.name })
    .from(invitation)
    .innerJoin(user, eq(user.id, invitation.createdBy))
    .where(eq(invitation.assemblyId, assemblyId))
    .orderBy(desc(invitation.createdAt));
  return rows.map((row) => presentInvitation(row.invitation, row.createdByName));
}
