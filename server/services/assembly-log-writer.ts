import type { AssemblyLogAction } from '../../core/assembly-log';
import type { Tx } from '../db/database';
import { assemblyLog } from '../db/schema';

/** One entry to append to an assembly's log. */
export interface AssemblyLogEntry {
  assemblyId: string;
  actorId: string;
  action: AssemblyLogAction;
  subjectUserId?: string;
  details?: Record<string, unknown>;
}

/** Appends an entry to the assembly's log, inside the transaction that made the change it records. */
export async function appendAssemblyLog(tx: Tx, entry: AssemblyLogEntry): Promise<void> {
  await tx.insert(assemblyLog).values({
    assemblyId: entry.assemblyId,
    actorId: entry.actorId,
    action: entry.action,
    subjectUserId: entry.subjectUserId ?? null,
    details: entry.details ?? {},
  });
}
