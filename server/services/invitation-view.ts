import type { invitation } from '../db/schema';

/** Whether an invitation can still be used, and if not, why. */
export type InvitationState = 'active' | 'revoked' | 'expired' | 'used-up';

/** The state of an invitation at `now`. */
export function invitationState(row: typeof invitation.$inferSelect, now = new Date()): InvitationState {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  if (row.useCount >= row.maxUses) return 'used-up';
  return 'active';
}

/** An invitation as members see it (never the token). */
export function presentInvitation(row: typeof invitation.$inferSelect, createdByName: string) {
  return {
    id: row.id,
    role: row.role,
    createdBy: { id: row.createdBy, name: createdByName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    useCount: row.useCount,
    state: invitationState(row),
  };
}
