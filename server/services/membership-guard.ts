import { and, eq } from 'drizzle-orm';
import { can, type Role, type RoleAction } from '../../core/roles';
import type { Queryable } from '../db/database';
import { membership } from '../db/schema';
import { refuse, type RefusalReason } from '../../core/refusals';

/**
 * The caller's role in an assembly. Non-members are told the assembly does
 * not exist (404), so that its existence does not leak to outsiders.
 */
export async function requireMembership(db: Queryable, assemblyId: string, userId: string): Promise<Role> {
  const [row] = await db
    .select({ role: membership.role })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, userId)));
  if (!row) throw refuse('ASSEMBLY_NOT_FOUND');
  return row.role;
}

/** The caller's role, after checking that it allows `action` (403 otherwise). */
export async function requireRoleFor(
  db: Queryable,
  assemblyId: string,
  userId: string,
  action: RoleAction,
  refusal: RefusalReason,
): Promise<Role> {
  const role = await requireMembership(db, assemblyId, userId);
  if (!can(role, action)) throw refuse(refusal);
  return role;
}
