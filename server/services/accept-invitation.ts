import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { assembly, invitation, membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { hashInvitationToken } from './invitation-token';
import { invitationState } from './invitation-view';
import { refuse } from '../../core/refusals';
import { publish } from '../realtime/event-bus';

const UNUSABLE = {
  revoked: 'INVITATION_REVOKED',
  expired: 'INVITATION_EXPIRED',
  'used-up': 'INVITATION_USED_UP',
} as const;

/** Joins the assembly an invitation names, with the invitation's role. */
export async function acceptInvitation(db: Db, userId: string, token: string) {
  const joined = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitation)
      .where(eq(invitation.tokenHash, hashInvitationToken(token)))
      .for('update');
    if (!row) throw refuse('INVITATION_INVALID');
    const state = invitationState(row);
    if (state !== 'active') throw refuse(UNUSABLE[state]);
    const [existing] = await tx
      .select({ role: membership.role })
      .from(membership)
      .where(and(eq(membership.assemblyId, row.assemblyId), eq(membership.userId, userId)));
    if (existing) throw refuse('ALREADY_MEMBER');
    // The row lock above serialises acceptances; the condition keeps the use count honest regardless.
    const used = await tx
      .update(invitation)
      .set({ useCount: sql`${invitation.useCount} + 1` })
      .where(and(eq(invitation.id, row.id), lt(invitation.useCount, invitation.maxUses)))
      .returning({ id: invitation.id });
    if (used.length === 0) throw refuse('INVITATION_USED_UP');
    // Two invitations to one assembly accepted at once: the primary key decides, the loser is told why.
    const inserted = await tx
      .insert(membership)
      .values({ assemblyId: row.assemblyId, userId, role: row.role })
      .onConflictDoNothing()
      .returning({ userId: membership.userId });
    if (inserted.length === 0) throw refuse('ALREADY_MEMBER');
    await appendAssemblyLog(tx, {
      assemblyId: row.assemblyId,
      actorId: userId,
      action: 'member.joined',
      subjectUserId: userId,
      details: { invitationId: row.id, role: row.role },
    });
    const [named] = await tx.select({ name: assembly.name }).from(assembly).where(eq(assembly.id, row.assemblyId));
    return { assemblyId: row.assemblyId, assemblyName: named?.name ?? '', role: row.role };
  });
  publish({ type: 'member.joined', assemblyId: joined.assemblyId, userId, role: joined.role });
  return joined;
}
