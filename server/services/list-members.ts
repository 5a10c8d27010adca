import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { membership, user } from '../db/schema';
import { requireMembership } from './membership-guard';

/**
 * The assembly's members with their roles, for any of its members. Email
 * addresses are shown to stewards only, who keep the membership.
 */
export async function listMembers(db: Db, userId: string, assemblyId: string) {
  const myRole = await requireMembership(db, assemblyId, userId);
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: membership.role, joinedAt: membership.joinedAt })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.assemblyId, assemblyId))
    .orderBy(asc(membership.joinedAt));
  return rows.map((row) => ({
    ...row,
    email: myRole === 'steward' ? row.email : null,
    joinedAt: row.joinedAt.toISOString(),
  }));
}
