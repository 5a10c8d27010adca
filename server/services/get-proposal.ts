import { eq } from 'drizzle-orm';
import { can } from '../../core/roles';
import type { Db } from '../db/database';
import { assembly, proposal } from '../db/schema';
import { requireMembership } from './membership-guard';
import { loadAuthors } from './proposal-authors';
import { refuse } from '../../core/refusals';

/** One proposal, for members of its assembly, with what the caller may do with it. */
export async function getProposal(db: Db, userId: string, proposalId: string) {
  const [row] = await db
    .select({ proposal, assemblyName: assembly.name })
    .from(proposal)
    .innerJoin(assembly, eq(assembly.id, proposal.assemblyId))
    .where(eq(proposal.id, proposalId));
  if (!row) throw refuse('PROPOSAL_NOT_FOUND');
  let myRole;
  try {
    myRole = await requireMembership(db, row.proposal.assemblyId, userId);
  } catch {
    // Outsiders learn nothing about the proposal, not even that its assembly exists.
    throw refuse('PROPOSAL_NOT_FOUND');
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
