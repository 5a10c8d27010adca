import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { assembly, membership } from '../db/schema';

/** The assemblies the member belongs to, newest membership first, with their role and member count. */
export async function listMyAssemblies(db: Db, userId: string) {
  const rows = await db
    .select({
      id: assembly.id,
      name: assembly.name,
      description: assembly.description,
      myRole: membership.role,
      joinedAt: membership.joinedAt,
      memberCount: sql<number>`(select count(*)::int from ${membership} m where m.assembly_id = ${assembly.id})`,
    })
    .from(membership)
    .innerJoin(assembly, eq(assembly.id, membership.assemblyId))
    .where(eq(membership.userId, userId))
    .orderBy(desc(membership.joinedAt));
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount), joinedAt: row.joinedAt.toISOString() }));
}
