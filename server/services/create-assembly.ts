import { randomUUID } from 'node:crypto';
import type { CreateAssemblyInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { assembly, membership } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';

/** Creates an assembly whose creator is its first steward. */
export async function createAssembly(db: Db, actorId: string, input: CreateAssemblyInput) {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [created] = await tx
      .insert(assembly)
      .values({ id, name: input.name, description: input.description, createdBy: actorId })
      .returning();
    await tx.insert(membership).values({ assemblyId: id, userId: actorId, role: 'steward' });
    await appendAssemblyLog(tx, { assemblyId: id, actorId, action: 'assembly.created', details: { name: input.name } });
    return {
      id: created.id,
      name: created.name,
      description: created.description,
      createdAt: created.createdAt.toISOString(),
      myRole: 'steward' as const,
    };
  });
}
