import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { assembly, membership } from '../db/schema';
import { requireMembership } from './membership-guard';
import { refuse } from '../../core/refusals';

/** An assembly as its member sees it, with the caller's own role. */
export async function getAssembly(db: Db, userId: string, assemblyId: string) {
  const myRole = await requireMembership(db, assemblyId, userId);
  const [row] = await db
    .select({
      id: assembly.id,
      name: assembly.name,
      description: assembly.description,
      createdAt: assembly.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${membership} m where m.assembly_id = ${assembly.id})`,
    })
    .from(assembly)
    .where(eq(assembly.id, assemblyId));
  if (!row) throw refuse('ASSEMBLY_NOT_FOUND');
  return { ...row, memberCount: Number(row.memberCount), createdAt: row.createdAt.toISOString(), myRole };
}
