import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { proposalAuthor, user } from '../db/schema';

/** The authors of each proposal in `proposalIds`, in the order they were added. */
export async function loadAuthors(db: Queryable, proposalIds: string[]) {
  const byProposal = new Map<string, { id: string; name: string }[]>();
  if (proposalIds.length === 0) return byProposal;
  const rows = await db
    .select({ proposalId: proposalAuthor.proposalId, id: user.id, name: user.name })
    .from(proposalAuthor)
    .innerJoin(user, eq(user.id, proposalAuthor.userId))
    .where(inArray(proposalAuthor.proposalId, proposalIds))
    .orderBy(asc(proposalAuthor.addedAt), asc(user.name));
  for (const row of rows) {
    const list = byProposal.get(row.proposalId) ?? [];
    list.push({ id: row.id, name: row.name });
    byProposal.set(row.proposalId, list);
  }
  return byProposal;
}

/** Whether `userId` is one of the proposal's authors (they steer it through its stages). */
export async function isProposalAuthor(db: Queryable, proposalId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: proposalAuthor.userId })
    .from(proposalAuthor)
    .where(and(eq(proposalAuthor.proposalId, proposalId), eq(proposalAuthor.userId, userId)));
  return Boolean(row);
}
