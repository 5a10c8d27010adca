import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../../core/roles';
import type { CreateProposalInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { membership, proposal, proposalAuthor } from '../db/schema';
import { storeInitialText } from '../sync/document-store';
import { appendAssemblyLog } from './assembly-log-writer';
import { requireRoleFor } from './membership-guard';
import { refuse } from '../../core/refusals';
import { publish } from '../realtime/event-bus';
import { titleHash } from '../../core/ledger-content';
import { appendLedgerEntry } from './ledger-writer';

/** Creates a draft proposal authored by the caller and the co-authors they name (members, not observers). */
export async function createProposal(db: Db, actorId: string, assemblyId: string, input: CreateProposalInput) {
  const created = await db.transaction(async (tx) => {
    await requireRoleFor(tx, assemblyId, actorId, 'create-proposal', 'OBSERVERS_CANNOT_CREATE_PROPOSALS');
    const coAuthorIds = [...new Set(input.coAuthorIds)].filter((id) => id !== actorId);
    if (coAuthorIds.length > 0) {
      const found = await tx
        .select({ userId: membership.userId, role: membership.role })
        .from(membership)
        .where(and(eq(membership.assemblyId, assemblyId), inArray(membership.userId, coAuthorIds)));
      const eligible = new Set(found.filter((m) => can(m.role, 'co-author')).map((m) => m.userId));
      const refused = coAuthorIds.filter((id) => !eligible.has(id));
      if (refused.length > 0) {
        throw refuse('INVALID_CO_AUTHORS', { details: { refused } });
      }
    }
    const id = randomUUID();
    const [row] = await tx.insert(proposal).values({ id, assemblyId, title: input.title, createdBy: actorId }).returning();
    await tx.insert(proposalAuthor).values([actorId, ...coAuthorIds].map((userId) => ({ proposalId: id, userId })));
    await storeInitialText(tx, id);
    // The chain's first entry; the row was created in this transaction, so nobody else can append to it yet.
    await appendLedgerEntry(tx, {
      proposalId: id,
      kind: 'proposal.created',
      actorId,
      data: { assemblyId, titleHash: titleHash(input.title), authorIds: [actorId, ...coAuthorIds] },
    });
    await appendAssemblyLog(tx, {
      assemblyId,
      actorId,
      action: 'proposal.created',
      details: { proposalId: id, title: input.title, coAuthorIds },
    });
    return { id: row.id, assemblyId, title: row.title, status: row.status, createdAt: row.createdAt.toISOString() };
  });
  publish({ type: 'proposal.created', assemblyId, proposalId: created.id, title: created.title, status: created.status });
  return created;
}
