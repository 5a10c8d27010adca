import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { can } from '../../core/roles';
import type { Db } from '../db/database';
import { assembly, proposal } from '../db/schema';
import { requireMembership } from './membership-guard';
import { loadAuthors } from './proposal-authors';

/** One proposal, for members of its assembly, with what the caller may do with it. */
export async function getProposal(db: Db, userId: string, proposalId: string) {
  const [row] = await db
    .select({ proposal, assemblyName: assembly.name })
    .from(proposal)
    .innerJoin(assembly, eq(assembly.id, proposal.assemblyId))
    .where(eq(proposal.id, proposalId));
  if (!row) throw new AppError('NOT_FOUND', 'Proposal not found.');
  let myRole;
  try {
    myRole = await requireMembership(db, row.proposal.assemblyId, userId);
  } catch {
    // Outsiders learn nothing about the proposal, not even that its assembly exists.
    throw new AppError('NOT_FOUND', 'Proposal not found.');
  }
  const authors = (await loadAuthors(db, [proposalId])).get(proposalId) ?? [];
  return {
    id: row.proposal.id,
    title: row.proposal.title,
    status: row.proposal.status,
    assembly: { id: row.proposal.assemblyId, name: row.assemblyName },
    authors,
    createdAt: row.proposal.createdAt.toISOString(),
    lastActivityAt: row.proposal.lastActivityAt.toISOString(),
    myRole,
    isAuthor: authors.some((a) => a.id === userId),
    canWrite: can(myRole, 'create-proposal'),
  };
}
